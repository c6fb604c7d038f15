"""The parties of a convention: each convention has its own records of its employer and employee (what its
organisation typed), on the shared identities found again by SIRET or NIR.

A shared identity is created by the first entry and never changed by another one; a record is never read nor
written for another convention. Nothing here copies another organisation's data into a draft.
"""

from django.db import transaction
from django.forms.models import model_to_dict
from stdnum.fr import siret as stdnum_siret

from ..models_identites import IDENTITE_PUBLIQUE, Etablissement, IdentiteSalarie
from ..models_parties import Employeur, Salarie, compacter_nir
from ..regles.base import Personne
from .commun import creer_sans_doublon, enregistrer


@transaction.atomic
def etablissement_de(siret: str, **champs) -> Etablissement:
    """The establishment with this SIRET; created with the public identity of ``champs`` when new (an existing one
    keeps the identity of its first entry: what another organisation types never changes it)."""
    siret = stdnum_siret.compact(siret or "")
    existant = Etablissement.objects.par_siret(siret).first()
    if existant is not None:
        return existant
    etablissement = Etablissement(siret=siret, **{c: champs[c] for c in IDENTITE_PUBLIQUE if c in champs})
    # The database says whether the SIRET is taken, even against a concurrent insert.
    etablissement.full_clean(validate_unique=False, validate_constraints=False)
    return creer_sans_doublon(etablissement, None, "", lambda: Etablissement.objects.par_siret(siret).first())


@transaction.atomic
def identite_de(nir: str) -> IdentiteSalarie | None:
    """The person with this NIR, created when new (None without a NIR)."""
    nir = compacter_nir(nir)
    if not nir:
        return None
    existante = IdentiteSalarie.objects.par_nir(nir).first()
    if existante is not None:
        return existante
    identite = IdentiteSalarie(nir=nir)
    identite.full_clean(validate_unique=False, validate_constraints=False)
    return creer_sans_doublon(identite, None, "", lambda: IdentiteSalarie.objects.par_nir(nir).first())


def nouvel_employeur(siret: str, par=None, **champs) -> Employeur:
    """A new record of the employer for one convention, on the establishment of this SIRET."""
    etablissement = etablissement_de(siret, **champs)
    employeur = Employeur(etablissement=etablissement, siret=etablissement.siret, **champs)
    employeur.full_clean()
    return enregistrer(employeur, par, "Employeur de la convention")


def nouveau_salarie(nir: str, par=None, **champs) -> Salarie:
    """A new record of the employee for one convention, on the person of this NIR."""
    salarie = Salarie(identite=identite_de(nir), **champs)
    salarie.full_clean()
    return enregistrer(salarie, par, "Salarié de la convention")


def modifier_partie(fiche, par, raison: str, **champs):
    """A draft's record changed with what its organisation typed (the caller checks that it is a draft's)."""
    modifies = {k: v for k, v in champs.items() if getattr(fiche, k) != v}
    if not modifies:
        return fiche
    for k, v in modifies.items():
        setattr(fiche, k, v)
    fiche.full_clean()
    return enregistrer(fiche, par, raison)


def copie_de(fiche, par=None):
    """A new record with the same values as ``fiche`` (one of the same organisation's conventions, e.g. the one a
    renewal prolongs), for another convention."""
    modele = type(fiche)
    valeurs = model_to_dict(fiche, exclude=["id", "cree_le", "modifie_le"])
    for champ in ("etablissement", "identite", "departement"):
        if champ in valeurs:
            valeurs[f"{champ}_id"] = valeurs.pop(champ)
    return enregistrer(modele(**valeurs), par, "Reprise de la convention précédente")


def personne_de(salarie: Salarie) -> Personne:
    return Personne(
        date_naissance=salarie.date_naissance,
        rqth=salarie.rqth,
        beneficiaire_aah=salarie.beneficiaire_aah,
        beneficiaire_rsa=salarie.beneficiaire_rsa,
        beneficiaire_ass=salarie.beneficiaire_ass,
        beneficiaire_ata=salarie.beneficiaire_ata,
        amenagement_de_peine=salarie.amenagement_de_peine,
    )
