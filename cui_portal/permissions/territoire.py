"""The territory a person works on: which region a list or report is about, which regions and départements it
may be filtered on, and who manages or follows a region."""

from django.db.models import QuerySet

from droit.vocabulaire import Role

from .. import parametres
from .perimetre import Perimetre, est_conseil_general


def choisit_la_region(perimetre: Perimetre) -> bool:
    """National roles choose the region of a list or report (and get the region menu); the others are held to
    their own territory."""
    return perimetre.national


def region_choisie(perimetre: Perimetre, demandee: str | None) -> int | None:
    """The region a list or report is about: for national roles the one asked for (None: France entière),
    for the others their own region (None if they have none)."""
    if choisit_la_region(perimetre):
        return parametres.identifiant(demandee)
    return perimetre.region_id


def region_suivie(perimetre: Perimetre) -> int | None:
    """The region a correspondant or gestionnaire régional works in (bilans, operators, comités, CAOM to move
    on); None for everyone else, national roles and administrators included."""
    return perimetre.region_id if perimetre.regional else None


def region_geree(perimetre: Perimetre) -> int | None:
    """The region whose arrêtés a gestionnaire régional prepares; None for everyone else (an administrator
    chooses the region)."""
    return perimetre.region_id if perimetre.role == Role.GESTIONNAIRE_REGIONAL else None


def departement_de_l_organisation(perimetre: Perimetre) -> int | None:
    """The département of the organisation one acts for (a default for the forms, not a scope)."""
    return perimetre.departement_id


def organisation_agissante(perimetre: Perimetre) -> int | None:
    """The organisation one acts for: the prescripteur of the conventions one enters."""
    return perimetre.organisation_id


def departement_du_conseil_general(perimetre: Perimetre) -> int | None:
    """The département of a conseil général (its CAOM); None for everyone else."""
    return perimetre.departement_id if est_conseil_general(perimetre) else None


def departements_a_choisir(departements: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The départements a list may be filtered on: all for national roles, the region's for a regional role,
    one's own département otherwise."""
    if perimetre.national:
        return departements
    if perimetre.regional and perimetre.region_id:
        return departements.filter(region_id=perimetre.region_id)
    return departements.filter(pk=perimetre.departement_id)


def regions_a_choisir(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions a list may be filtered on: all for national roles, one's own region otherwise."""
    return regions if perimetre.national else regions.filter(pk=perimetre.region_id)


# --- actions -------------------------------------------------------------------------------------


def peut_gerer_region(perimetre: Perimetre, region_id: int | None) -> bool:
    """Load arrêtés, sign CAOM, follow operators: the region's gestionnaire, or an administrator."""
    if perimetre.administrateur:
        return True
    return perimetre.role == Role.GESTIONNAIRE_REGIONAL and region_id is not None and perimetre.region_id == region_id


def peut_suivre_region(perimetre: Perimetre, region_id: int | None) -> bool:
    """Fill the bilans and follow the programme: the region's correspondents and gestionnaires."""
    if perimetre.administrateur:
        return True
    return perimetre.regional and region_id is not None and perimetre.region_id == region_id


def peut_lire_national(perimetre: Perimetre) -> bool:
    return perimetre.national
