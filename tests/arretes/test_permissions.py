"""Who sees and who may change which arrêté, for every page."""

import pytest
from django.urls import reverse

from arretes.models import Arrete

from .factories import arrete_publie, creer_arrete

pytestmark = pytest.mark.django_db


@pytest.fixture
def arretes(demo):
    return {
        "idf_publie": arrete_publie("11", 2010, numero="2009-1"),
        "idf_brouillon": creer_arrete("11", 2011, numero="2010-2"),
        "npdc_brouillon": creer_arrete("31", 2011),
    }


LECTURE = ["detail", "pdf"]
ECRITURE = ["modifier", "importer", "import_modele"]


@pytest.mark.parametrize(
    ("qui", "visibles", "invisibles"),
    [
        ("gestionnaire", ["idf_publie", "idf_brouillon"], ["npdc_brouillon"]),
        ("gestionnaire_nord", ["npdc_brouillon"], ["idf_publie", "idf_brouillon"]),
        ("correspondant", ["idf_publie", "idf_brouillon"], ["npdc_brouillon"]),
        ("national", ["idf_publie", "idf_brouillon", "npdc_brouillon"], []),
        ("admin", ["idf_publie", "idf_brouillon", "npdc_brouillon"], []),
        ("prescripteur", ["idf_publie"], ["idf_brouillon", "npdc_brouillon"]),
        ("cg93", ["idf_publie"], ["idf_brouillon", "npdc_brouillon"]),
        ("prescripteur_nord", [], ["idf_publie", "idf_brouillon", "npdc_brouillon"]),
    ],
)
def test_lecture_par_role(connecter, arretes, qui, visibles, invisibles):
    client = connecter(qui)
    liste = client.get(reverse("arretes:liste"))
    assert {a.pk for a in liste.context["page_obj"]} == {arretes[c].pk for c in visibles}
    for cle in visibles:
        for vue in LECTURE:
            assert client.get(reverse(f"arretes:{vue}", args=[arretes[cle].pk])).status_code == 200
    for cle in invisibles:
        for vue in LECTURE + ECRITURE:
            assert client.get(reverse(f"arretes:{vue}", args=[arretes[cle].pk])).status_code == 404


@pytest.mark.parametrize("qui", ["correspondant", "national", "prescripteur", "cg93"])
def test_ecriture_interdite_403(connecter, arretes, qui):
    client = connecter(qui)
    cible = arretes["idf_brouillon"]
    visible = Arrete.objects.visibles_par(client.get(reverse("arretes:liste")).context["perimetre"]).filter(pk=cible.pk)
    attendu = 403 if visible.exists() else 404
    for vue in ECRITURE:
        assert client.get(reverse(f"arretes:{vue}", args=[cible.pk])).status_code == attendu
    assert client.post(reverse("arretes:publier", args=[cible.pk]), {}).status_code == attendu
    assert client.get(reverse("arretes:creer")).status_code == 403


def test_gestionnaire_ecrit_dans_sa_region_seulement(connecter, arretes):
    client = connecter("gestionnaire")
    assert client.get(reverse("arretes:modifier", args=[arretes["idf_brouillon"].pk])).status_code == 200
    assert client.get(reverse("arretes:importer", args=[arretes["idf_brouillon"].pk])).status_code == 200
    assert client.get(reverse("arretes:creer")).status_code == 200
    # A published arrêté can no longer be edited: 403 (it is visible).
    assert client.get(reverse("arretes:modifier", args=[arretes["idf_publie"].pk])).status_code == 403
    nord = connecter("gestionnaire_nord")
    assert nord.get(reverse("arretes:modifier", args=[arretes["idf_brouillon"].pk])).status_code == 404
    assert nord.post(reverse("arretes:publier", args=[arretes["idf_brouillon"].pk]), {}).status_code == 404


def test_suivi_national(connecter, arretes):
    for qui in ("national", "admin"):
        client = connecter(qui)
        reponse = client.get(reverse("arretes:suivi") + "?annee=2010")
        assert reponse.status_code == 200 and len(reponse.context["lignes"]) == 26
        etats = {ligne["region"].code_insee: ligne["etat"] for ligne in reponse.context["lignes"]}
        assert etats["11"] == "publie" and etats["31"] == "en_retard"
        export = client.get(reverse("arretes:suivi_export") + "?annee=2010")
        assert export.status_code == 200 and export.content.startswith(b"PK")
    for qui in ("gestionnaire", "correspondant", "prescripteur"):
        assert connecter(qui).get(reverse("arretes:suivi")).status_code == 403


def test_anonyme_redirige_vers_la_connexion(client, arretes):
    pk = arretes["idf_publie"].pk
    for url in [
        reverse("arretes:liste"),
        reverse("arretes:creer"),
        reverse("arretes:suivi"),
        reverse("arretes:detail", args=[pk]),
        reverse("arretes:pdf", args=[pk]),
    ]:
        reponse = client.get(url)
        assert reponse.status_code == 302 and "/comptes/connexion/" in reponse["Location"]
