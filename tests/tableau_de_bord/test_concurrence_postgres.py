"""Refreshes of the aggregates sent at the same time (one per saved convention) never collide (PostgreSQL)."""

import pytest

from referentiels.models import Region
from tableau_de_bord.models import IndicateurQuinzaine
from tableau_de_bord.services_indicateurs import rafraichir_indicateurs
from tests.conventions import factories
from tests.conventions_ui.test_concurrence_postgres import en_meme_temps

pytestmark = pytest.mark.django_db(transaction=True)


def agregats():
    champs = ("departement_id", "debut_periode", "type_contrat", "entrees")
    return sorted(IndicateurQuinzaine.objects.values_list(*champs))


def test_rafraichissements_simultanes_sans_collision(exige_postgres, demo):
    factories.arretes_2010(demo)
    for _ in range(3):
        factories.convention(demo, salarie_=factories.salarie())
    idf = Region.objects.get(code_insee="11")
    attendu = rafraichir_indicateurs()
    lignes = agregats()
    resultats = en_meme_temps(
        lambda: rafraichir_indicateurs([idf.pk]),
        lambda: rafraichir_indicateurs([idf.pk]),
        lambda: rafraichir_indicateurs(),
        lambda: rafraichir_indicateurs([idf]),
    )
    assert resultats[2] == attendu
    apres = agregats()
    assert apres == lignes and sum(e for *_, e in apres) == 3
