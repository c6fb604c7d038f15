"""The writes of the entry's steps that span several objects, each all or nothing: the employer (step 1), the
employee (step 2), support and immersion periods (step 5). The parties are the draft's own records
(``services.parties``). The draft itself goes through
``conclusion.enregistrer_brouillon`` and its check."""

from django.db import transaction

from droit.vocabulaire import StatutConvention
from referentiels.violation import Violation

from ..models import Convention
from ..models_identites import Etablissement
from ..models_parties import Employeur
from ..regles.base import RegleConventionError, contrat_du_secteur
from .conclusion import enregistrer_brouillon
from .evenements import remplacer_periodes_brouillon
from .parties import etablissement_de, identite_de, modifier_partie, nouveau_salarie, nouvel_employeur


def _brouillon_verrouille(convention: Convention) -> Convention:
    """The draft locked for the write; a concluded convention's parties are its snapshot: never changed here."""
    convention = Convention.objects.select_for_update().select_related("employeur", "salarie").get(pk=convention.pk)
    if convention.statut != StatutConvention.BROUILLON:
        raise RegleConventionError(
            [Violation("statut", "Les parties d'une convention conclue ne se modifient plus : passez par un avenant.")]
        )
    return convention


@transaction.atomic
def enregistrer_employeur(
    siret: str, *, par, champs: dict, convention: Convention | None = None, bilan_employeur_fourni: bool = False
) -> tuple[Etablissement, Convention | None]:
    """Step 1: the establishment of the SIRET (its public identity recorded by its first entry, never changed by
    another one) and what the prescripteur typed about the employer. With a draft, its own record of the employer
    is changed (replaced when the SIRET changes); before step 2 there is no draft: the values wait in the session
    (checked here, written at step 2)."""
    etablissement = etablissement_de(siret, **champs)
    if convention is None:
        Employeur(etablissement=etablissement, siret=etablissement.siret, **champs).full_clean()
        return etablissement, None
    convention = _brouillon_verrouille(convention)
    ancien = convention.employeur
    if ancien.etablissement_id == etablissement.pk:
        modifier_partie(ancien, par, "Employeur de la convention modifié", **champs)
        employeur = ancien
    else:
        employeur = nouvel_employeur(siret, par=par, **champs)
    convention = enregistrer_brouillon(
        par=par, convention=convention, employeur=employeur, bilan_employeur_fourni=bilan_employeur_fourni
    )
    if employeur.pk != ancien.pk:
        ancien.delete()  # the draft's own record, no longer its employer: no one else holds it
    return etablissement, convention


@transaction.atomic
def enregistrer_salarie(
    nir: str,
    *,
    par,
    champs: dict,
    convention: Convention | None = None,
    prescripteur_id: int | None = None,
    etablissement: Etablissement | None = None,
    champs_employeur: dict | None = None,
    bilan_employeur_fourni: bool = False,
) -> Convention:
    """Step 2: the draft's own record of the employee, on the person of the NIR; nothing is read from another
    convention's record nor written to it. Without a draft: created with the employer typed at step 1 and the
    contract of its sector, or, when this prescripteur already has a draft for this person at this establishment
    (the form sent twice), that draft updated. The establishment's row is locked meanwhile: two submits at once
    make one draft."""
    if convention is not None:
        convention = _brouillon_verrouille(convention)
        salarie = convention.salarie
        identite = identite_de(nir) if nir else salarie.identite
        modifier_partie(salarie, par, "Salarié de la convention modifié", identite=identite, **champs)
        return enregistrer_brouillon(par=par, convention=convention, salarie=salarie)
    etablissement = Etablissement.objects.select_for_update().get(pk=etablissement.pk)
    identite = identite_de(nir)
    existant = (
        Convention.objects.filter(
            statut=StatutConvention.BROUILLON,
            prescripteur_id=prescripteur_id,
            employeur__etablissement=etablissement,
            salarie__identite=identite,
        )
        .order_by("pk")
        .first()
        if identite is not None
        else None
    )
    if existant is not None:
        existant = _brouillon_verrouille(existant)
        modifier_partie(existant.employeur, par, "Employeur de la convention modifié", **champs_employeur)
        modifier_partie(existant.salarie, par, "Salarié de la convention modifié", **champs)
        return enregistrer_brouillon(par=par, convention=existant, bilan_employeur_fourni=bilan_employeur_fourni)
    employeur = nouvel_employeur(etablissement.siret, par=par, **champs_employeur)
    salarie = nouveau_salarie(nir, par=par, **champs)
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
