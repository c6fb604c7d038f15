"""The ASP's payment statements (``paiements``): who reads them and the flagged months, who imports a region's
statement."""

from django.db.models import QuerySet

from droit.vocabulaire import Role

from .decorateurs import permission_requise
from .perimetre import Perimetre, a_l_un_des_roles
from .territoire import choisit_la_region, region_geree

ROLES_PAIEMENTS = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)
ROLES_RELEVES_A_IMPORTER = (Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_paiements(perimetre: Perimetre) -> bool:
    """The statements and the flagged months of a region: its correspondents and gestionnaires, national roles
    (every region), administrators."""
    return a_l_un_des_roles(perimetre, ROLES_PAIEMENTS)


def peut_importer_des_releves(perimetre: Perimetre) -> bool:
    """Import some region's ASP statement: a gestionnaire régional (theirs), national roles (any region)."""
    return a_l_un_des_roles(perimetre, ROLES_RELEVES_A_IMPORTER)


def peut_importer_releve_asp(perimetre: Perimetre, region_id: int | None) -> bool:
    """Import (deposit, check, confirm) the ASP statement of ``region_id``: its gestionnaire, or national roles."""
    if region_id is None:
        return False
    if perimetre.national:
        return True
    return perimetre.role == Role.GESTIONNAIRE_REGIONAL and perimetre.region_id == region_id


def region_des_releves(perimetre: Perimetre) -> int | None:
    """The region a gestionnaire's statements are for; None for national roles, who choose it."""
    return None if choisit_la_region(perimetre) else region_geree(perimetre)


def regions_des_releves(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose statements a person may import: all for national roles, a gestionnaire's own."""
    if not peut_importer_des_releves(perimetre):
        return regions.none()
    return regions if perimetre.national else regions.filter(pk=perimetre.region_id)


paiements_requis = permission_requise(peut_voir_paiements)
releves_a_importer_requis = permission_requise(peut_importer_des_releves)
