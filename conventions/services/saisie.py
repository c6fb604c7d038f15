"""The writes of the entry's steps that span several objects, each all or nothing: the employer (step 1), the
employee (step 2), support and immersion periods (step 5). The draft itself goes through
``conclusion.enregistrer_brouillon`` and its check."""

from django.db import transaction

from ..models import Convention
from ..models_parties import Employeur
from ..regles.base import contrat_du_secteur
from .conclusion import enregistrer_brouillon
from .evenements import remplacer_periodes_brouillon
from .parties import trouver_ou_creer_employeur, trouver_ou_creer_salarie


@transaction.atomic
def enregistrer_employeur(
    siret: str, *, par, champs: dict, convention: Convention | None = None, bilan_employeur_fourni: bool = False
) -> tuple[Employeur, Convention | None]:
    """Step 1: the employer found by its SIRET (created or updated), and the draft that names it when there is
    one already (before step 2 there is none: the employer waits in the session)."""
    employeur = trouver_ou_creer_employeur(siret, par=par, **champs)
    if convention is not None:
        convention = enregistrer_brouillon(
            par=par, convention=convention, employeur=employeur, bilan_employeur_fourni=bilan_employeur_fourni
        )
    return employeur, convention


@transaction.atomic
def enregistrer_salarie(
    nir: str,
    *,
    par,
    champs: dict,
    convention: Convention | None = None,
    prescripteur_id: int | None = None,
    employeur: Employeur | None = None,
    bilan_employeur_fourni: bool = False,
) -> Convention:
    """Step 2: the employee found by their NIR (created or updated), then the draft: created with the employer of
    step 1 and the contract of its sector, or updated."""
    salarie = trouver_ou_creer_salarie(nir, par=par, **champs)
    if convention is not None:
        return enregistrer_brouillon(par=par, convention=convention, salarie=salarie)
    return enregistrer_brouillon(
        par=par,
        prescripteur_id=prescripteur_id,
        employeur=employeur,
        salarie=salarie,
        type_contrat=contrat_du_secteur(employeur.secteur),
        bilan_employeur_fourni=bilan_employeur_fourni,
    )


@transaction.atomic
def enregistrer_accompagnement(convention: Convention, *, par, champs: dict, periodes: list[dict]) -> Convention:
    """Step 5: support and training actions, and the immersion periods typed (all replaced, each checked)."""
    convention = enregistrer_brouillon(par=par, convention=convention, **champs)
    remplacer_periodes_brouillon(convention, periodes, par=par)
    return convention
