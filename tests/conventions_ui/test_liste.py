"""List (filters, search, pagination with a constant number of queries), XLSX export without NIR."""

from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conventions import factories

pytestmark = pytest.mark.django_db


def numeros(reponse) -> set[int]:
    return {c.pk for c in reponse.context["page_obj"]}


def test_filtres_et_recherche(arretes, connecter):
    jeune = factories.convention(arretes)
    senior = factories.convention(
        arretes,
        public="beneficiaires-rsa",
        salarie_=factories.salarie(date(1955, 5, 1), nom="Lefebvre", prenom="Odile", sexe=2, beneficiaire_rsa=True),
        employeur_=factories.employeur(raison_sociale="Régie de quartier Belleville"),
        date_conclusion=date(2009, 12, 20),
    )
    brouillon = factories.convention(arretes, conclure=False)
    nord = factories.convention(arretes, prescripteur="pe_lille", code_departement="59")
    client = connecter("prescripteur")
    url = reverse("conventions:liste")
    assert numeros(client.get(url)) == {jeune.pk, senior.pk, brouillon.pk}  # not the Nord's one
    assert numeros(client.get(url, {"statut": "brouillon"})) == {brouillon.pk}
    assert numeros(client.get(url, {"q": "lefebvre"})) == {senior.pk}
    assert numeros(client.get(url, {"q": jeune.numero})) == {jeune.pk}
    assert numeros(client.get(url, {"employeur": "régie"})) == {senior.pk}
    assert numeros(client.get(url, {"cae_jeunes": "oui"})) == {jeune.pk}
    assert senior.pk in numeros(client.get(url, {"cae_jeunes": "non"}))
    assert numeros(client.get(url, {"conclue_du": "18/12/2009", "conclue_au": "31/12/2009"})) == {senior.pk}
    assert numeros(client.get(url, {"immersion": "oui"})) == {jeune.pk}  # ticked at conclusion (CAE-jeunes)
    # On the clock's day (30/11/2010) both have started: « en cours » from the dates, whatever was stored.
    tri = client.get(url, {"tri": "date_conclusion", "statut": "en_cours"})
    assert [c.pk for c in tri.context["page_obj"]] == [jeune.pk, senior.pk]
    assert numeros(connecter("national").get(url)) >= {jeune.pk, nord.pk}
    assert numeros(connecter("correspondant_nord").get(url)) == {nord.pk}


def test_recherche_par_nir_refusee_et_nir_absent_de_la_liste(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    reponse = client.get(reverse("conventions:liste"), {"q": c.salarie.nir, "statut": "conclue"})
    assert reponse.status_code == 302 and c.salarie.nir not in reponse.url and "statut=conclue" in reponse.url
    page = client.get(reverse("conventions:liste")).content.decode()
    assert c.salarie.nir not in page and c.salarie.nom in page


def test_pagination_nombre_de_requetes_constant(arretes, connecter):
    employeur = factories.employeur()
    client = connecter("prescripteur")

    def requetes() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("conventions:liste")).status_code == 200
        return len(ctx)

    for _ in range(5):
        factories.convention(arretes, conclure=False, employeur_=employeur, salarie_=factories.salarie())
    avec_5 = requetes()
    for _ in range(45):
        factories.convention(arretes, conclure=False, employeur_=employeur, salarie_=factories.salarie())
    avec_50 = requetes()
    assert avec_5 == avec_50
    page2 = client.get(reverse("conventions:liste"), {"page": 2})
    assert len(page2.context["page_obj"]) == 25 and page2.context["total"] == 50


def test_au_dela_du_plafond_la_liste_dit_plus_de(arretes, connecter, settings):
    """Beyond ``PLAFOND_DU_DECOMPTE`` the list stops counting (``LIMIT`` in the count) and says « Plus de … »;
    the pages it shows are still whole, and the export still holds every convention."""
    from openpyxl import load_workbook

    settings.PLAFOND_DU_DECOMPTE = 30
    employeur = factories.employeur()
    for _ in range(31):
        factories.convention(arretes, conclure=False, employeur_=employeur, salarie_=factories.salarie())
    client = connecter("prescripteur")
    url = reverse("conventions:liste")
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(url).content.decode()
    assert "Plus de 30 conventions" in page and "31 conventions" not in page
    assert "1 / plus de 1<" in page  # 31 counted: two pages, the second called « plus de »
    decompte = next(
        q["sql"] for q in ctx.captured_queries if "COUNT(*)" in q["sql"] and "conventions_convention" in q["sql"]
    )
    assert "LIMIT 31" in decompte
    assert len(client.get(url, {"page": 2}).context["page_obj"]) == 6
    classeur = load_workbook(BytesIO(client.get(reverse("conventions:export")).content))
    assert classeur.active.max_row == 1 + 31

    factories.convention(arretes, conclure=False, employeur_=employeur, salarie_=factories.salarie())
    settings.PLAFOND_DU_DECOMPTE = 100
    assert "32 conventions" in client.get(url).content.decode()


def test_une_recherche_compte_jusqu_a_son_propre_plafond(arretes, connecter, settings):
    """A search counts up to ``PLAFOND_DU_DECOMPTE_RECHERCHE`` (one refines the words beyond it), and a count cut
    short always offers the deferred export, whatever the threshold of the direct one."""
    settings.PLAFOND_DU_DECOMPTE_RECHERCHE = 2
    employeur = factories.employeur(raison_sociale="Régie Ménilmontant")
    for _ in range(3):
        factories.convention(arretes, conclure=False, employeur_=employeur, salarie_=factories.salarie())
    client = connecter("prescripteur")
    url = reverse("conventions:liste")
    cherchee = client.get(url, {"q": "menilmontant"})
    assert cherchee.context["plafonne"] and len(cherchee.context["page_obj"]) == 3
    assert "Plus de 2 conventions (précisez la recherche pour les compter" in cherchee.content.decode()
    assert cherchee.context["export_differe"]
    sans = client.get(url)
    assert not sans.context["plafonne"] and sans.context["total"] == 3 and not sans.context["export_differe"]


def test_export_xlsx_sans_nir(arretes, connecter):
    from openpyxl import load_workbook

    c = factories.convention(arretes)
    reponse = connecter("prescripteur").get(reverse("conventions:export"), {"statut": "en_cours"})
    assert reponse.status_code == 200
    classeur = load_workbook(BytesIO(reponse.content))
    cellules = [str(v) for feuille in classeur for ligne in feuille.iter_rows(values_only=True) for v in ligne if v]
    assert c.numero in cellules
    nir = c.salarie.nir
    assert not any(nir in v or nir[:13] in v for v in cellules)
    assert all("NIR" not in v for v in cellules)


def test_export_differe_au_dela_de_2000_lignes(arretes, connecter, monkeypatch):
    """Large lists go through the deferred work of rappels (when it is installed)."""
    import conventions.views.liste as vues

    factories.convention(arretes)
    monkeypatch.setattr(vues, "SEUIL_DIFFERE", 0)
    page = connecter("prescripteur").get(reverse("conventions:liste")).content.decode()
    assert vues.url_travail_differe() in page
    from conventions.views.export import export_differe

    nom, contenu = export_differe(
        {
            "statut": "conclue",
            "perimetre": {"role": "prescripteur", "organisation_id": arretes.organisations["pe_paris"].pk},
        },
        lambda p: None,
    )
    # Streamed into a temporary file (never held in memory), that the runner stores then deletes.
    assert nom.endswith(".xlsx") and contenu.read_bytes().startswith(b"PK")
    contenu.unlink()


def test_cartes_d_accueil(arretes, connecter):
    factories.convention(arretes, conclure=False)
    page = connecter("prescripteur").get(reverse("accueil")).content.decode()
    assert "Brouillons de convention à compléter" in page
