"""The law of the aid (referentiels/aide.py) against the figures printed in circular 2009-42, and properties."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from droit.vocabulaire import Financement
from referentiels.aide import (
    RegleAideError,
    aide_mensuelle,
    contribution_cg_maximale,
    plafond_taux,
    repartir,
    verifier_taux,
)

D = Decimal
SMIC_2009 = D("8.82")
CG_2009 = contribution_cg_maximale(D("454.63"))
TOLERANCE = D("0.10")  # the circular rounds its intermediate figures


def test_contribution_cg_2009():
    assert CG_2009 == D("400.07")


@pytest.mark.parametrize(
    ("taux", "heures", "total", "cg", "etat"),
    [
        ("90", 26, "894.30", "400.07", "494.23"),  # CAE, 90 %, 26 h
        ("105", 26, "1043.38", "400.07", "643.31"),  # CAE in an ACI
        ("30", 20, "229.30", "229.30", "0"),  # CIE, 30 %, 20 h: all of it for the département
        ("47", 35, "628.70", "400.07", "228.63"),  # CIE, 47 %, 35 h
    ],
)
def test_chiffres_de_la_circulaire_2009_42(taux, heures, total, cg, etat):
    aide = aide_mensuelle(D(taux), SMIC_2009, D(heures))
    repartition = repartir(aide, Financement.ETAT_CG, CG_2009)
    assert abs(repartition.aide_mensuelle - D(total)) <= TOLERANCE
    assert abs(repartition.part_conseil_general - D(cg)) <= TOLERANCE
    assert abs(repartition.part_etat - D(etat)) <= TOLERANCE


def test_aide_au_plus_sur_35_heures():
    assert aide_mensuelle(D(90), SMIC_2009, D(39)) == aide_mensuelle(D(90), SMIC_2009, D(35))


@pytest.mark.parametrize(
    ("contrat", "aci", "plafond"), [("CAE", False, 95), ("CAE", True, 105), ("CIE", False, 47), ("CIE", True, 47)]
)
def test_plafonds_aux_bornes(contrat, aci, plafond):
    assert plafond_taux(contrat, aci) == plafond
    verifier_taux(contrat, D(plafond), aci)
    with pytest.raises(RegleAideError, match=f"plafonné à {plafond} %"):
        verifier_taux(contrat, D(plafond) + D("0.01"), aci)


def test_taux_nul_refuse():
    with pytest.raises(RegleAideError, match="strictement positif"):
        verifier_taux("CAE", D(0))


def test_majoration_du_cg_a_sa_charge():
    aide_arrete = aide_mensuelle(D(90), SMIC_2009, D(26))
    aide_majoree = aide_mensuelle(D(95), SMIC_2009, D(26))
    repartition = repartir(aide_majoree, Financement.ETAT_CG, CG_2009, aide_au_taux_de_l_arrete=aide_arrete)
    assert repartition.part_etat == aide_arrete - CG_2009  # the State pays what it would have paid
    assert repartition.part_conseil_general == CG_2009 + (aide_majoree - aide_arrete)


def test_financements_etat_seul_et_cg_seul():
    aide = aide_mensuelle(D(90), SMIC_2009, D(26))
    assert repartir(aide, Financement.ETAT, CG_2009).part_conseil_general == 0
    assert repartir(aide, Financement.CG, CG_2009).part_etat == 0


taux = st.decimals(min_value=D("0.01"), max_value=D(105), places=2)
heures = st.decimals(min_value=D(0), max_value=D(48), places=2)
smic = st.decimals(min_value=D("1.00"), max_value=D("20.00"), places=2)
cg_max = st.decimals(min_value=D(0), max_value=D(600), places=2)
financements = st.sampled_from(list(Financement))


@given(taux, smic, heures, financements, cg_max)
def test_etat_plus_cg_egale_total_et_jamais_negatif(t, s, h, financement, plafond_cg):
    aide = aide_mensuelle(t, s, h)
    r = repartir(aide, financement, plafond_cg)
    assert r.part_etat + r.part_conseil_general == r.aide_mensuelle == aide
    assert aide >= 0 and r.part_etat >= 0 and r.part_conseil_general >= 0
    assert r.part_conseil_general <= aide


@given(taux, taux, smic, heures)
def test_aide_croissante_avec_le_taux(t1, t2, s, h):
    bas, haut = sorted((t1, t2))
    assert aide_mensuelle(bas, s, h) <= aide_mensuelle(haut, s, h)


@given(taux, smic, heures, heures)
def test_aide_croissante_avec_les_heures(t, s, h1, h2):
    bas, haut = sorted((h1, h2))
    assert aide_mensuelle(t, s, bas) <= aide_mensuelle(t, s, haut)
