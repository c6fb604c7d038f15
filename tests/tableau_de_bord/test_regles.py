"""Pure rules: calendar of the bilans, transmission status, ASP payment deadline, CAE-jeunes criteria."""

import itertools
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conventions.regles.convention import est_cae_jeune
from tableau_de_bord import regles


def test_vingt_quatre_quinzaines_contigues():
    quinzaines = regles.quinzaines_de_l_annee(2010)
    assert len(quinzaines) == 24
    assert quinzaines[0].date_debut == date(2010, 1, 1) and quinzaines[-1].date_fin == date(2010, 12, 31)
    for a, b in itertools.pairwise(quinzaines):
        assert b.date_debut == a.date_fin + timedelta(days=1)
    assert [q.numero for q in quinzaines] == list(range(1, 25))


def test_quinzaines_de_fevrier():
    assert regles.quinzaine_contenant(date(2010, 2, 20)).date_fin == date(2010, 2, 28)
    assert regles.quinzaine_contenant(date(2012, 2, 16)).date_fin == date(2012, 2, 29)


def test_echeance_premier_jour_ouvre_apres_la_fin():
    # 15/01/2010 is a Friday: due Monday 18/01.
    assert regles.quinzaine_contenant(date(2010, 1, 5)).date_echeance == date(2010, 1, 18)
    # 31/03/2010 is a Wednesday: due Thursday 01/04.
    assert regles.quinzaine_contenant(date(2010, 3, 20)).date_echeance == date(2010, 4, 1)
    # 30/04/2010 (Friday): Saturday 01/05 is a holiday anyway, Monday 03/05.
    assert regles.quinzaine_contenant(date(2010, 4, 20)).date_echeance == date(2010, 5, 3)
    # 15/07/2010: Thursday; 14/07 is before; due Friday 16/07. 15/08/2010 is a Sunday: due Monday 16/08.
    assert regles.quinzaine_contenant(date(2010, 7, 2)).date_echeance == date(2010, 7, 16)
    assert regles.quinzaine_contenant(date(2010, 8, 2)).date_echeance == date(2010, 8, 16)
    # 31/10/2010 is a Sunday, 01/11 a holiday: due Tuesday 02/11.
    assert regles.quinzaine_contenant(date(2010, 10, 20)).date_echeance == date(2010, 11, 2)


@given(st.dates(min_value=date(2009, 1, 1), max_value=date(2030, 12, 31)))
def test_chaque_jour_est_dans_sa_quinzaine(jour):
    q = regles.quinzaine_contenant(jour)
    assert q.date_debut <= jour <= q.date_fin
    assert q.date_fin < q.date_echeance <= q.date_fin + timedelta(days=5)
    assert regles.est_jour_ouvre(q.date_echeance)
    echue = regles.quinzaine_echue(jour)
    assert echue.date_echeance < jour


def test_statut_transmission():
    echeance = date(2010, 3, 16)
    assert regles.statut_transmission(date(2010, 3, 15), echeance, date(2010, 3, 20)) == regles.A_L_HEURE
    assert regles.statut_transmission(date(2010, 3, 16), echeance, date(2010, 3, 20)) == regles.A_L_HEURE
    assert regles.statut_transmission(datetime(2010, 3, 16, 23, 59), echeance, date(2010, 3, 20)) == regles.A_L_HEURE
    assert regles.statut_transmission(date(2010, 3, 17), echeance, date(2010, 3, 20)) == regles.EN_RETARD
    assert regles.statut_transmission(None, echeance, date(2010, 3, 16)) == regles.A_VENIR
    assert regles.statut_transmission(None, echeance, date(2010, 3, 17)) == regles.NON_TRANSMIS


def test_echeance_de_paiement_vingt_cinq_jours():
    assert regles.echeance_paiement(date(2010, 3, 1)) == date(2010, 3, 26)
    assert regles.date_dossier_complet(date(2010, 3, 1), None) is None
    assert regles.date_dossier_complet(date(2010, 3, 1), date(2010, 3, 4)) == date(2010, 3, 4)
    assert regles.date_dossier_complet(date(2010, 3, 9), date(2010, 3, 4)) == date(2010, 3, 9)
    complet = date(2010, 3, 1)
    assert not regles.paiement_en_retard(complet, None, date(2010, 3, 26))
    assert regles.paiement_en_retard(complet, None, date(2010, 3, 27))
    assert not regles.paiement_en_retard(complet, date(2010, 3, 20), date(2010, 4, 27))
    assert not regles.paiement_en_retard(None, None, date(2011, 1, 1))


@pytest.mark.parametrize(
    ("naissance", "duree", "statut", "type_", "attendu"),
    [
        (date(1984, 3, 2), 12, "association", "CAE", True),  # 25 the day before his 26th birthday
        (date(1984, 3, 1), 12, "association", "CAE", False),  # 26 on the day of hiring
        (date(1990, 1, 1), 12, "collectivite_territoriale", "CAE", True),
        (date(1990, 1, 1), Decimal("11.99"), "association", "CAE", False),  # under 12 months
        (date(1990, 1, 1), 11, "collectivite_territoriale", "CAE", False),
        (date(1990, 1, 1), 24, "aci", "CAE", False),  # ACI excluded
        (date(1990, 1, 1), 24, "etablissement_public", "CAE", False),
        (date(1990, 1, 1), 24, "association", "CIE", False),
    ],
)
def test_criteres_cae_jeune(naissance, duree, statut, type_, attendu):
    assert est_cae_jeune(type_, naissance, date(2010, 3, 1), duree, statut) is attendu


@pytest.mark.parametrize(
    ("jour", "transmise", "debut_attendu"),
    [
        (date(2026, 12, 1), False, date(2026, 11, 16)),  # due today (first working day after 30/11): this one
        (date(2026, 12, 1), True, date(2026, 12, 1)),  # transmitted: the current fortnight
        (date(2010, 3, 10), False, date(2010, 2, 16)),  # late, not transmitted: still the one to fill
        (date(2010, 11, 30), True, date(2010, 11, 16)),  # the demonstration's day: today's fortnight
    ],
)
def test_la_quinzaine_a_remplir(jour, transmise, debut_attendu):
    assert regles.quinzaine_a_remplir(jour, transmise).date_debut == debut_attendu
