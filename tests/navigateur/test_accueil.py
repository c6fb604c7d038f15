"""Every demo account logs in through the real login page and sees its home page, without accessibility faults."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from tests.conftest import COMPTES
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_page_de_connexion_accessible(page):
    page.goto(page.url_de("/comptes/connexion/"))
    assert page.get_by_role("heading", name="Connexion au Portail CUI").is_visible()
    assert violations_axe(page) == []
    capture(page, "connexion")


def test_erreur_de_connexion_accessible(page):
    page.goto(page.url_de("/comptes/connexion/"))
    page.get_by_label("Adresse électronique").fill("personne@exemple.fr")
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_text("Adresse électronique ou mot de passe incorrect.").is_visible()
    assert violations_axe(page) == []


@pytest.mark.parametrize("qui", [q for q in COMPTES if q != "multi"])
def test_chaque_compte_voit_son_accueil(page, demo, qui):
    connecter(page, qui)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bonjour")
    organisation = demo.comptes[COMPTES[qui]].habilitations.first().organisation.nom
    assert organisation in page.content()
    assert violations_axe(page) == []
    if qui in {"prescripteur", "correspondant", "gestionnaire", "national", "cg93", "admin"}:
        capture(page, f"accueil-{qui}")


def test_choix_de_l_organisation(page):
    connecter(page, "multi")
    assert page.get_by_role("heading", name="Choisir l'organisation pour laquelle vous agissez").is_visible()
    assert violations_axe(page) == []
    page.locator("label", has_text="Mission locale de Paris — Prescripteur").click()
    page.get_by_role("button", name="Continuer").click()
    assert "Mission locale de Paris" in page.locator("main").inner_text()


# --- the demonstration on its own day: each role's home lists things to do, and their links open them ---------

ACTEURS = [q for q in COMPTES if q != "multi"]


@pytest.fixture
def demonstration(demo):
    call_command("charger_demo", "--force", stdout=io.StringIO())  # the clock stands on 30/11/2010 (conftest)
    return demo


def test_chaque_role_trouve_a_faire_le_30_novembre_2010(page, demonstration):
    for qui in ACTEURS:
        page.context.clear_cookies()
        connecter(page, qui)
        cartes = page.locator(".fr-card")
        assert cartes.count() >= 1, qui
        titre = cartes.first.locator(".fr-card__title a")
        libelle = titre.inner_text()
        titre.click()
        page.wait_for_load_state("networkidle")
        assert page.url != page.url_de("/"), (qui, libelle)
        assert page.get_by_role("heading", level=1).is_visible(), (qui, libelle)
        assert "Démonstration" not in libelle and "Erreur" not in page.title(), (qui, libelle)


def test_le_correspondant_transmet_le_bilan_du_jour_depuis_son_accueil(page, demonstration):
    from tableau_de_bord.models import BilanEtape, StatutBilan

    connecter(page, "correspondant")
    carte = page.locator(".fr-card", has_text="Bilan d'étape au 30/11/2010")
    assert "À rendre avant le 01/12/2010" in carte.text_content() and "retard" not in carte.text_content().lower()
    carte.get_by_role("link", name="Bilan d'étape au 30/11/2010").click()
    assert "30/11/2010" in page.get_by_role("heading", level=1).inner_text()
    page.locator("#id_prescription-objectifs").fill("1 300 CAE-jeunes d'ici juin.")
    page.get_by_role("button", name="Enregistrer et transmettre à la DGEFP").click()
    assert "n'est plus modifiable" in page.locator("#irreversible").inner_text()  # asked before sending
    page.get_by_role("button", name="Oui, transmettre à la DGEFP").click()
    assert page.get_by_text("transmis à la DGEFP").first.is_visible()
    bilan = BilanEtape.objects.get(region__code_insee="11", quinzaine__date_fin=date(2010, 11, 30))
    assert bilan.statut == StatutBilan.SOUMIS and bilan.soumis_le.date() == date(2010, 11, 30)
    assert bilan.lignes.get(fonction="prescription").objectifs == "1 300 CAE-jeunes d'ici juin."
    page.goto(page.url_de("/"))
    assert page.locator(".fr-card", has_text="Bilan d'étape au 30/11/2010").count() == 0
    assert violations_axe(page) == []
