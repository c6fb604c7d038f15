"""The money of the aid in a real browser: a convention's « Paiements de l'aide » with its indu, the national
budgets with the envelope alert, a region's budget. Accessibility checked on every page."""

import io

import pytest
from django.core.management import call_command

from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demonstration(demo):
    call_command("charger_demo", "--force", stdout=io.StringIO())
    return demo


def test_paiements_de_l_aide_et_budgets(page, demonstration):
    from conventions.models import Convention
    from referentiels.models import Region

    rompue = Convention.objects.get(motif_rupture="hors_cas_legaux")
    connecter(page, "national")
    page.goto(page.url_de(f"/conventions/{rompue.pk}/"))
    section = page.locator("#titre-paiements")
    section.scroll_into_view_if_needed()
    assert section.is_visible()
    assert page.get_by_text("est à rembourser (indu)").is_visible()
    assert violations_axe(page) == []
    capture(page, "convention-paiements")

    page.goto(page.url_de("/tableau-de-bord/budgets/?annee=2010"))
    assert page.get_by_role("heading", level=1).inner_text() == "Budgets de l'aide 2010"
    idf = Region.objects.get(code_insee="11")
    assert "90\u00a0% atteints" in page.locator(f"#budget-region-{idf.pk}").inner_text().lower()
    assert violations_axe(page) == []
    capture(page, "budgets-national")

    page.get_by_role("link", name="Île-de-France").click()
    assert page.get_by_text("de l'enveloppe de l'État de la région sont engagés").is_visible()
    assert violations_axe(page) == []
    capture(page, "budget-region")
