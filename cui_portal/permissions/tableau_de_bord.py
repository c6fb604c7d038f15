"""The CAE-jeunes programme and the budgets of the aid (``tableau_de_bord``): who reads them, which regions, who
changes a comité de pilotage or a bilan d'étape, who sets the objectives."""

from django.db.models import QuerySet

from droit.vocabulaire import Role

from .decorateurs import permission_requise
from .perimetre import Perimetre, a_l_un_des_roles, restreindre
from .territoire import peut_suivre_region

ROLES_PROGRAMME = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_programme(perimetre: Perimetre) -> bool:
    """The CAE-jeunes pages and API: regional correspondents and gestionnaires (their region), national users
    (every region, read-only except reading and commenting the bilans), administrators."""
    return a_l_un_des_roles(perimetre, ROLES_PROGRAMME)


def regions_du_programme(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose CAE-jeunes pages the person may read: all for national roles, their own for a
    regional role, none otherwise (another region answers 404: its existence is not discussed)."""
    return restreindre(regions, perimetre, region="pk")


programme_requis = permission_requise(peut_voir_programme)


# --- budgets of the aid (paiements, tableau de bord) -------------------------------------------------

ROLES_BUDGETS = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_budgets(perimetre: Perimetre) -> bool:
    """The money of the aid (committed, due, paid, to recover): the regions for their own, national roles for
    all, administrators."""
    return a_l_un_des_roles(perimetre, ROLES_BUDGETS)


def regions_des_budgets(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose budget the person may read: all for national roles, their own for a regional role."""
    return restreindre(regions, perimetre, region="pk")


def peut_fixer_objectifs(perimetre: Perimetre) -> bool:
    """Each region's annual objectives of entries and State envelope: the DGEFP (national role)."""
    return perimetre.national


# --- comités de pilotage and bilans d'étape --------------------------------------------------------


def peut_modifier_comite(perimetre: Perimetre, comite) -> bool:
    """Change or cancel a comité de pilotage: the region's correspondents and gestionnaires, until it is cancelled
    (the DGEFP reads the calendar)."""
    return peut_suivre_region(perimetre, comite.region_id) and comite.annule_le is None


def peut_rouvrir_bilan(perimetre: Perimetre, bilan) -> bool:
    """Reopen a transmitted bilan d'étape for correction: the region, until the DGEFP has read it."""
    return peut_suivre_region(perimetre, bilan.region_id) and bilan.statut == "soumis"


def peut_rectifier_bilan(perimetre: Perimetre, bilan) -> bool:
    """Add a dated rectification to a bilan the DGEFP has read: the region."""
    return peut_suivre_region(perimetre, bilan.region_id) and bilan.statut == "lu"
