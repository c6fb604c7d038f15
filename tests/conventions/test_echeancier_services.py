"""The schedule kept by the services in the transaction of each write: the issue's convention concluded, amended,
suspended, resumed and broken through ``conventions.services``, month by month in the database."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from arretes.models import TauxPriseEnCharge
from conventions.models import MoisAide, MotifRupture
from conventions.services import conclusion, echeancier, evenements
from cui_portal import horloge
from referentiels.models import Bareme, ValeurBareme
from tests.arretes.factories import arrete_publie
from tests.conventions.factories import ConventionFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def convention_de_l_issue(auteur):
    arrete = arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    TauxPriseEnCharge.objects.filter(arrete=arrete, contrat="CAE", public__code="autres-publics").update(heures_max=35)
    brouillon = ConventionFactory(
        date_conclusion=date(2010, 12, 1),
        date_embauche=date(2010, 12, 15),
        date_debut=date(2010, 12, 15),
        date_fin=date(2011, 6, 14),
        date_fin_contrat_travail=date(2011, 6, 14),
        duree_hebdo_travail=D(35),
        duree_hebdo_prise_en_charge=D(26),
    )
    with horloge.au(date(2010, 12, 1)):
        return conclusion.conclure(brouillon, par=auteur)


def aides(convention):
    return [m.aide for m in MoisAide.objects.filter(convention=convention).order_by("mois")]


def test_conclusion_avenant_suspension_reprise_et_rupture_reecrivent_l_echeancier(convention_de_l_issue, auteur):
    c = convention_de_l_issue
    assert c.taux == 90
    assert aides(c) == [D(x) for x in ("492.67", "912.60", "912.60", "912.60", "912.60", "912.60", "425.88")]
    with horloge.au(date(2011, 2, 20)):
        evenements.ajouter_avenant(
            c,
            type="modification",
            date=date(2011, 2, 20),
            date_effet=date(2011, 3, 1),
            duree_hebdo_prise_en_charge=D(30),
            par=auteur,
        )
    # Months before the avenant keep 26 h: the whole term is not recomputed at the new terms.
    assert aides(c) == [D(x) for x in ("492.67", "912.60", "912.60", "1053.00", "1053.00", "1053.00", "491.40")]
    with horloge.au(date(2011, 4, 2)):
        evenements.declarer_suspension(c, date_suspension=date(2011, 4, 1), motif="maladie", par=auteur)
    assert aides(c)[4:] == [D(0), D(0), D(0)]  # an open suspension without pay: no aid until the resumption
    with horloge.au(date(2011, 4, 11)):
        evenements.lever_suspension(c, date_reprise=date(2011, 4, 11), par=auteur)
    assert aides(c) == [D(x) for x in ("492.67", "912.60", "912.60", "1053.00", "702.00", "1053.00", "491.40")]
    c.refresh_from_db()
    assert c.engagement_etat == D("5617.27") and c.engagement_conseil_general == 0
    with horloge.au(date(2011, 5, 21)):
        evenements.declarer_rupture(c, date_rupture=date(2011, 5, 20), motif=MotifRupture.HORS_CAS_LEGAUX, par=auteur)
    lignes = list(MoisAide.objects.filter(convention=c).order_by("mois"))
    assert [m.aide for m in lignes][-1] == D("679.35") and len(lignes) == 6
    indu = sum(m.a_rembourser for m in lignes)
    assert indu == D("4752.22") == sum(m.aide for m in lignes)
    c.refresh_from_db()
    assert c.engagement_etat == D("4752.22")  # the rupture reduces the commitment from its date


def test_recalcul_apres_revalorisation_tout_ou_rien(convention_de_l_issue):
    c = convention_de_l_issue
    smic = Bareme.objects.get(code="smic_horaire")
    valeur = ValeurBareme.objects.get(bareme=smic, date_effet=date(2011, 1, 1))
    valeur.valeur = D("9.10")
    valeur.save()
    call_command("recalculer_echeanciers", stdout=io.StringIO())
    janvier = MoisAide.objects.get(convention=c, mois=date(2011, 1, 1))
    assert janvier.smic_horaire == D("9.10") and janvier.aide == D("922.74")  # 0,9 × 9,10 × 26 × 52 / 12
    ValeurBareme.objects.filter(bareme__code="rsa_forfaitaire").delete()
    avant = aides(c)
    with pytest.raises(Exception, match="Rien n'a été modifié"):
        call_command("recalculer_echeanciers", stdout=io.StringIO())
    assert aides(c) == avant


def test_un_avenant_recalcule_une_seule_convention(convention_de_l_issue, auteur, django_assert_max_num_queries):
    tables = echeancier.charger_tables()
    with django_assert_max_num_queries(10):  # 8, and the monthly totals: its months taken off, then added
        echeancier.ecrire_echeancier(convention_de_l_issue, tables)


def test_la_page_et_l_export_montrent_l_echeancier_et_l_indu(convention_de_l_issue, auteur, client):
    from openpyxl import load_workbook

    from comptes.models import Habilitation
    from droit.vocabulaire import Role

    c = convention_de_l_issue
    Habilitation.objects.create(utilisateur=auteur, organisation=c.prescripteur, role=Role.PRESCRIPTEUR)
    client.force_login(auteur, backend="django.contrib.auth.backends.ModelBackend")
    with horloge.au(date(2011, 5, 21)):
        evenements.declarer_rupture(c, date_rupture=date(2011, 5, 20), motif=MotifRupture.HORS_CAS_LEGAUX, par=auteur)
    page = client.get(f"/conventions/{c.pk}/").content.decode()
    assert "Paiements de l&#x27;aide" in page or "Paiements de l'aide" in page
    # 0,9 × 9,00 × 26 × 52 / 12 = 912,60 € a month; May 2011 paid for 20 days of 31 until the rupture.
    assert "Décembre 2010" in page and "17 / 31" in page and "20 / 31" in page and "588,77\u00a0€" in page
    indu = D("492.67") + 4 * D("912.60") + D("588.77")
    assert sum(m.a_rembourser for m in MoisAide.objects.filter(convention=c)) == indu
    texte = page.replace("\u00a0", " ").replace("\u202f", " ")
    assert 'id="total-indu">4 731,84 €' in texte and "soit 4 731,84 €, est à rembourser (indu)" in texte
    classeur = load_workbook(io.BytesIO(client.get(f"/conventions/{c.pk}/echeancier.xlsx").content))
    lignes = list(classeur.active.iter_rows(values_only=True))
    assert lignes[0][0] == "Mois" and len(lignes) == 1 + 6 + 1
    assert lignes[-1][0] == "Total" and D(str(lignes[-1][11])) == D("4731.84")


def test_une_nouvelle_valeur_du_smic_met_les_echeanciers_a_jour(
    convention_de_l_issue, django_capture_on_commit_callbacks
):
    c = convention_de_l_issue
    smic = Bareme.objects.get(code="smic_horaire")
    with django_capture_on_commit_callbacks(execute=True):
        ValeurBareme.objects.create(bareme=smic, date_effet=date(2011, 4, 1), valeur=D("9.50"))
    avril = MoisAide.objects.get(convention=c, mois=date(2011, 4, 1))
    assert avril.smic_horaire == D("9.50") and avril.aide == D("963.30")  # 0,9 × 9,50 × 26 × 52 / 12
    assert MoisAide.objects.get(convention=c, mois=date(2011, 3, 1)).smic_horaire == D("9.00")
