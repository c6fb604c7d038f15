"""What the ASP paid for a convention, without importing ``paiements`` (which sits above ``conventions``).

``paiements`` registers its provider in ``PaiementsConfig.ready()``::

    from conventions.paiements import enregistrer_fournisseur
    enregistrer_fournisseur(paiements_par_mois)   # (convention_id) -> {mois: (etat, conseil_general)}

Without a provider, nothing is known of the payments and the pages say so.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

Fournisseur = Callable[[int], dict[date, tuple[Decimal, Decimal]]]
_fournisseurs: list[Fournisseur] = []


def enregistrer_fournisseur(fonction: Fournisseur) -> Fournisseur:
    """Register ``fonction(convention_id) -> {mois: (paid by the State, paid by the conseil général)}``."""
    if fonction not in _fournisseurs:
        _fournisseurs.append(fonction)
    return fonction


def suivi_disponible() -> bool:
    return bool(_fournisseurs)


def paiements_de(convention_id: int) -> dict[date, tuple[Decimal, Decimal]]:
    """Paid per month (State, conseil général), summed over the providers."""
    total: dict[date, tuple[Decimal, Decimal]] = {}
    for fournisseur in _fournisseurs:
        for mois, (etat, cg) in fournisseur(convention_id).items():
            avant = total.get(mois, (Decimal(0), Decimal(0)))
            total[mois] = (avant[0] + etat, avant[1] + cg)
    return total
