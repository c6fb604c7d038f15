"""Arrêtés régionaux: who prepares them (reading them is scoped by ``Arrete.objects.visibles_par``; changing
one by ``peut_gerer_region``)."""

from droit.vocabulaire import Role

from .decorateurs import permission_requise
from .perimetre import Perimetre, a_l_un_des_roles

ROLES_ARRETES_A_PREPARER = (Role.GESTIONNAIRE_REGIONAL,)


def peut_creer_arrete(perimetre: Perimetre) -> bool:
    """Prepare a new arrêté: a gestionnaire régional (for their region), or an administrator (any region)."""
    return a_l_un_des_roles(perimetre, ROLES_ARRETES_A_PREPARER)


arretes_a_preparer_requis = permission_requise(peut_creer_arrete)
