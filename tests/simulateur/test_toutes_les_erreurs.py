"""The simulator shows every error at once: the rate above its ceiling with hours out of bounds, an unknown date
with an ACI in CIE, a field that is not even a number with a rate above its ceiling."""

import pytest
from django.urls import reverse

from simulateur.forms import SimulationForm
from simulateur.simulation import SimulationImpossible, erreurs_du_taux, simuler

pytestmark = pytest.mark.django_db


def erreurs(**donnees):
    valeurs = {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2010-06-01", **donnees}
    formulaire = SimulationForm(valeurs)
    assert not formulaire.is_valid()
    return formulaire.erreurs()


def test_taux_au_dela_du_plafond_et_date_hors_bareme_ensemble():
    trouvees = erreurs(taux="120", date="2030-01-01")
    assert set(trouvees) == {"taux", "date"}
    assert "95 %" in trouvees["taux"][0] and "2030" in trouvees["date"][0]


def test_aci_en_cie_et_taux_au_dela_du_plafond_du_cie_ensemble():
    trouvees = erreurs(contrat="CIE", taux="60", aci="1")
    assert set(trouvees) == {"aci", "taux"}
    assert "CAE, pas en CIE" in trouvees["aci"][0] and "47 %" in trouvees["taux"][0]


def test_heures_illisibles_et_taux_au_dela_du_plafond_ensemble():
    trouvees = erreurs(taux="120", heures="beaucoup")
    assert set(trouvees) == {"taux", "heures"}
    assert "95 %" in trouvees["taux"][0]


def test_le_simulateur_leve_toutes_ses_erreurs_d_un_coup():
    from datetime import date
    from decimal import Decimal

    with pytest.raises(SimulationImpossible) as exc:
        simuler(contrat="CIE", jour=date(2030, 1, 1), heures=Decimal(26), aci=True, taux=Decimal(60))
    assert [champ for champ, _ in exc.value.erreurs] == ["aci", "taux", "date"]
    assert exc.value.champ == "aci"  # the first one, as before
    assert erreurs_du_taux("CAE", Decimal(90), aci=False) == []


def test_la_page_affiche_chaque_erreur_a_son_champ(client):
    html = client.get(
        reverse("simulateur:simulateur"), {"contrat": "CAE", "taux": "120", "heures": "26", "date": "2030-01-01"}
    ).content.decode()
    assert 'id="id_taux-erreurs"' in html and 'id="id_date-erreurs"' in html
