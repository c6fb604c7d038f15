"""CAE-jeunes programme in a real browser: a correspondent fills (through a conflict) and transmits the bilan of
the fortnight; the DGEFP reads the national dashboard and exports it. Accessibility checked on every page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programme(demo):
    import io

    from tableau_de_bord.demo import peupler

    peupler(demo, io.StringIO())
    return demo


def test_le_correspondant_remplit_et_transmet_le_bilan(page, programme):
    from tableau_de_bord.models import BilanEtape, StatutBilan
    from tableau_de_bord.services import enregistrer_bilan

    connecter(page, "correspondant")
    page.goto(page.url_de("/tableau-de-bord/bilans/quinzaine/"))
    assert "étape au" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("CAE-jeunes prescrits").is_visible()
    assert violations_axe(page) == []
    page.locator("#id_immersion-freins").fill("Peu d'entreprises d'accueil dans le BTP.")
    page.locator("#id_prescription-objectifs").fill("1 500 CAE-jeunes d'ici juin.")
    capture(page, "bilan-etape")

    # Meanwhile, the gestionnaire saves the same bilan.
    bilan = BilanEtape.objects.get(
        region__code_insee="11",
        quinzaine__date_debut__lte=timezone.localdate(),
        quinzaine__date_fin__gte=timezone.localdate(),
    )
    enregistrer_bilan(
        bilan,
        bilan.version,
        {"sorties": {"freins": "Texte du gestionnaire"}},
        programme.comptes["gestionnaire@demo.cui.fr"],
    )
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    assert page.get_by_text("Ce bilan a été modifié par Gérard Gestionnaire").is_visible()
    assert page.locator("#id_immersion-freins").input_value() == "Peu d'entreprises d'accueil dans le BTP."
    assert violations_axe(page) == []

    page.get_by_role("button", name="Enregistrer et transmettre à la DGEFP").click()
    assert "n'est plus modifiable" in page.locator("#irreversible").inner_text()  # asked before sending
    page.get_by_role("button", name="Oui, transmettre à la DGEFP").click()
    assert page.get_by_text("transmis à la DGEFP").first.is_visible()
    bilan.refresh_from_db()
    assert bilan.statut == StatutBilan.SOUMIS

    page.goto(page.url_de(f"/tableau-de-bord/region/{bilan.region_id}/"))
    assert page.get_by_role("heading", name="Tableau de bord CAE-jeunes – Île-de-France").is_visible()
    assert violations_axe(page) == []
    capture(page, "tableau-de-bord-regional")


def test_la_dgefp_lit_le_tableau_national_et_l_exporte(page, programme):
    connecter(page, "national")
    page.goto(page.url_de("/tableau-de-bord/national/"))
    assert page.get_by_role("heading", name="Tableau de bord national CAE-jeunes").is_visible()
    ligne_idf = page.locator("tr", has=page.get_by_role("rowheader", name="Île-de-France")).first
    assert "transmis à l'heure" in ligne_idf.inner_text().lower()
    ligne_nord = page.locator("tr", has=page.get_by_role("rowheader", name="Nord-Pas-de-Calais")).first
    assert "transmis en retard" in ligne_nord.inner_text().lower()
    assert violations_axe(page) == []
    capture(page, "tableau-de-bord-national")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Exporter (XLSX)").click()
    assert telechargement.value.suggested_filename.endswith(".xlsx")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Exporter (PDF)").click()
    assert telechargement.value.suggested_filename.endswith(".pdf")
    page.get_by_role("link", name="Lire le bilan d'Île-de-France").click()
    assert page.get_by_role("heading", level=1).inner_text().endswith("Île-de-France")
    page.get_by_label("Commentaire de la DGEFP (MIP)").fill("Merci pour ce bilan.")
    page.get_by_role("button", name="Marquer comme lu").click()
    assert page.get_by_text("Bilan marqué comme lu.").is_visible()
    assert violations_axe(page) == []


@pytest.mark.parametrize(("qui", "chemin"), [("national", "/tableau-de-bord/national/"), ("correspondant", None)])
def test_les_indicateurs_se_lisent_a_1280_pixels(page, programme, qui, chemin):
    """Ticket 17, point 10: at 1280 px the indicators table fits without scrolling sideways; in a narrower window
    it scrolls, its territory column staying in view."""
    from referentiels.models import Region

    page.set_viewport_size({"width": 1280, "height": 900})
    connecter(page, qui)
    chemin = chemin or reverse("tableau_de_bord:regional", args=[Region.objects.get(code_insee="11").pk])
    page.goto(page.url_de(chemin))
    cadre = page.locator(".tdb-defilement").first
    assert cadre.evaluate("e => e.scrollWidth <= e.clientWidth"), "le tableau des indicateurs défile à 1280 px"
    assert cadre.evaluate("e => e.getBoundingClientRect().right <= document.documentElement.clientWidth")
    page.set_viewport_size({"width": 700, "height": 900})
    assert cadre.evaluate("e => e.scrollWidth > e.clientWidth")
    cadre.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    territoire = cadre.locator("tbody th[scope=row]").first
    assert territoire.evaluate(
        "th => th.getBoundingClientRect().left - th.closest('.tdb-defilement').getBoundingClientRect().left"
    ) == pytest.approx(0, abs=2), "la colonne des territoires reste visible quand le tableau défile"
