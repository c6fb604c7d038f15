"""The envelope and the negotiation steps, in pure functions, against the figures of circular 2009-42."""

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caom.regles import (
    ParametresCaom,
    RegleCaomError,
    enveloppe,
    relance_de_decembre,
    verifier_transition,
)
from droit.nombres import annee_de_campagne
from referentiels.aide import contribution_cg_maximale

SMIC_2009 = D("8.82")
CG_2009 = contribution_cg_maximale(D("454.63"))
TOLERANCE = D("0.10")


def proche(a, b):
    return abs(D(a) - D(b)) <= TOLERANCE


def test_contribution_2009():
    assert CG_2009 == D("400.07")


def test_cae_90_pour_cent_26_heures():
    ligne = enveloppe(ParametresCaom(nb_cae_cofinances=1), SMIC_2009, CG_2009).ligne("cae_cofinances")
    assert proche(ligne.aide_mensuelle, "894.30")
    assert ligne.part_cg_mensuelle == D("400.07")
    assert proche(ligne.part_etat_mensuelle, "494.23")


def test_cae_en_aci_105_pour_cent():
    env = enveloppe(ParametresCaom(nb_cae_cofinances=10, part_aci=D(100)), SMIC_2009, CG_2009)
    ligne = env.ligne("cae_aci")
    assert ligne.nombre == 10 and env.ligne("cae_cofinances").nombre == 0
    assert proche(ligne.aide_mensuelle, "1043.38")
    assert ligne.part_cg_mensuelle == D("400.07")
    assert proche(ligne.part_etat_mensuelle, "643.31")


@pytest.mark.parametrize(
    ("taux", "heures", "aide", "cg", "etat"),
    [(D(30), D(20), "229.30", "229.30", "0"), (D(47), D(35), "628.70", "400.07", "228.63")],
)
def test_cout_d_un_cie_pour_le_departement(taux, heures, aide, cg, etat):
    p = ParametresCaom(nb_cie_cofinances=1, taux_cie=taux, duree_hebdo_cie=heures)
    ligne = enveloppe(p, SMIC_2009, CG_2009).ligne("cie_cofinances")
    assert proche(ligne.aide_mensuelle, aide) and proche(ligne.part_cg_mensuelle, cg)
    assert proche(ligne.part_etat_mensuelle, etat)
    assert D("229.20") <= ligne.part_cg_mensuelle <= D("400.07")


def test_enveloppe_ligne_par_ligne():
    p = ParametresCaom(
        nb_cae_cofinances=600, nb_cae_majores=50, taux_majore=D(95), nb_cae_cg_seul=20, nb_cie_cofinances=80
    )
    env = enveloppe(p, SMIC_2009, CG_2009)
    base = env.ligne("cae_cofinances")
    assert base.nombre == 550
    assert base.total_cg == (D("550") * D("8.25") * base.part_cg_mensuelle).quantize(D("0.01"), "ROUND_HALF_UP")
    assert "550 × 8,25 mois" in base.explication
    majores = env.ligne("cae_majores")
    # The raise is the conseil général's: the State pays what it pays at the arrêté's rate.
    assert majores.part_etat_mensuelle == base.part_etat_mensuelle
    assert majores.part_cg_mensuelle == D("400.07") + (majores.aide_mensuelle - base.aide_mensuelle)
    cg_seul = env.ligne("cae_cg_seul")
    assert cg_seul.part_etat_mensuelle == 0 and cg_seul.total_cg == cg_seul.total
    assert env.total == env.total_cg + env.total_etat == sum(ligne.total for ligne in env.lignes)


@given(
    st.integers(0, 2000),
    st.integers(0, 2000),
    st.integers(20, 35),
    st.decimals(D(0), D(100), places=0),
)
def test_enveloppe_coherente(cofinances, cie, heures, part_aci):
    p = ParametresCaom(
        nb_cae_cofinances=cofinances, nb_cie_cofinances=cie, duree_hebdo_cae=D(heures), part_aci=part_aci
    )
    env = enveloppe(p, SMIC_2009, CG_2009)
    assert sum(ligne.nombre for ligne in env.lignes if ligne.code.startswith("cae")) == cofinances
    for ligne in env.lignes:
        assert ligne.part_cg_mensuelle <= D("400.07")
        assert ligne.part_cg_mensuelle + ligne.part_etat_mensuelle == ligne.aide_mensuelle


@pytest.mark.parametrize(
    ("p", "message"),
    [
        (ParametresCaom(duree_hebdo_cae=D(19)), "20 à 35 heures"),
        (ParametresCaom(duree_hebdo_cie=D(36)), "20 à 35 heures"),
        (ParametresCaom(nb_cae_cofinances=10, nb_cae_majores=11, taux_majore=D(95)), "ne peuvent pas être plus"),
        (ParametresCaom(nb_cae_cofinances=10, nb_cae_majores=5), "taux majoré"),
        (ParametresCaom(nb_cae_cofinances=10, nb_cae_majores=5, taux_majore=D(90)), "doit dépasser"),
        (ParametresCaom(nb_cae_cofinances=10, nb_cae_majores=5, taux_majore=D(106)), "105 %"),
        (ParametresCaom(taux_cie=D(48)), "47 %"),
    ],
)
def test_parametres_refuses(p, message):
    with pytest.raises(RegleCaomError, match=message):
        enveloppe(p, SMIC_2009, CG_2009)


AUJOURD_HUI = date(2009, 12, 20)


def transition(actuel, cible, **kw):
    kw.setdefault("date_etape", date(2009, 12, 18))
    return verifier_transition(actuel, cible, aujourd_hui=AUJOURD_HUI, **kw)


def test_pas_de_signature_sans_deliberation():
    with pytest.raises(RegleCaomError, match="délibération du conseil général"):
        transition("accord_de_principe", "signee")
    with pytest.raises(RegleCaomError, match="délibération"):
        transition("en_negociation", "signee", date_deliberation=date(2009, 12, 14))  # instance missing
    transition("accord_de_principe", "signee", date_deliberation=date(2009, 12, 14), instance_deliberation="assemblee")


def test_signature_apres_la_deliberation():
    with pytest.raises(RegleCaomError, match="ne peut pas précéder la délibération"):
        transition("deliberation", "signee", date_deliberation=date(2009, 12, 19), instance_deliberation="assemblee")


@pytest.mark.parametrize("actuel", ["non_engagee", "en_negociation", "accord_de_principe", "deliberation"])
def test_echec_depuis_tout_etat_non_final(actuel):
    transition(actuel, "echec")


@pytest.mark.parametrize(("actuel", "message"), [("signee", "avenant"), ("echec", "a échoué")])
def test_etats_finaux(actuel, message):
    with pytest.raises(RegleCaomError, match=message):
        transition(actuel, "echec")


def test_pas_de_retour_en_arriere_ni_de_date_future_ni_anterieure():
    with pytest.raises(RegleCaomError, match="en arrière"):
        transition("accord_de_principe", "en_negociation")
    with pytest.raises(RegleCaomError, match="futur"):
        transition("non_engagee", "en_negociation", date_etape=date(2009, 12, 21))
    with pytest.raises(RegleCaomError, match="précède"):
        transition("en_negociation", "accord_de_principe", date_derniere_etape=date(2009, 12, 19))
    with pytest.raises(RegleCaomError, match="déjà"):
        transition("en_negociation", "en_negociation")


def test_calendrier():
    assert annee_de_campagne(date(2009, 11, 5)) == 2010
    assert annee_de_campagne(date(2010, 3, 1)) == 2010
    assert not relance_de_decembre(date(2009, 11, 30), 2010)
    assert relance_de_decembre(date(2009, 12, 1), 2010)
