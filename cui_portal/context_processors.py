from .horloge import avis_demonstration
from .navigation import menu_pour
from .permissions import perimetre_de


def portail(request):
    user = getattr(request, "user", None)
    avis = avis_demonstration()
    if user is None or not user.is_authenticated:
        return {"menu": [], "avis_demonstration": avis}
    perimetre = perimetre_de(request)
    return {
        "avis_demonstration": avis,
        "perimetre": perimetre,
        "habilitation": getattr(request, "habilitation", None),
        "menu": menu_pour(perimetre, request.path),
    }
