"""The CAOM pages in a real browser: a conseil général reads its CAOM; the region opens its table and the
30 November report. Each page passes axe-core."""

from io import StringIO

import pytest

from caom.demo import peupler
from caom.models import Caom
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def caom_demo(demo):
    peupler(demo, StringIO())
    return Caom.objects.get(departement__code="93", annee=2010)


def test_le_conseil_general_lit_sa_caom(page, caom_demo):
    connecter(page, "cg93")
    page.goto(page.url_de("/caom/?annee=2010"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Conventions annuelles")
    assert violations_axe(page) == []
    page.get_by_role("link", name="Voir la CAOM de la Seine-Saint-Denis").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="CAOM 2010 – Seine-Saint-Denis").is_visible()
    assert "400,07" in page.content() and "Signée" in page.content()
    assert page.get_by_role("button", name="Enregistrer l'étape").count() == 0
    assert violations_axe(page) == []
    capture(page, "caom-detail")


def test_le_gestionnaire_ouvre_le_tableau_et_le_rapport(page, caom_demo):
    connecter(page, "gestionnaire")
    page.get_by_role("link", name="CAOM", exact=True).first.click()
    page.goto(page.url_de("/caom/?annee=2010"))
    tableau = page.get_by_role("table", name="CAOM 2010 par département")
    assert tableau.get_by_text("93 – Seine-Saint-Denis").is_visible()
    assert tableau.get_by_role("link", name="Créer la CAOM de Seine-et-Marne").is_visible()
    assert violations_axe(page) == []
    capture(page, "caom-region")
    tableau.get_by_role("link", name="Voir la CAOM de Paris").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name="Enregistrer l'étape").is_visible()
    assert violations_axe(page) == []
    page.get_by_role("link", name="Modifier les volumes et paramètres").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("CAE cofinancés pour des bénéficiaires du RSA").input_value() == "450"
    assert violations_axe(page) == []
    page.goto(page.url_de("/caom/?annee=2010"))
    page.get_by_role("link", name="Rapport du 30 novembre sur l'état des négociations").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == "État des négociations des CAOM 2010 – Île-de-France"
    assert page.get_by_role("table", name="État de chaque négociation").get_by_text("En négociation").is_visible()
    assert violations_axe(page) == []
    capture(page, "caom-rapport")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger le tableur (XLSX)").click()
    assert telechargement.value.suggested_filename.endswith(".xlsx")
