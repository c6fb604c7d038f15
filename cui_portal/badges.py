"""The DSFR badge colour of each value of a set of choices (statuses, states), declared once per set.

Each app declares the colours of its own choices in its ``AppConfig.ready()``:
``enregistrer(StatutArrete, {StatutArrete.PUBLIE: SUCCES, StatutArrete.ABROGE: ATTENTION}, defaut=INFO)``;
a set that is not a ``TextChoices`` gives its labels (``libelles=…``) and its name (``nom=…``). Templates show
them with ``{% load portail %}{% badge_statut objet %}`` (see ``cui_portal/templatetags/portail.py``).
"""

from dataclasses import dataclass

from droit.vocabulaire import StatutConvention

# The DSFR badge modifiers (https://www.systeme-de-design.gouv.fr/elements-d-interface/composants/badge); ""
# is the neutral grey badge.
SUCCES, ERREUR, INFO, ATTENTION, NOUVEAU, NEUTRE = "success", "error", "info", "warning", "new", ""


@dataclass(frozen=True)
class Choix:
    nom: str
    libelles: dict[str, str]
    couleurs: dict[str, str]
    defaut: str

    def couleur(self, valeur) -> str:
        return self.couleurs.get(str(valeur), self.defaut)


REGISTRE: dict[str, Choix] = {}


def enregistrer(choix, couleurs: dict, *, defaut: str = NEUTRE, libelles: dict | None = None, nom: str = "") -> None:
    libelles = libelles if libelles is not None else dict(choix.choices)
    REGISTRE[nom or choix.__name__] = Choix(
        nom or choix.__name__,
        {str(k): str(v) for k, v in libelles.items()},
        {str(k): v for k, v in couleurs.items()},
        defaut,
    )


def choix_de(nom: str) -> Choix | None:
    return REGISTRE.get(nom)


def choix_des_valeurs(valeurs) -> Choix | None:
    """The registered set whose values are exactly ``valeurs`` (a model field's choices)."""
    valeurs = {str(v) for v in valeurs}
    return next((c for c in REGISTRE.values() if set(c.libelles) == valeurs), None)


enregistrer(
    StatutConvention,
    {
        StatutConvention.BROUILLON: NOUVEAU,
        StatutConvention.CONCLUE: SUCCES,
        StatutConvention.EN_COURS: SUCCES,
        StatutConvention.SUSPENDUE: ATTENTION,
        StatutConvention.ROMPUE: ERREUR,
        StatutConvention.ANNULEE: NEUTRE,
    },
    defaut=INFO,
)
