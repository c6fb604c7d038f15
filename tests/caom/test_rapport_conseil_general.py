"""Every role can do its part: a conseil général reads the 30 November report of its own département (page, XLSX,
PDF), never another's; the gestionnaire régional is not offered the national follow-up of the arrêtés."""

import pytest
from django.urls import reverse

from referentiels.models import Departement
from tests.caom.factories import CaomFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caom_2011(demo):
    for code in ("92", "93", "59"):
        CaomFactory(departement=Departement.objects.get(code=code), annee=2011, nb_cae_cofinances=10)


def test_le_conseil_general_lit_le_rapport_de_son_seul_departement(connecter, caom_2011):
    client = connecter("cg93")
    reponse = client.get(reverse("caom:rapport"), {"annee": 2011})
    assert reponse.status_code == 200
    assert [ligne.departement.code for ligne in reponse.context["lignes"]] == ["93"]
    assert reponse.context["title"] == "État des négociations des CAOM 2011 – Seine-Saint-Denis"
    assert "Rapport du 30 novembre" in client.get(reverse("caom:liste")).content.decode()
    tableur = client.get(reverse("caom:rapport_xlsx"), {"annee": 2011})
    assert tableur.status_code == 200 and "seine-saint-denis" in tableur["Content-Disposition"]
    nord = connecter("cg59").get(reverse("caom:rapport"), {"annee": 2011, "region": "1"})
    assert [ligne.departement.code for ligne in nord.context["lignes"]] == ["59"]


def test_le_gestionnaire_regional_ne_se_voit_pas_proposer_le_suivi_national(connecter):
    client = connecter("gestionnaire")
    suivi = reverse("arretes:suivi")
    assert f'href="{suivi}"' not in client.get(reverse("accueil")).content.decode()  # neither menu nor card
    assert f'href="{suivi}"' not in client.get(reverse("arretes:liste")).content.decode()
    assert client.get(suivi).status_code == 403
    assert f'href="{suivi}"' in connecter("national").get(reverse("arretes:liste")).content.decode()
