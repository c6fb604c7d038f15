"""The monthly totals of the schedules (``TotalMensuel``, ``services.totaux_mensuels``) always equal the sums of
the months (``MoisAide``) they stand for: after a conclusion, an avenant, a suspension, a rupture with an indu, an
annulment, a deletion, the national recalculation in one transaction and the one in blocks; and the budget pages
that read them give the figures the months give."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from django.db.models import Sum

from arretes.models import TauxPriseEnCharge
from conventions.models import Convention, MoisAide, MotifRupture, TotalMensuel
from conventions.services import annulation, conclusion, echeancier_blocs, evenements, totaux_mensuels
from conventions.services.echeancier import recalculer_echeanciers
from cui_portal import horloge
from paiements import budgets
from referentiels.models import ValeurBareme
from tests.arretes.factories import arrete_publie
from tests.conventions.factories import ConventionFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def conclure(auteur):
    arrete = arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    TauxPriseEnCharge.objects.filter(arrete=arrete, contrat="CAE", public__code="autres-publics").update(heures_max=35)

    def conclure_une(debut=date(2010, 12, 15), mois=6):
        fin = debut + relativedelta(months=mois) - timedelta(1)
        brouillon = ConventionFactory(
            date_conclusion=debut - timedelta(14),
            date_embauche=debut,
            date_debut=debut,
            date_fin=fin,
            date_fin_contrat_travail=fin,
            duree_hebdo_travail=D(35),
            duree_hebdo_prise_en_charge=D(26),
        )
        with horloge.au(debut - timedelta(14)):
            return conclusion.conclure(brouillon, par=auteur)

    return conclure_une


def _au_centime(valeurs):
    return tuple(D(v or 0).quantize(D("0.01")) for v in valeurs)


def des_mois() -> dict:
    """The sums computed afresh from every month of every schedule."""
    return {(g[0], g[2]): (*_au_centime(g[3:8]), g[8]) for g in totaux_mensuels.sommes(MoisAide.objects.all())}


def des_totaux() -> dict:
    """The totals kept, without the rows every month has left (all zero)."""
    champs = [*totaux_mensuels.SOMMES, "lignes"]
    return {
        (t["departement_id"], t["mois"]): (*_au_centime(t[c] for c in totaux_mensuels.SOMMES), t["lignes"])
        for t in TotalMensuel.objects.values("departement_id", "mois", *champs)
        if t["lignes"]
    }


def test_chaque_ecriture_garde_les_totaux_egaux_aux_mois(conclure, auteur, django_capture_on_commit_callbacks):
    a, b, c = conclure(), conclure(date(2011, 1, 3), 12), conclure(date(2011, 2, 1), 6)
    assert des_totaux() == des_mois() and len(des_mois()) == 14  # December 2010 to January 2012
    with horloge.au(date(2011, 2, 20)):
        evenements.ajouter_avenant(
            a, type="modification", date=date(2011, 2, 20), date_effet=date(2011, 3, 1),
            duree_hebdo_prise_en_charge=D(30), par=auteur,
        )  # fmt: skip
    assert des_totaux() == des_mois()
    with horloge.au(date(2011, 4, 2)):
        evenements.declarer_suspension(b, date_suspension=date(2011, 4, 1), motif="maladie", par=auteur)
    assert des_totaux() == des_mois()
    with horloge.au(date(2011, 5, 21)):
        evenements.declarer_rupture(c, date_rupture=date(2011, 5, 20), motif=MotifRupture.HORS_CAS_LEGAUX, par=auteur)
    assert des_totaux() == des_mois()
    assert TotalMensuel.objects.aggregate(s=Sum("a_rembourser"))["s"] > 0  # the indu of the rupture is counted
    with horloge.au(date(2011, 5, 25)):
        annulation.annuler_convention(a, motif="Saisie en double de la même embauche.", par=auteur)
    assert des_totaux() == des_mois()
    ValeurBareme.objects.filter(bareme__code="smic_horaire", date_effet=date(2011, 1, 1)).update(valeur=D("9.10"))
    recalculer_echeanciers(Convention.objects.filter(pk=b.pk))  # some conventions: their sums moved
    assert des_totaux() == des_mois()
    ValeurBareme.objects.filter(bareme__code="smic_horaire", date_effet=date(2011, 1, 1)).update(valeur=D("9.05"))
    recalculer_echeanciers()  # every convention, in one transaction: the totals rebuilt once
    assert des_totaux() == des_mois()
    ValeurBareme.objects.filter(bareme__code="smic_horaire", date_effet=date(2011, 1, 1)).update(valeur=D("9.20"))
    with django_capture_on_commit_callbacks(execute=True):
        echeancier_blocs.lancer_recalcul(taille_bloc=1)  # in blocks, swapped at the end
    assert des_totaux() == des_mois()
    Convention.objects.get(pk=b.pk).delete()  # its months go with it (CASCADE), their sums first
    assert des_totaux() == des_mois() and des_mois()


def test_reconstruire_donne_les_memes_totaux_que_les_ecritures(conclure):
    conclure(), conclure(date(2011, 3, 1), 12)
    tenus = des_totaux()
    assert totaux_mensuels.reconstruire() == len(tenus)
    assert des_totaux() == tenus == des_mois()


def test_les_pages_de_budgets_donnent_les_chiffres_des_mois(conclure):
    """The region's budget from the totals equals the one computed from the months themselves, on a day that
    cuts the year (due to date: the months over)."""
    a = conclure(date(2011, 1, 3), 12)
    conclure(date(2011, 3, 1), 6)
    jour = date(2011, 7, 10)
    par_totaux = budgets.budgets_par_region(2011, jour, [a.region_id])[a.region_id]
    mois = MoisAide.objects.filter(mois__year=2011, region_id=a.region_id).avec_du()
    echus = mois.filter(mois__lt=date(2011, 7, 1))
    assert par_totaux.engage.etat == mois.aggregate(s=Sum("part_etat"))["s"]
    assert par_totaux.du.etat == echus.aggregate(s=Sum("du_etat"))["s"]
    assert par_totaux.du.etat < par_totaux.engage.etat
    par_departement = budgets.budgets_par_departement(2011, jour, [a.departement_id])[a.departement_id]
    assert par_departement == par_totaux  # one département in the region
