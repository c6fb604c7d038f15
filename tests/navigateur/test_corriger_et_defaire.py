"""Correct and undo in Chromium: a prescripteur deletes a draft after its confirmation page; the region's
gestionnaire annuls a concluded convention (the rule at its field first, then the confirmation), which then shows
its « Annulée » badge and its reason; a prescripteur withdraws a rupture declared by mistake after its
confirmation; axe-core on each page."""

import pytest

from conventions.models import Convention
from droit.vocabulaire import StatutConvention
from tests.conventions import factories
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]
MOTIF = "Convention saisie deux fois pour la même embauche."


def sans_violation(page):
    violations = violations_axe(page)
    assert violations == [], violations


def cliquer(page, role, nom):
    with page.expect_navigation():
        page.get_by_role(role, name=nom).click()
    page.wait_for_load_state("networkidle")


def test_supprimer_un_brouillon(page, demo):
    factories.arretes_2010(demo)
    brouillon = factories.convention(demo, conclure=False)
    connecter(page, "prescripteur")
    page.goto(page.url_de(f"/conventions/{brouillon.pk}/"))
    cliquer(page, "link", "supprimer le brouillon")
    assert page.locator("h1").inner_text() == "Supprimer le brouillon ?"
    assert "ne peut pas être retrouvé" in page.locator("#irreversible").inner_text()
    assert Convention.objects.filter(pk=brouillon.pk).exists()  # nothing is done before confirming
    sans_violation(page)
    cliquer(page, "button", "Oui, supprimer le brouillon")
    assert "Le brouillon est supprimé." in page.content()
    assert page.locator("h1").inner_text() == "Conventions individuelles"
    assert not Convention.objects.filter(pk=brouillon.pk).exists()


def test_annuler_une_convention_conclue(page, demo):
    factories.arretes_2010(demo)
    convention = factories.convention(demo)
    connecter(page, "gestionnaire")
    page.goto(page.url_de(f"/conventions/{convention.pk}/"))
    cliquer(page, "link", "Annuler la convention")
    page.fill("#id_motif", "erreur")
    cliquer(page, "button", "Enregistrer")
    # The rule first, at its field: no confirmation for an annulment the rules refuse.
    assert "10 caractères" in page.locator(".fr-error-text").first.inner_text()
    assert page.locator('#resume-erreurs a[href="#id_motif"]').count() == 1
    assert page.locator("h1").inner_text() == "Annuler la convention"
    sans_violation(page)
    page.fill("#id_motif", MOTIF)
    cliquer(page, "button", "Enregistrer")
    assert page.locator("h1").inner_text() == "Annuler la convention ?"
    assert "ne redevient pas active" in page.locator("#irreversible").inner_text()
    assert Convention.objects.get(pk=convention.pk).statut != StatutConvention.ANNULEE
    sans_violation(page)
    capture(page, "convention-annulation-confirmation")
    cliquer(page, "button", "Oui, annuler la convention")
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.ANNULEE and convention.motif_annulation == MOTIF
    assert convention.numero in page.locator("h1").inner_text()
    assert page.locator("h1 + p .fr-badge").first.inner_text().strip().lower() == "annulée"
    assert MOTIF in page.locator("#annulation").inner_text()
    assert "Convention annulée" in page.content()  # the history's entry
    assert page.get_by_role("link", name="Annuler la convention").count() == 0
    sans_violation(page)
    capture(page, "convention-annulee")


def test_retirer_une_rupture_declaree_par_erreur(page, demo):
    from datetime import date

    from conventions.services import evenements

    factories.arretes_2010(demo)
    convention = factories.convention(demo)
    evenements.declarer_rupture(
        convention,
        date_rupture=date(2010, 11, 25),
        motif="embauche",
        date_declaration=date(2010, 11, 26),
        par=demo.comptes["prescripteur@demo.cui.fr"],
    )
    connecter(page, "prescripteur")
    page.goto(page.url_de(f"/conventions/{convention.pk}/"))
    cliquer(page, "link", "retirer la rupture déclarée par erreur")
    page.fill("#id_raison", "Déclarée sur la mauvaise convention")
    cliquer(page, "button", "Enregistrer")
    assert page.locator("h1").inner_text() == "Retirer la déclaration de rupture ?"
    assert "ne se défait pas" in page.locator("#irreversible").inner_text()
    assert Convention.objects.get(pk=convention.pk).statut == StatutConvention.ROMPUE  # nothing before confirming
    sans_violation(page)
    cliquer(page, "button", "Oui, retirer la rupture")
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.EN_COURS and convention.date_rupture is None
    assert "La déclaration de rupture est retirée." in page.content()
    assert "Déclaration de rupture retirée : Déclarée sur la mauvaise convention" in page.content()
    assert page.get_by_role("link", name="retirer la rupture déclarée par erreur").count() == 0
    sans_violation(page)
