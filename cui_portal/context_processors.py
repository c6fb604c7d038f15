from types import MappingProxyType

from droit import nombres

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


def _valeurs_du_droit() -> MappingProxyType:
    """Every constant of ``droit.nombres``, and each share as French prose (``PART_CG_DU_RSA_EN_POURCENT``:
    « 88 % »), for the templates: ``{{ droit.HEURES_MIN }}``."""
    valeurs = {nom: valeur for nom, valeur in vars(nombres).items() if nom.isupper()}
    valeurs |= {f"{nom}_EN_POURCENT": nombres.pourcentage(v) for nom, v in valeurs.items() if nom.startswith("PART_")}
    return MappingProxyType(valeurs)


DROIT = _valeurs_du_droit()


def droit(request):
    """The law's numbers in every page: templates write ``{{ droit.PLAFOND_CAE }}``, never « 95 »."""
    return {"droit": DROIT}
