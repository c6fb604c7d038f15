"""The alert of a region's State envelope (``LigneBudget.en_alerte`` / ``depasse``), read by the budgets page,
its « alerte » filter and the home card: from 90 % committed, and above 100 %."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from paiements.budgets import Budget, Montants
from tableau_de_bord.budgets import LigneBudget


def _ligne(engage_etat: str, enveloppe: str | None) -> LigneBudget:
    objectif = None if enveloppe is None else SimpleNamespace(enveloppe_etat=Decimal(enveloppe))
    budget = Budget(engage=Montants(Decimal(engage_etat), Decimal("0.00")))
    return LigneBudget(region=None, objectif=objectif, entrees=None, budget=budget)


@pytest.mark.parametrize(
    ("engage", "enveloppe", "en_alerte", "depasse"),
    [
        ("899.00", "1000.00", False, False),
        ("900.00", "1000.00", True, False),
        ("1000.00", "1000.00", True, False),
        ("1001.00", "1000.00", True, True),
        ("5000.00", None, False, False),  # no envelope set: no alert
    ],
)
def test_alerte_de_l_enveloppe_de_l_etat(engage, enveloppe, en_alerte, depasse):
    ligne = _ligne(engage, enveloppe)
    assert (ligne.en_alerte, ligne.depasse) == (en_alerte, depasse)
