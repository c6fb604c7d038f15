"""« Dû = aide − indu » is written once in SQL (``MoisAideQuerySet.avec_du``) and once as a pure rule
(``conventions.regles.echeancier.aide_due``, called by ``regles.rapprocher``): over random schedules and payments,
the two agree month by month, the flagged months the database finds are those the pure rule flags, and the
budgets' « dû à ce jour » is the pure rule's sum."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import MoisAide
from conventions.regles.echeancier import aide_due
from conventions.services import totaux_mensuels
from paiements import budgets
from paiements.rapprochement import comptes, mois_signales
from paiements.regles import ZERO, rapprocher

from .conftest import payer

pytestmark = pytest.mark.django_db
JOUR = date(2010, 11, 30)
CENT = Decimal("0.01")
MOIS = [date(2010, m, 1) for m in range(1, 13)]


@st.composite
def mois_et_paiement(draw):
    etat = Decimal(draw(st.integers(0, 120_000))) * CENT
    cg = Decimal(draw(st.integers(0, 45_000))) * CENT
    aide = etat + cg
    indu = draw(st.sampled_from([ZERO, aide, None]))
    if indu is None:  # a part of the aid: more or less than the State's share
        indu = Decimal(draw(st.integers(0, int(aide * 100)))) * CENT
    paiement = draw(st.sampled_from(["rien", "du", "plus", "moins", "aide"]))
    return etat, cg, indu, paiement


def _paye(etat, cg, indu, paiement):
    du = aide_due(etat, cg, indu)
    return {
        "rien": None,
        "du": (du.etat, du.conseil_general),
        "plus": (du.etat + Decimal("150.00"), du.conseil_general),
        "moins": (max(du.etat - Decimal("12.60"), ZERO), du.conseil_general),
        "aide": (etat, cg),  # what the ASP paid before it knew of the rupture
    }[paiement]


def _ecrire(convention, lignes):
    """Months written as ``services.echeancier`` writes them, monthly totals included."""
    totaux_mensuels.retirer([convention.pk])
    MoisAide.objects.filter(convention=convention).delete()
    MoisAide.objects.bulk_create(
        MoisAide(
            convention=convention,
            region_id=convention.region_id,
            departement_id=convention.departement_id,
            mois=mois,
            jours_aides=28,
            jours_du_mois=28,
            taux=Decimal(90),
            heures=Decimal(20),
            smic_horaire=Decimal("8.86"),
            aide=etat + cg,
            part_etat=etat,
            part_conseil_general=cg,
            a_rembourser=indu,
        )
        for mois, (etat, cg, indu, _) in zip(MOIS, lignes, strict=False)
    )
    totaux_mensuels.ajouter([convention.pk])
    payes = {
        mois: paye
        for mois, ligne in zip(MOIS, lignes, strict=False)
        if (paye := _paye(*ligne)) is not None and paye != (ZERO, ZERO)
    }
    if payes:
        payer(convention, payes)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lignes=st.lists(mois_et_paiement(), min_size=1, max_size=12))
def test_le_sql_et_la_regle_pure_disent_le_meme_du(conventions, lignes):
    c, autre = conventions["idf"], conventions["idf2"]
    with transaction.atomic():
        _ecrire(c, lignes)
        # Month by month, the annotation is the pure rule.
        for m in MoisAide.objects.filter(convention=c).avec_du():
            due = aide_due(m.part_etat, m.part_conseil_general, m.a_rembourser)
            assert (m.du_etat, m.du_conseil_general, m.du) == (due.etat, due.conseil_general, due.total), m.mois

        # The database flags the months the pure rule flags, for the same amounts.
        attendus = {}
        for mois, ligne in zip(MOIS, lignes, strict=False):
            etat, cg, indu, _ = ligne
            paye_etat, paye_cg = _paye(*ligne) or (ZERO, ZERO)
            r = rapprocher(
                mois,
                part_etat=etat,
                part_conseil_general=cg,
                a_rembourser=indu,
                paye_etat=paye_etat,
                paye_conseil_general=paye_cg,
                jour=JOUR,
            )
            if r.signale:
                attendus[mois] = r
        trouves = {m.mois for m in mois_signales(c.region_id, JOUR).filter(convention=c)}
        assert trouves == set(attendus)
        n = comptes(c.region_id, JOUR)  # the other convention of the region is never overpaid
        trop = [r for r in attendus.values() if r.trop_percu]
        assert (n.trop_percus, n.montant_trop_percu) == (len(trop), sum((r.ecart for r in trop), ZERO))

        # The budgets' « dû à ce jour » is the pure rule's, the indu taken off.
        region = budgets.budgets_par_region(2010, JOUR, [c.region_id])[c.region_id]
        echus = MoisAide.objects.filter(convention__in=[c, autre], mois__lt=JOUR.replace(day=1))
        dus = [aide_due(m.part_etat, m.part_conseil_general, m.a_rembourser) for m in echus]
        assert region.du.etat == sum((d.etat for d in dus), ZERO)
        assert region.du.conseil_general == sum((d.conseil_general for d in dus), ZERO)
        assert region.a_recuperer == sum((m.a_rembourser for m in MoisAide.objects.filter(region=c.region)), ZERO)
        transaction.set_rollback(True)
