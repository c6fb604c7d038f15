"""Dashboards, exports, API, operators and payments, comités, home cards, and the "Done when" scenario."""

import uuid
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse

from referentiels.models import Organisation, TypeOrganisation
from tableau_de_bord.models import (
    BilanEtape,
    ComitePilotage,
    ConventionOperateur,
    DemandePaiement,
    Fonction,
    Operateur,
    StatutBilan,
)
from tableau_de_bord.services import quinzaine_du
from tests.tableau_de_bord.factories import OperateurFactory

pytestmark = pytest.mark.django_db


def _donnees(bilan, action="enregistrer", **textes):
    donnees = {"version": bilan.version, "action": action}
    for fonction in Fonction.values:
        for champ in ("objectifs", "calendrier", "freins", "points_particuliers"):
            donnees[f"{fonction}-{champ}"] = textes.get(f"{fonction}-{champ}", "")
        donnees[f"{fonction}-operateur"] = textes.get(f"{fonction}-operateur", "")
    return donnees


def test_scenario_complet(connecter, time_machine, idf, npdc, demo):
    """A correspondent fills and submits the bilan of the current fortnight with the computed figures; the DGEFP
    sees that region on time and another late, opens the bilan, exports XLSX and PDF; an operator payment
    complete 26 days ago and unpaid shows as overdue."""
    from openpyxl import load_workbook

    from tableau_de_bord.services_indicateurs import rafraichir_indicateurs
    from tests.tableau_de_bord.test_indicateurs import conclue

    time_machine.move_to("2010-03-10 10:00 +01:00", tick=False)
    conclue(conclusion=date(2010, 3, 5), immersion=True, periodes=1)
    rafraichir_indicateurs()
    operateur = OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])

    # The day the bilan of 1–15 March is due, the link opens it.
    time_machine.move_to("2010-03-16 10:00 +01:00", tick=False)
    claire = connecter("correspondant")
    r = claire.get(reverse("tableau_de_bord:bilan_quinzaine"), follow=True)
    bilan = BilanEtape.objects.get(region=idf)
    page = r.content.decode()
    assert "CAE-jeunes prescrits" in page and "Données à jour au" not in page  # the caption says "données à jour"
    assert "données à jour au 10/03/2010" in page
    assert '<td class="tdb-nombre">1</td>' in page  # one CAE-jeune in the fortnight
    transmission = _donnees(
        bilan, "transmettre", **{"immersion-operateur": operateur.pk, "immersion-freins": "Tuteurs rares"}
    )
    r = claire.post(reverse("tableau_de_bord:modifier_bilan", args=[bilan.pk]), transmission)
    assert r.status_code == 200  # transmitting is irreversible: it asks first, and nothing is transmitted yet
    bilan.refresh_from_db()
    assert bilan.statut != StatutBilan.SOUMIS
    r = claire.post(reverse("tableau_de_bord:modifier_bilan", args=[bilan.pk]), {**transmission, "confirme": "1"})
    assert r.status_code == 302
    bilan.refresh_from_db()
    assert bilan.statut == StatutBilan.SOUMIS

    # Nord-Pas-de-Calais transmits after the due date (16/03/2010).
    time_machine.move_to("2010-03-17 09:00 +01:00", tick=False)
    hugo = connecter("correspondant_nord", c=None)
    r = hugo.get(reverse("tableau_de_bord:bilan_quinzaine"), follow=True)
    assert r.status_code == 200
    nord = BilanEtape.objects.get(region=npdc)
    assert nord.quinzaine.date_debut == date(2010, 3, 1)  # the fortnight due yesterday, not yet transmitted
    from tableau_de_bord.services import ouvrir_bilan, soumettre_bilan

    nord = ouvrir_bilan(npdc, bilan.quinzaine)
    soumettre_bilan(nord, demo.comptes["correspondant.nord@demo.cui.fr"])

    # A payment whose file was complete 26 days ago.
    convention = ConventionOperateur.objects.create(
        operateur=operateur, objet="Immersions", montant=Decimal(30000), signee_le=date(2009, 11, 2)
    )
    demande = DemandePaiement.objects.create(
        convention=convention,
        montant=Decimal(5000),
        compte_rendu_recu_le=date(2010, 2, 15),
        attestation_recue_le=date(2010, 2, 19),
    )
    assert demande.date_dossier_complet == date(2010, 2, 19)
    assert demande.en_retard(date(2010, 3, 17))  # 26 days

    nathalie = connecter("national")
    page = nathalie.get(reverse("tableau_de_bord:national")).content.decode()
    assert "Bilans au 15/03/2010" in page
    assert "1 région à l'heure, 1 en retard, 24 non transmis" in page
    assert reverse("tableau_de_bord:bilan", args=[bilan.pk]) in page
    assert "Véronique Delarue" in page and "Christine Schmitt" in page
    assert "Tuteurs rares" in page
    assert "1 en retard)" in page  # overdue payment in the link to operators
    r = nathalie.get(reverse("tableau_de_bord:bilan", args=[bilan.pk]))
    assert r.status_code == 200 and "Tuteurs rares" in r.content.decode()

    r = nathalie.get(reverse("tableau_de_bord:national_xlsx"))
    assert r.status_code == 200 and r["Content-Disposition"].endswith('.xlsx"')
    classeur = load_workbook(BytesIO(r.content))
    lignes = list(classeur["Transmission des bilans"].iter_rows(values_only=True))
    statuts = {ligne[0]: ligne[2] for ligne in lignes[1:]}
    assert statuts["Île-de-France"] == "Transmis à l'heure"
    assert statuts["Nord-Pas-de-Calais"] == "Transmis en retard"
    assert statuts["Alsace"] == "Non transmis"
    assert "Indicateurs 2010" in classeur.sheetnames
    r = nathalie.get(reverse("tableau_de_bord:national_pdf"))
    assert r.status_code == 200 and r.content.startswith(b"%PDF")

    page = connecter("correspondant").get(reverse("tableau_de_bord:operateurs_region", args=[idf.pk])).content.decode()
    assert "En retard" in page and "16/03/2010" in page  # due 25 days after 19/02


def test_retard_de_paiement_par_requete(demo, idf, time_machine):
    time_machine.move_to("2010-03-17 09:00 +01:00", tick=False)
    operateur = OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])
    convention = ConventionOperateur.objects.create(
        operateur=operateur, objet="x", montant=Decimal(1000), signee_le=date(2009, 11, 2)
    )
    aujourd_hui = date(2010, 3, 17)
    for jours, payee in ((25, None), (26, None), (40, date(2010, 3, 1))):
        complet = aujourd_hui - timedelta(days=jours)
        DemandePaiement.objects.create(
            convention=convention,
            montant=Decimal(10),
            compte_rendu_recu_le=complet,
            attestation_recue_le=complet,
            payee_le=payee,
        )
    DemandePaiement.objects.create(convention=convention, montant=Decimal(10), compte_rendu_recu_le=date(2010, 1, 1))
    retards = DemandePaiement.objects.en_retard(aujourd_hui)
    assert [d.date_dossier_complet for d in retards] == [date(2010, 2, 19)]


@pytest.mark.parametrize(
    ("qui", "national", "regional_idf", "regional_npdc", "api"),
    [
        ("national", 200, 200, 200, 200),
        ("admin", 200, 200, 200, 200),
        ("correspondant", 403, 200, 404, 200),
        ("gestionnaire_nord", 403, 404, 200, 200),
        ("prescripteur", 403, 403, 403, 403),
        ("cg93", 403, 403, 403, 403),
    ],
)
def test_acces_aux_tableaux(connecter, idf, npdc, qui, national, regional_idf, regional_npdc, api):
    c = connecter(qui)
    assert c.get(reverse("tableau_de_bord:national")).status_code == national
    assert c.get(reverse("tableau_de_bord:national_xlsx")).status_code == national
    assert c.get(reverse("tableau_de_bord:regional", args=[idf.pk])).status_code == regional_idf
    assert c.get(reverse("tableau_de_bord:regional", args=[npdc.pk])).status_code == regional_npdc
    assert c.get(reverse("tableau_de_bord:api_indicateurs") + "?annee=2010").status_code == api
    assert c.get(reverse("tableau_de_bord:comites")).status_code == (403 if api == 403 else 200)


def test_api_indicateurs_portee(connecter):
    donnees = connecter("correspondant").get(reverse("tableau_de_bord:api_indicateurs") + "?annee=2010").json()
    assert [r["territoire"] for r in donnees["regions"]] == ["Île-de-France"] and donnees["national"] is None
    donnees = connecter("national").get(reverse("tableau_de_bord:api_indicateurs") + "?annee=2010").json()
    assert len(donnees["regions"]) == 26 and donnees["national"]["territoire"] == "France entière"
    assert donnees["annee"] == 2010


def test_api_dans_le_schema(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/tableau-de-bord/api/indicateurs" in schema and "IndicateursCaeJeunes" in schema


@pytest.mark.parametrize(
    ("qui", "attendu"), [("correspondant", 302), ("gestionnaire", 302), ("national", 403), ("correspondant_nord", 404)]
)
def test_ecriture_operateurs(connecter, idf, qui, attendu):
    org = Organisation.objects.create(type=TypeOrganisation.OPERATEUR, nom="CNFPT IDF", region=idf)
    r = connecter(qui).post(
        reverse("tableau_de_bord:ajouter_operateur", args=[idf.pk]),
        {"organisation": org.pk, "nature": "cnfpt", "actif": "on", "jeton_envoi": uuid.uuid4()},
    )
    assert r.status_code == attendu
    assert Operateur.objects.filter(region=idf).exists() is (attendu == 302)


def test_demande_payee_sans_dossier_complet_refusee(connecter, demo, idf):
    operateur = OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])
    convention = ConventionOperateur.objects.create(
        operateur=operateur, objet="x", montant=Decimal(1000), signee_le=date(2009, 11, 2)
    )
    r = connecter("correspondant").post(
        reverse("tableau_de_bord:ajouter_demande", args=[idf.pk]),
        {"convention": convention.pk, "montant": "100", "compte_rendu_recu_le": "2010-03-01", "payee_le": "2010-03-05"},
    )
    assert r.status_code == 200 and "attestation de service fait" in r.content.decode()


def test_comites_calendrier_national(connecter, idf, npdc):
    c = connecter("correspondant")
    r = c.post(
        reverse("tableau_de_bord:ajouter_comite", args=[idf.pk]),
        {
            "date": "2010-04-12",
            "heure": "14:30",
            "lieu": "Préfecture",
            "ordre_du_jour": "Immersions",
            "transmis_dgefp_le": "2010-03-20",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    assert r.status_code == 302
    ComitePilotage.objects.create(region=npdc, date=date(2010, 5, 3), lieu="Lille", ordre_du_jour="Sorties")
    page = connecter("national").get(reverse("tableau_de_bord:comites")).content.decode()
    assert "Avril 2010" in page and "Mai 2010" in page and "Préfecture" in page and "Lille" in page
    page = connecter("correspondant").get(reverse("tableau_de_bord:comites")).content.decode()
    assert "Lille" not in page
    assert connecter("national").post(reverse("tableau_de_bord:ajouter_comite", args=[idf.pk]), {}).status_code == 403


def test_cartes_d_accueil(connecter, time_machine, idf):
    time_machine.move_to("2010-03-17 09:00 +01:00", tick=False)
    quinzaine_du(date(2010, 3, 1))
    page = connecter("correspondant").get("/").content.decode()
    # The fortnight that has just ended is not transmitted and its deadline (16/03) has passed: it is the one to fill.
    assert "Bilan d&#x27;étape au 15/03/2010" in page and "En retard" in page and "31/03/2010" not in page
    page = connecter("national").get("/").content.decode()
    assert "Régions sans bilan au 15/03/2010" in page and "En retard" in page


def test_demo_idempotente(demo):
    import io

    from comptes.demo import DATE_DEMONSTRATION
    from tableau_de_bord.demo import peupler

    # The demonstration is built on its own day (30/11/2010), whatever the calendar says.
    peupler(demo, io.StringIO())
    peupler(demo, io.StringIO())
    from tableau_de_bord import regles, suivi

    q = quinzaine_du(regles.quinzaine_echue(DATE_DEMONSTRATION).date_debut)
    statuts = {t.region.code_insee: t.statut for t in suivi.transmissions(q, aujourd_hui=DATE_DEMONSTRATION)}
    assert (
        statuts["11"] == regles.A_L_HEURE and statuts["31"] == regles.EN_RETARD and statuts["42"] == regles.NON_TRANSMIS
    )
    assert DemandePaiement.objects.en_retard(DATE_DEMONSTRATION).count() == 1
    from tableau_de_bord.models import ObjectifRegional

    assert sum(o.objectif_cae for o in ObjectifRegional.objects.filter(annee=2010)) == 360_000
    assert sum(o.objectif_cie for o in ObjectifRegional.objects.filter(annee=2010)) == 50_000


def test_le_tableau_en_cache_montre_toujours_les_derniers_chiffres(connecter, time_machine, idf, demo):
    """The indicators' fragment is cached under the digest of its figures: an objective changed, or a convention
    counted by the next refresh, is on the very next page, never the cached table of before."""
    from tableau_de_bord.models import ObjectifRegional
    from tableau_de_bord.services_indicateurs import rafraichir_indicateurs
    from tests.tableau_de_bord.test_indicateurs import conclue

    time_machine.move_to("2010-03-10 10:00 +01:00", tick=False)
    client = connecter("national")
    national = reverse("tableau_de_bord:national")
    regional = reverse("tableau_de_bord:regional", args=[idf.pk])
    objectif, _ = ObjectifRegional.objects.get_or_create(
        region=idf, annee=2010, defaults={"objectif_cae": 120, "objectif_cie": 12}
    )

    def cellule_idf(page):
        debut = page.index(f"{reverse('tableau_de_bord:regional', args=[idf.pk])}?quinzaine=", page.index("tdb-table"))
        return page[debut : page.index("</tr>", debut)]

    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    reponse = client.get(national)
    assert f"0 / {objectif.objectif_cae}" in cellule_idf(reponse.content.decode())
    cle = make_template_fragment_key("tdb-national-indicateurs", [reponse.context["empreinte_indicateurs"]])
    assert f"0 / {objectif.objectif_cae}" in cache.get(cle)  # the table is in the cache, under its figures

    ObjectifRegional.objects.filter(pk=objectif.pk).update(objectif_cae=objectif.objectif_cae + 7)
    apres = cellule_idf(client.get(national).content.decode())
    assert f"0 / {objectif.objectif_cae + 7}" in apres

    conclue()  # concluded on 20/02/2010, before the fortnight shown (16–28/02)
    rafraichir_indicateurs()
    assert f"1 / {objectif.objectif_cae + 7}" in cellule_idf(client.get(national).content.decode())
    assert "Entrées, CAE-jeunes et paramètres moyens par département" in client.get(regional).content.decode()
