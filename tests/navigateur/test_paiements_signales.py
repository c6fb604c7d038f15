"""The page of the ASP's flagged payments in a real browser, with a payment on an annulled convention: its own
callout and table (« tout est à récupérer »), its filter, the export link; accessibility checked."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demonstration(demo):
    call_command("charger_demo", "--force", stdout=io.StringIO())
    return demo


def test_paiement_sur_une_convention_annulee(page, demonstration):
    from conventions.models import Convention
    from paiements.models import PaiementAsp, ReleveAsp

    # The demo's annulled convention, paid for January 2010 by a statement recorded before its annulment.
    annulee = Convention.objects.get(statut="annulee")
    releve = ReleveAsp.objects.create(
        region_id=annulee.region_id, nom_fichier="ancien.csv", format="csv", empreinte="ancien", statut="applique"
    )
    PaiementAsp.objects.create(
        releve=releve,
        convention=annulee,
        region_id=annulee.region_id,
        mois=date(2010, 1, 1),
        montant_etat="691.08",
        montant_conseil_general="0",
    )
    connecter(page, "gestionnaire")
    page.goto(page.url_de("/paiements/"))
    assert "1 paiement sur une convention annulée" in page.locator("#compte-conventions-annulees").inner_text()
    tableau = page.locator("#paiements-conventions-annulees")
    assert annulee.numero in tableau.inner_text() and "691,08" in tableau.inner_text()
    assert violations_axe(page) == []
    capture(page, "paiements-convention-annulee")

    page.get_by_label("Signalement").select_option("convention_annulee")
    page.get_by_role("button", name="Filtrer").click()
    assert page.locator("#paiements-conventions-annulees").is_visible()
    lien = page.locator("#export-signalements").get_attribute("href")
    assert lien.startswith("/paiements/signalements.xlsx?") and "signal=convention_annulee" in lien
