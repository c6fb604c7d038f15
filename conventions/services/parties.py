"""The employer and the employee of a convention, found again by SIRET or NIR, created or updated."""

from django.db import transaction
from stdnum.fr import siret as stdnum_siret

from ..models_parties import Employeur, Salarie, compacter_nir
from ..regles.base import Personne
from .commun import creer_sans_doublon, enregistrer


@transaction.atomic
def trouver_ou_creer_employeur(siret: str, par=None, **champs) -> Employeur:
    """The employer with this SIRET, created with ``champs`` if new; an existing one is updated with the
    non-empty values given."""
    siret = stdnum_siret.compact(siret or "")
    employeur = Employeur.objects.select_for_update().par_siret(siret).first()
    if employeur is None:
        employeur = Employeur(siret=siret, **champs)
        employeur.full_clean(validate_unique=False)  # the database says it, even against a concurrent insert
        return creer_sans_doublon(
            employeur, par, "Création de l'employeur", lambda: Employeur.objects.par_siret(siret).first()
        )
    modifies = {k: v for k, v in champs.items() if v not in (None, "") and getattr(employeur, k) != v}
    if modifies:
        for k, v in modifies.items():
            setattr(employeur, k, v)
        employeur.full_clean()
        enregistrer(employeur, par, "Mise à jour de l'employeur")
    return employeur


@transaction.atomic
def trouver_ou_creer_salarie(nir: str, par=None, **champs) -> Salarie:
    """The employee with this NIR (found again for a renewal), created with ``champs`` if new."""
    salarie = Salarie.objects.select_for_update().par_nir(nir).first() if nir else None
    if salarie is None:
        salarie = Salarie(nir=compacter_nir(nir), **champs)
        salarie.full_clean(validate_unique=False)
        if not nir:
            return enregistrer(salarie, par, "Création du salarié")
        return creer_sans_doublon(salarie, par, "Création du salarié", lambda: Salarie.objects.par_nir(nir).first())
    modifies = {k: v for k, v in champs.items() if v not in (None, "") and getattr(salarie, k) != v}
    if modifies:
        for k, v in modifies.items():
            setattr(salarie, k, v)
        salarie.full_clean()
        enregistrer(salarie, par, "Mise à jour du salarié")
    return salarie


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
