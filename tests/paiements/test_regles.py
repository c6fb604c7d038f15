"""The pure rules of the statements and of the reconciliation, with numbers."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from paiements.regles import (
    IMPAYE,
    TROP_PERCU,
    ConventionConnue,
    RegleReleveError,
    dernier_mois_en_retard,
    erreur_convention,
    erreur_mois,
    fin_du_mois,
    lire_mois,
    lire_montant,
    rapprocher,
)

D = Decimal


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("1043,38", D("1043.38")),
        ("1 043,38 €", D("1043.38")),
        ("1\u202f043,38", D("1043.38")),
        ("1.043,38", D("1043.38")),
        ("1043.38", D("1043.38")),
        ("0", D("0.00")),
        (912.6, D("912.60")),
        (0, D("0.00")),
    ],
)
def test_montants_a_la_francaise(valeur, attendu):
    assert lire_montant(valeur) == attendu


@pytest.mark.parametrize(
    ("valeur", "message"),
    [
        ("", "Montant manquant"),
        ("douze", "n'est pas un montant"),
        ("-12,00", "Montant négatif"),
        ("12,345", "au plus deux décimales"),
        ("99999999", "démesuré"),
        ("NaN", "Montant en euros attendu"),
        (True, "Montant en euros attendu"),
    ],
)
def test_montants_refuses(valeur, message):
    with pytest.raises(RegleReleveError, match=message):
        lire_montant(valeur)


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("03/2010", date(2010, 3, 1)),
        ("3/2010", date(2010, 3, 1)),
        ("2010-03", date(2010, 3, 1)),
        ("15/03/2010", date(2010, 3, 1)),
        ("2010-03-15", date(2010, 3, 1)),
        (date(2010, 3, 15), date(2010, 3, 1)),
        (datetime(2010, 3, 15, 0, 0), date(2010, 3, 1)),
    ],
)
def test_mois(valeur, attendu):
    assert lire_mois(valeur) == attendu


@pytest.mark.parametrize("valeur", ["", "13/2010", "mars 2010", "31/02/2010", "00/2010"])
def test_mois_refuses(valeur):
    with pytest.raises(RegleReleveError, match=r"(?i)mois"):
        lire_mois(valeur)


def test_convention_inconnue_ou_d_une_autre_region():
    regions = {1: "Île-de-France", 2: "Nord-Pas-de-Calais"}
    assert "inconnue du portail" in erreur_convention("CAE-075-2010-999999", None, 1, regions)
    autre = ConventionConnue(7, 2, frozenset())
    assert erreur_convention("CAE-059-2010-000001", autre, 1, regions) == (
        "La convention CAE-059-2010-000001 relève de la région Nord-Pas-de-Calais : ce relevé est celui de la "
        "région Île-de-France."
    )
    assert erreur_convention("X", ConventionConnue(7, 1, frozenset()), 1, regions) is None


def test_mois_hors_echeancier():
    connue = ConventionConnue(7, 1, frozenset({date(2010, 1, 1), date(2010, 2, 1), date(2010, 3, 1)}))
    assert erreur_mois("C", date(2010, 2, 1), connue) is None
    assert (
        erreur_mois("C", date(2010, 4, 1), connue)
        == "04/2010 est hors de l'échéancier de la convention C (01/2010 à 03/2010)."
    )


def test_delai_de_45_jours():
    assert fin_du_mois(date(2010, 2, 1)) == date(2010, 2, 28)
    # 30/09/2010 + 45 days = 14/11/2010: late from 15/11; 31/10 + 45 = 15/12.
    assert dernier_mois_en_retard(date(2010, 11, 30)) == date(2010, 9, 1)
    assert dernier_mois_en_retard(date(2010, 11, 14)) == date(2010, 8, 1)
    assert dernier_mois_en_retard(date(2010, 11, 15)) == date(2010, 9, 1)
    assert dernier_mois_en_retard(date(2010, 12, 16)) == date(2010, 10, 1)


def _r(mois=date(2010, 3, 1), etat="912.60", cg="0", indu="0", paye_etat="0", paye_cg="0", jour=date(2010, 11, 30)):
    return rapprocher(
        mois,
        part_etat=D(etat),
        part_conseil_general=D(cg),
        a_rembourser=D(indu),
        paye_etat=D(paye_etat),
        paye_conseil_general=D(paye_cg),
        jour=jour,
    )


def test_paye_exactement():
    r = _r(etat="600.00", cg="312.60", paye_etat="600.00", paye_cg="312.60")
    assert (r.du, r.paye, r.ecart, r.signal) == (D("912.60"), D("912.60"), D("0.00"), "")


def test_trop_percu():
    r = _r(paye_etat="1062.60")
    assert r.trop_percu and not r.impaye and r.ecart == D("150.00") and r.signal == TROP_PERCU


def test_impaye_seulement_45_jours_apres_la_fin_du_mois():
    assert _r(mois=date(2010, 9, 1)).impaye  # 30/09 + 45 = 14/11 < 30/11
    pas_encore = _r(mois=date(2010, 10, 1))  # 31/10 + 45 = 15/12 > 30/11
    assert not pas_encore.impaye and pas_encore.ecart == D("-912.60")
    assert _r(mois=date(2010, 10, 1), jour=date(2010, 12, 16)).signal == IMPAYE


def test_paye_en_partie_n_est_ni_trop_percu_ni_impaye():
    r = _r(paye_etat="900.00")
    assert not r.signale and r.ecart == D("-12.60")


def test_l_indu_n_est_pas_du():
    """After a rupture outside the legal cases, the month's aid is to be repaid: what was paid is an overpayment,
    and nothing is unpaid."""
    r = _r(etat="600.00", cg="312.60", indu="912.60", paye_etat="600.00", paye_cg="312.60")
    assert r.du == 0 and r.trop_percu and r.ecart == D("912.60")
    assert not _r(etat="600.00", cg="312.60", indu="912.60").impaye
    partiel = _r(etat="600.00", cg="312.60", indu="700.00")  # the State's share first, then the CG's
    assert (partiel.du_etat, partiel.du_conseil_general) == (D("0.00"), D("212.60"))


def test_mois_hors_echeancier_paye_est_un_trop_percu():
    r = _r(etat="0", paye_etat="10.00")
    assert r.trop_percu and r.du == 0
