"""What the ASP paid for each month of a convention, without importing ``paiements``.

``paiements`` sits above ``conventions`` in the layers: it registers its provider here in
``PaiementsConfig.ready()``::

    from conventions.paiements import enregistrer_fournisseur
    enregistrer_fournisseur(rapprochement.paiements_par_mois)   # (convention_id) -> {mois: (etat, cg)}

``mois`` is the 1st of the month; ``etat`` and ``cg`` are the ``Decimal`` amounts the ASP's statements paid for
that month (State, conseil général), summed over every statement recorded. Without a provider, nothing is known
to be paid: ``paiements_de`` answers ``{}`` and ``paiements_disponibles()`` is False (pages say so).
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

Fournisseur = Callable[[int], dict[date, tuple[Decimal, Decimal]]]
_fournisseurs: list[Fournisseur] = []


def enregistrer_fournisseur(fonction: Fournisseur) -> Fournisseur:
    """Register ``fonction(convention_id) -> {mois: (etat, cg)}`` (idempotent; usable as a decorator)."""
    if fonction not in _fournisseurs:
        _fournisseurs.append(fonction)
    return fonction


def retirer_fournisseur(fonction: Fournisseur) -> None:
    """Unregister a provider (tests)."""
    if fonction in _fournisseurs:
        _fournisseurs.remove(fonction)


def paiements_disponibles() -> bool:
    return bool(_fournisseurs)


def paiements_de(convention_id: int) -> dict[date, tuple[Decimal, Decimal]]:
    """What was paid for each month of the convention (State, conseil général); ``{}`` without a provider."""
    total: dict[date, tuple[Decimal, Decimal]] = {}
    for fournisseur in _fournisseurs:
        for mois, (etat, cg) in fournisseur(convention_id).items():
            deja_etat, deja_cg = total.get(mois, (Decimal(0), Decimal(0)))
            total[mois] = (deja_etat + etat, deja_cg + cg)
    return total
