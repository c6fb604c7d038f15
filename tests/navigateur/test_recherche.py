"""Search that forgives, in Chromium: typed without accents nor capitals, the conventions list finds « Aïcha
Benali » and « Hélène Lefèvre »; the organisations list finds « l'Hérault »; axe-core on the results."""

from datetime import date

import pytest

from referentiels.models import Departement, Organisation, TypeOrganisation
from tests.conventions import factories
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_recherche_sans_accents_ni_majuscules(page, demo):
    factories.arretes_2010(demo)
    aicha = factories.convention(
        demo, salarie_=factories.salarie(date(1988, 4, 2), nom="Benali", prenom="Aïcha", sexe=2)
    )
    helene = factories.convention(
        demo, salarie_=factories.salarie(date(1987, 6, 9), nom="Lefèvre", prenom="Hélène", sexe=2)
    )
    factories.convention(demo, salarie_=factories.salarie(nom="Durand", prenom="Karim"))
    connecter(page, "prescripteur")
    page.goto(page.url_de("/conventions/"))

    page.locator("#id_q").fill("aicha benali")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert page.locator("#nombre-resultats").inner_text() == "1 convention"
    assert "Aïcha" in page.locator("table").inner_text() and aicha.numero in page.locator("table").inner_text()
    assert violations_axe(page) == []
    capture(page, "recherche-sans-accents")

    page.locator("#id_q").fill("HELENE")
    with page.expect_navigation():
        page.get_by_role("button", name="Filtrer").click()
    assert page.locator("#nombre-resultats").inner_text() == "1 convention"
    assert helene.numero in page.locator("table").inner_text()


def test_recherche_des_organisations_sans_accents(page, demo):
    herault = Departement.objects.get(code="34")
    Organisation.objects.create(
        nom="Mission locale de l'Hérault",
        type=TypeOrganisation.MISSION_LOCALE,
        departement=herault,
        region=herault.region,
    )
    connecter(page, "admin")
    page.goto(page.url_de("/referentiels/organisations/"))
    page.locator("#q").fill("herault")
    with page.expect_navigation():
        page.locator("#q").press("Enter")
    assert "Mission locale de l'Hérault" in page.locator("table").inner_text()
