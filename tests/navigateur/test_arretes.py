"""The gestionnaire's journey: create the 2010 arrêté, import its rates from an XLSX with one bad row, see the
error, import the corrected file, publish, download the PDF; no accessibility fault on the way."""

from pathlib import Path

import pytest

from arretes.models import Arrete, StatutArrete
from tests.arretes.fichiers import lignes_completes, xlsx
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_gestionnaire_importe_publie_et_telecharge(page, tmp_path):
    connecter(page, "gestionnaire")
    page.goto(page.url_de("/arretes/"))
    assert page.get_by_role("heading", name="Arrêtés régionaux", level=1).is_visible()
    assert violations_axe(page) == []

    # The draft, through the form.
    page.get_by_role("link", name="Nouvel arrêté").click()
    assert violations_axe(page) == []
    page.get_by_label("Année d'application").fill("2010")
    page.get_by_label("Numéro").fill("2009-1187")
    page.get_by_label("Date de signature").fill("24/11/2009")
    page.get_by_label("Fait à").fill("Paris")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    assert page.get_by_text("Arrêté enregistré.").is_visible()
    arrete = Arrete.objects.get(numero="2009-1187")

    # A file with one bad row.
    lignes = lignes_completes()
    lignes[7] = ["CAE", "salaries-aci", 110, 26]
    mauvais = tmp_path / "taux-2010.xlsx"
    mauvais.write_bytes(xlsx(lignes))
    page.get_by_role("link", name="Importer les taux (CSV ou XLSX)").click()
    page.get_by_label("Fichier des taux").set_input_files(str(mauvais))
    page.get_by_role("button", name="Vérifier le fichier").click()
    assert page.get_by_text("1 ligne refusée sur 18").is_visible()
    assert page.get_by_text("plafonné à 105 %").is_visible()
    assert page.get_by_role("button", name="Confirmer").count() == 0
    assert violations_axe(page) == []
    capture(page, "arrete-import-erreurs")
    assert arrete.taux.count() == 0

    # The corrected file.
    lignes[7] = ["CAE", "salaries-aci", 105, 26]
    bon = tmp_path / "taux-2010-corrige.xlsx"
    bon.write_bytes(xlsx(lignes))
    page.get_by_role("link", name="Déposer un autre fichier").click()
    page.get_by_label("Fichier des taux").set_input_files(str(bon))
    page.get_by_role("button", name="Vérifier le fichier").click()
    assert page.get_by_text("Les 18 lignes sont valides").is_visible()
    page.get_by_role("button", name="Confirmer l'enregistrement des 18 taux").click()
    assert page.get_by_text("18 taux de prise en charge enregistrés").is_visible()

    # Publication.
    page.get_by_label("Date de publication au recueil des actes administratifs").fill("27/11/2009")
    page.get_by_role("button", name="Publier l'arrêté").click()
    # The confirmation page says what publishing does; going back publishes nothing.
    assert page.get_by_role("heading", name="Publier l'arrêté n° 2009-1187 ?").is_visible()
    assert page.get_by_text("conclues dans la région à partir du 27/11/2009").is_visible()
    assert page.get_by_text("Un arrêté publié ne se modifie plus et ne se supprime pas").is_visible()
    assert violations_axe(page) == []
    capture(page, "arrete-publication-confirmation")
    page.get_by_role("link", name="Annuler et revenir").click()
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.BROUILLON
    page.get_by_label("Date de publication au recueil des actes administratifs").fill("27/11/2009")
    page.get_by_role("button", name="Publier l'arrêté").click()
    page.get_by_role("button", name="Publier", exact=True).click()
    assert page.get_by_text("L'arrêté n° 2009-1187 est publié.").is_visible()
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.PUBLIE
    assert violations_axe(page) == []
    capture(page, "arrete-detail")

    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger le PDF").click()
    chemin = telechargement.value.path()
    assert Path(chemin).read_bytes()[:4] == b"%PDF"
    assert telechargement.value.suggested_filename == "arrete-11-2010-2009-1187.pdf"

    page.goto(page.url_de("/arretes/"))
    assert page.get_by_role("link", name="n° 2009-1187").is_visible()
    assert violations_axe(page) == []
    capture(page, "arretes-liste")
