"""CAOM: who sees the lists and the 30 November report, who moves a negotiation on, and the conseil général's
word on its own CAOM."""

from droit.vocabulaire import Role

from .decorateurs import permission_requise
from .perimetre import Perimetre, a_l_un_des_roles, est_conseil_general

ROLES_CAOM = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL, Role.CONSEIL_GENERAL)
ROLES_RAPPORT_CAOM = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL, Role.CONSEIL_GENERAL)


def peut_voir_caom(perimetre: Perimetre) -> bool:
    """The CAOM lists: regions, national roles and conseils généraux (prescripteurs have no CAOM page)."""
    return a_l_un_des_roles(perimetre, ROLES_CAOM)


def region_des_caom_a_signer(perimetre: Perimetre) -> int | None:
    """The region whose CAOM a gestionnaire régional moves on and signs (the home card counts them); None for
    everyone else: a correspondent follows the negotiations without changing them."""
    return perimetre.region_id if perimetre.role == Role.GESTIONNAIRE_REGIONAL else None


def peut_lire_rapport_caom(perimetre: Perimetre) -> bool:
    """The 30 November report on the CAOM negotiations: regions, the DGEFP, and a conseil général for its own
    département (its lines are scoped by ``restreindre``)."""
    return a_l_un_des_roles(perimetre, ROLES_RAPPORT_CAOM)


def peut_donner_avis_caom(perimetre: Perimetre, departement_id: int) -> bool:
    """The conseil général of the CAOM's département comments on its steps and approves its text."""
    return est_conseil_general(perimetre) and perimetre.departement_id == departement_id


caom_requis = permission_requise(peut_voir_caom)
rapport_caom_requis = permission_requise(peut_lire_rapport_caom)
