from .navigation import menu_pour
from .permissions import perimetre_de


def portail(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    perimetre = perimetre_de(request)
    return {
        "perimetre": perimetre,
        "habilitation": getattr(request, "habilitation", None),
        "menu": menu_pour(perimetre, request.path),
    }
