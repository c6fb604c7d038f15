from django.urls import reverse

from cui_portal.accueil import Carte

from .models import Rappel


def a_faire(request, perimetre) -> list[Carte]:
    if not request.user.is_authenticated:
        return []
    non_lus = Rappel.objects.pour(request.user).non_lus().count()
    if not non_lus:
        return []
    return [
        Carte(
            titre="Mes notifications",
            description="Rappels d'échéances qui vous ont été adressés et que vous n'avez pas encore consultés.",
            url=f"{reverse('rappels:notifications')}?non_lues=1",
            nombre=non_lus,
            badge="Non lues",
        )
    ]
