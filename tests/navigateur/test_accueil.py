"""Every demo account logs in through the real login page and sees its home page, without accessibility faults."""

import pytest

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
