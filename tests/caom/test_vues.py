"""Pages by role (own / other département or region, national read-only, prescripteur, anonymous) and the
"Done when" scenario: a region records a 2010 CAOM, signs it, and reports it on 30 November."""

import uuid
from datetime import date, datetime
from decimal import Decimal as D
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape
from openpyxl import load_workbook

from caom.models import Caom
from referentiels.models import Departement

PARIS = ZoneInfo("Europe/Paris")
IDF = ["75", "77", "78", "91", "92", "93", "94", "95"]


def url(nom, caom=None):
    return reverse(f"caom:{nom}", args=[caom.pk] if caom else [])


@pytest.mark.parametrize(
    ("qui", "statut"),
    [
        ("correspondant", 200),
        ("gestionnaire", 200),
        ("national", 200),
        ("cg93", 200),
        ("admin", 200),
        ("prescripteur", 403),
    ],
)
def test_liste_par_role(connecter, qui, statut):
    assert connecter(qui).get(url("liste") + "?annee=2010").status_code == statut


def test_liste_anonyme_redirige(client, db):
    assert client.get(url("liste")).status_code == 302


@pytest.mark.parametrize(
    ("qui", "statut"),
    [
        ("correspondant", 200),
        ("gestionnaire", 200),
        ("national", 200),
        ("cg93", 200),
        ("admin", 200),
        ("cg59", 404),
        ("correspondant_nord", 404),
        ("gestionnaire_nord", 404),
        ("prescripteur", 404),
    ],
)
@pytest.mark.parametrize("page", ["detail", "pdf"])
def test_detail_par_role(connecter, caom_93, qui, statut, page):
    assert connecter(qui).get(url(page, caom_93)).status_code == statut


@pytest.mark.parametrize(
    ("qui", "statut"),
    [
        ("gestionnaire", 200),
        ("admin", 200),
        ("correspondant", 403),
        ("national", 403),
        ("cg93", 403),
        ("cg59", 404),
        ("gestionnaire_nord", 404),
    ],
)
def test_ecritures_par_role(connecter, caom_93, qui, statut):
    client = connecter(qui)
    assert client.get(url("modifier", caom_93)).status_code == statut
    etape = {"statut": "en_negociation", "date_etape": "2009-11-09", "jeton_envoi": str(uuid.uuid4())}
    reponse = client.post(url("etape", caom_93), etape)
    assert reponse.status_code == (302 if statut == 200 else statut)
    caom_93.refresh_from_db()
    assert (caom_93.statut == "en_negociation") == (statut == 200)


def test_creation_reservee_au_gestionnaire_de_la_region(connecter, demo):
    dep = Departement.objects.get(code="93")
    chemin = f"{url('creer')}?departement={dep.pk}&annee=2010"
    assert connecter("gestionnaire").get(chemin).status_code == 200
    assert connecter("national").get(chemin).status_code == 403
    assert connecter("correspondant").get(chemin).status_code == 403
    assert connecter("gestionnaire_nord").get(chemin).status_code == 404


@pytest.mark.parametrize("parametres", ["", "?departement={dep}&annee=2011"])
def test_creation_interdite_au_prescripteur(connecter, demo, parametres):
    """Prescripteurs have no CAOM page: 403 (was 404 through the empty list of their départements)."""
    dep = Departement.objects.get(code="75")
    chemin = url("creer") + parametres.format(dep=dep.pk)
    assert connecter("prescripteur").get(chemin).status_code == 403
    assert connecter("prescripteur").post(chemin, {"departement": dep.pk}).status_code == 403


def test_le_conseil_general_ne_voit_que_sa_caom(connecter, caom_93, caom_59):
    reponse = connecter("cg93").get(url("liste") + "?annee=2010")
    assert [ligne.departement.code for ligne in reponse.context["lignes"]] == ["93"]
    assert "Modifier" not in connecter("cg93").get(url("detail", caom_93)).content.decode()


@pytest.mark.parametrize(
    # The conseil général reads the report of its own département (issue 17, point 8).
    ("qui", "statut"),
    [("correspondant", 200), ("national", 200), ("cg93", 200), ("prescripteur", 403)],
)
@pytest.mark.parametrize("page", ["rapport", "rapport_xlsx", "rapport_pdf"])
def test_rapport_par_role(connecter, qui, statut, page):
    assert connecter(qui).get(url(page) + "?annee=2010").status_code == statut


def donnees_caom(**volumes):
    donnees = {
        "date_reference": "2009-11-05",
        "nb_cae_cofinances": 600,
        "nb_cae_majores": 50,
        "taux_majore": "95",
        "nb_cae_cg_seul": 20,
        "nb_cie_cofinances": 80,
        "duree_hebdo_cae": "26",
        "taux_etat_cae": "90",
        "taux_etat_aci": "105",
        "part_aci": "0",
        "duree_moyenne_cae": "8.25",
        "taux_cie": "30.7",
        "duree_hebdo_cie": "33",
        "duree_moyenne_cie": "9.4",
        "observations": "",
    }
    return donnees | volumes


def lignes_xlsx(contenu: bytes):
    feuille = load_workbook(BytesIO(contenu), read_only=True).worksheets[0]
    return [list(ligne) for ligne in feuille.iter_rows(values_only=True)]


def test_scenario_de_la_region_au_rapport_du_30_novembre(connecter, demo):
    client = connecter("gestionnaire")
    dep = Departement.objects.get(code="93")
    liste = client.get(url("liste") + "?annee=2010").content.decode()
    assert f"?departement={dep.pk}&amp;annee=2010" in liste

    reponse = client.post(f"{url('creer')}?departement={dep.pk}&annee=2010", donnees_caom(jeton_envoi=uuid.uuid4()))
    caom = Caom.objects.get(departement=dep, annee=2010)
    assert reponse.status_code == 302 and reponse.url == url("detail", caom)
    # Volumes can still change before signature.
    client.post(url("modifier", caom), donnees_caom(nb_cie_cofinances=90))
    caom.refresh_from_db()
    assert caom.nb_cie_cofinances == 90

    for donnees in [
        {"statut": "en_negociation", "date_etape": "2009-11-09"},
        {"statut": "accord_de_principe", "date_etape": "2009-11-27"},
        {"statut": "signee", "date_etape": "2009-12-15", "confirme": "1"},  # refused: no deliberation
        {
            "statut": "deliberation",
            "date_etape": "2009-12-14",
            "date_deliberation": "2009-12-14",
            "instance_deliberation": "commission_permanente",
        },
    ]:
        client.post(url("etape", caom), {**donnees, "jeton_envoi": uuid.uuid4()})
    signature = {"statut": "signee", "date_etape": "2009-12-18", "jeton_envoi": uuid.uuid4()}
    page = client.post(url("etape", caom), signature)  # a final step: asked before, nothing done
    texte = page.content.decode()
    assert page.status_code == 200 and "Signée" in texte and "le 18/12/2009" in texte
    assert "ne changent plus que par avenant" in texte and 'name="confirme" value="1"' in texte
    caom.refresh_from_db()
    assert caom.statut == "deliberation" and caom.etapes.count() == 3
    client.post(url("etape", caom), {**signature, "confirme": "1"})
    caom.refresh_from_db()
    assert caom.statut == "signee" and caom.date_signature == date(2009, 12, 18)
    assert caom.etapes.count() == 4

    detail = client.get(url("detail", caom))
    ligne = detail.context["enveloppe"].ligne("cae_cofinances")
    assert abs(ligne.aide_mensuelle - D("894.30")) <= D("0.10")
    assert ligne.part_cg_mensuelle == D("400.07") and abs(ligne.part_etat_mensuelle - D("494.23")) <= D("0.10")
    html = detail.content.decode()
    assert "894,35" in html and "400,07" in html and "494,28" in html
    # After signature, changes go through an avenant.
    assert client.get(url("modifier", caom)).status_code == 302
    jeton = str(client.get(url("avenant", caom)).context["form"].initial["jeton_envoi"])
    avenant = {
        "jeton_envoi": jeton,
        "date_avenant": "2010-06-01",
        "objet": "Plus de CAE",
        "nb_cae_cofinances": 650,
        "nb_cae_majores": 50,
        "nb_cae_cg_seul": 20,
        "nb_cie_cofinances": 90,
    }
    client.post(url("avenant", caom), avenant)
    # The same page sent twice: one avenant, and a French message.
    deuxieme = client.post(url("avenant", caom), avenant, follow=True)
    assert "déjà été envoyé" in deuxieme.content.decode()
    caom.refresh_from_db()
    assert caom.nb_cae_cofinances == 650 and caom.avenants.get().avant["nb_cae_cofinances"] == 600
    assert "600 → 650" in client.get(url("detail", caom)).content.decode()

    rapport = client.get(url("rapport") + "?annee=2010")
    statuts = {ligne.departement.code: ligne.libelle_statut for ligne in rapport.context["lignes"]}
    assert sorted(statuts) == IDF and statuts["93"] == "Signée" and statuts["75"] == "Négociation non engagée"
    page = rapport.content.decode()
    for code in IDF:
        assert escape(Departement.objects.get(code=code).nom) in page

    xlsx = lignes_xlsx(client.get(url("rapport_xlsx") + "?annee=2010").content)
    assert xlsx[0][:3] == ["Région", "Département", "État de la négociation"]
    par_departement = {ligne[1][:2]: ligne[2] for ligne in xlsx[1:]}
    assert sorted(par_departement) == IDF and par_departement["93"] == "Signée"
    assert xlsx[1 + IDF.index("93")][6] == datetime(2009, 12, 18)

    pdf = client.get(url("rapport_pdf") + "?annee=2010").content
    assert pdf.startswith(b"%PDF")
    assert client.get(url("pdf", caom)).content.startswith(b"%PDF")


def test_liste_de_decembre(connecter, caom_93, caom_59):
    Caom.objects.filter(pk=caom_59.pk).update(
        statut="signee",
        date_deliberation=date(2009, 12, 10),
        instance_deliberation="assemblee",
        date_signature=date(2009, 12, 11),
    )
    client = connecter("national")
    with time_machine.travel(datetime(2009, 11, 20, 10, tzinfo=PARIS), tick=False):
        reponse = client.get(url("rapport"))
        assert reponse.context["annee"] == 2010 and not reponse.context["relance"]
    with time_machine.travel(datetime(2009, 12, 5, 10, tzinfo=PARIS), tick=False):
        reponse = client.get(url("rapport"))
        assert reponse.context["relance"]
        non_signees = {ligne.departement.code for ligne in reponse.context["non_signees"]}
        assert "93" in non_signees and "59" not in non_signees and len(non_signees) == Departement.objects.count() - 1
        # Before 31 December nothing is « non signée » yet: the CAOM are still to be signed.
        html = reponse.content.decode()
        assert "CAOM à signer avant le 31/12/2009" in html and "non signée" not in html
        feuilles = load_workbook(BytesIO(client.get(url("rapport_xlsx")).content), read_only=True).sheetnames
        assert feuilles == ["État des négociations", "À signer avant le 31 décembre"]
    with time_machine.travel(datetime(2010, 1, 4, 10, tzinfo=PARIS), tick=False):
        reponse = client.get(url("rapport") + "?annee=2010")
        assert "CAOM non signées au 31/12/2009" in reponse.content.decode()
        feuilles = load_workbook(BytesIO(client.get(url("rapport_xlsx") + "?annee=2010").content), read_only=True)
        assert feuilles.sheetnames == ["État des négociations", "Non signées au 31 décembre"]


def test_consommation_non_disponible_sans_fournisseur(connecter, caom_93):
    html = connecter("cg93").get(url("detail", caom_93)).content.decode()
    assert "consommation par les conventions n'est pas encore disponible" in html


def test_alerte_90_sur_la_page(connecter, caom_93, fournisseur):
    from caom.consommation import LigneConsommation

    lignes, hors = fournisseur
    lignes.append(LigneConsommation(caom_93.pk, date(2010, 2, 1), "cie_cofinances", 75, D("100"), D("0")))
    hors[caom_93.departement_id] = 7
    html = connecter("correspondant").get(url("detail", caom_93)).content.decode()
    assert "90\u00a0% d'un volume" in html and "02/2010" in html and "situation dégradée" in html


def test_cartes_d_accueil(connecter, caom_93):
    with time_machine.travel(datetime(2009, 12, 5, 10, tzinfo=PARIS), tick=False):
        cartes = connecter("gestionnaire").get("/").content.decode()
        assert "CAOM 2010 à faire avancer" in cartes and "Rapport du 30 novembre" in cartes
        assert "Votre CAOM 2010" in connecter("cg93").get("/").content.decode()


def test_nombre_de_requetes_du_tableau_national(
    connecter, caom_93, caom_59, fournisseur, django_assert_max_num_queries
):
    client = connecter("national")
    with django_assert_max_num_queries(20):
        reponse = client.get(url("liste") + "?annee=2010")
    assert len(reponse.context["lignes"]) == Departement.objects.count()


def test_nombre_de_conventions_sans_liste_des_conventions(connecter, caom_93, fournisseur):
    from caom.consommation import LigneConsommation

    lignes, _ = fournisseur
    lignes.append(LigneConsommation(caom_93.pk, date(2010, 1, 1), "cae_cofinances", 12, D("100"), D("100")))
    reponse = connecter("cg93").get(url("detail", caom_93))
    assert "Conventions cofinancées au titre de cette CAOM : <strong>12</strong>" in reponse.content.decode()
    if reponse.context["url_conventions"] is not None:
        assert f"?caom={caom_93.pk}" in reponse.context["url_conventions"]
