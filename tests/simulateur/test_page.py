"""The public page /simulateur/ and its htmx fragment: result, errors at their fields, French amounts."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGE = "/simulateur/"
FRAGMENT = "/simulateur/resultat/"
CAE_90 = {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2009-12-01", "cofinancement_cg": "1"}


def test_urls():
    assert reverse("simulateur:simulateur") == PAGE
    assert reverse("simulateur:resultat") == FRAGMENT


def test_page_publique_avec_valeurs_initiales(client):
    reponse = client.get(PAGE)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "<h1>Simulateur de l'aide à l'employeur</h1>" in html
    assert 'hx-get="/simulateur/resultat/"' in html
    assert 'action="/simulateur/"' in html and 'method="get"' in html
    assert "htmx" in html and "<script>" not in html  # htmx from a file, no inline script (CSP)
    for champ in ("contrat", "taux", "region", "public", "heures", "date", "aci", "cofinancement_cg"):
        assert f'name="{champ}"' in html
    # Initial values: a 2010 CAE at 90 %, 26 h → 0.9 × 8.86 × 26 × 52 / 12 = 898.40 €
    assert "898,40\u00a0€ par mois" in html
    assert "Île-de-France" in html and "Bénéficiaires du RSA" in html


def test_page_sans_javascript_soumise_en_get(client):
    html = client.get(PAGE, CAE_90).content.decode()
    assert "894,35\u00a0€ par mois" in html
    assert "400,07\u00a0€" in html and "494,28\u00a0€" in html
    assert "8,82\u00a0€" in html
    assert "Règles appliquées" in html and "88\u00a0% du RSA forfaitaire" in html
    assert 'id="id_cofinancement_cg" checked' in html or ('name="cofinancement_cg"' in html and "checked" in html)


def test_milliers_avec_espace_fine(client):
    html = client.get(PAGE, {**CAE_90, "taux": "105", "aci": "1"}).content.decode()
    assert "1\u202f043,41\u00a0€ par mois" in html


def test_erreur_a_son_champ(client):
    html = client.get(PAGE, {**CAE_90, "taux": "120"}).content.decode()
    assert 'id="id_taux-erreurs"' in html
    assert "plafonné à 95 % du SMIC" in html
    assert 'aria-describedby="id_taux_helptext id_taux-erreurs"' in html  # help text, then the error
    assert "Aucun résultat : corrigez les champs signalés" in html


def test_fragment_htmx(client):
    reponse = client.get(FRAGMENT, CAE_90, headers={"HX-Request": "true"})
    assert reponse.status_code == 200
    html = reponse.content.decode()
    assert "<html" not in html and "<h1>" not in html
    assert html.lstrip().startswith('<form id="formulaire-simulation"')
    assert '<section id="resultat" hx-swap-oob="innerHTML">' in html
    assert "894,35\u00a0€ par mois" in html
    assert reponse["HX-Replace-Url"].startswith("/simulateur/?")
    assert "taux=90" in reponse["HX-Replace-Url"]


def test_fragment_htmx_erreur(client):
    html = client.get(FRAGMENT, {**CAE_90, "heures": "40"}, headers={"HX-Request": "true"}).content.decode()
    assert 'id="id_heures-erreurs"' in html and "35 heures par semaine au plus" in html
    assert "Aucun résultat" in html


def test_page_ne_repond_qu_en_get(client):
    assert client.post(PAGE, CAE_90).status_code == 405


def test_menu_connecte(connecter):
    client = connecter("prescripteur")
    html = client.get("/").content.decode()
    assert 'href="/simulateur/"' in html and "Simulateur d&#x27;aide" in html


def test_taux_de_l_arrete_sur_la_page(client):
    from datetime import date

    from tests.arretes.factories import arrete_publie

    arrete_publie("31", 2010, numero="2009-31", date_publication=date(2009, 11, 27))
    html = client.get(
        PAGE, {"contrat": "CIE", "region": "31", "public": "autres-publics", "heures": "35", "date": "2010-01-04"}
    ).content.decode()
    assert "fixé par l&#x27;arrêté n° 2009-31" in html and "Nord-Pas-de-Calais" in html
    assert "30 %" in html  # 0.30 × 8.86 × 35 × 52 / 12 = 403.13 €
    assert "403,13\u00a0€ par mois" in html


@pytest.mark.django_db
def test_la_page_dit_l_etendue_des_baremes_et_refuse_au_champ_une_date_au_dela(client):
    page = client.get(reverse("simulateur:simulateur")).text
    assert "SMIC horaire brut du 01/07/2009 au 31/12/2015" in page
    assert "du 01/06/2009 au 31/12/2015" in page  # the RSA
    reponse = client.get(
        reverse("simulateur:simulateur"), {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2030-01-01"}
    )
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors["date"]
    assert any("dernière valeur connue : 9,61 au 01/01/2015" in e for e in erreurs)
