"""The public aid simulator in Chromium: the result follows the fields (htmx), errors show at their field."""

import pytest

from tests.navigateur.conftest import capture, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def attendre_htmx(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def test_simulation_mise_a_jour_en_direct(page):
    page.goto(page.url_de("/simulateur/"))  # public: no login
    assert page.get_by_role("heading", level=1, name="Simulateur de l'aide à l'employeur").is_visible()
    assert "898,40\u00a0€ par mois" in page.locator("#resultat").inner_text()  # the initial values give a result
    assert violations_axe(page) == []

    page.get_by_label("Date de conclusion de la convention").fill("01/12/2009")
    attendre_htmx(page)
    page.locator("label[for=id_cofinancement_cg]").click()  # the DSFR box is drawn by its label
    attendre_htmx(page)
    resultat = page.locator("#resultat")
    assert "894,35\u00a0€ par mois" in resultat.inner_text()
    assert "400,07\u00a0€" in resultat.inner_text() and "494,28\u00a0€" in resultat.inner_text()
    assert "88\u00a0% du RSA forfaitaire" in resultat.inner_text()
    assert "/simulateur/?" in page.url and "cofinancement_cg=1" in page.url  # htmx replaced the address

    page.get_by_label("Contrat", exact=True).select_option("CIE")
    attendre_htmx(page)  # the form is replaced by the answer: type in the new one
    taux = page.get_by_label("Taux de prise en charge (% du SMIC)")
    taux.fill("47")
    heures = page.get_by_label("Heures hebdomadaires prises en charge")
    heures.fill("35")
    heures.press("Tab")
    attendre_htmx(page)
    assert "628,72\u00a0€ par mois" in resultat.inner_text()
    assert "228,65\u00a0€" in resultat.inner_text()
    assert violations_axe(page) == []
    capture(page, "simulateur")


def test_erreur_a_son_champ(page):
    page.goto(page.url_de("/simulateur/"))
    taux = page.get_by_label("Taux de prise en charge (% du SMIC)")
    taux.fill("120")
    taux.press("Tab")
    attendre_htmx(page)
    erreur = page.locator("#id_taux-erreurs")
    assert "plafonné à 95 % du SMIC" in erreur.inner_text()
    assert page.locator("#id_taux").get_attribute("aria-describedby") == "id_taux_helptext id_taux-erreurs"
    assert "Aucun résultat" in page.locator("#resultat").inner_text()
    assert violations_axe(page) == []
    capture(page, "simulateur-erreur")


def test_sans_javascript(navigateur, live_server):
    contexte = navigateur.new_context(java_script_enabled=False, locale="fr-FR")
    page = contexte.new_page()
    page.goto(f"{live_server.url}/simulateur/")
    page.get_by_label("Heures hebdomadaires prises en charge").fill("20")
    page.get_by_role("button", name="Calculer l'aide").click()
    page.wait_for_load_state()
    assert "heures=20" in page.url
    assert "691,08\u00a0€ par mois" in page.locator("#resultat").inner_text()
    contexte.close()
