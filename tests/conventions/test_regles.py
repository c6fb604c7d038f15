"""The law of the convention, at every edge, with the law's numbers."""

from datetime import date
from decimal import Decimal as D

import pytest

from conventions.regles.aide import verifier_taux_convention
from conventions.regles.base import Personne
from conventions.regles.contrat import verifier_contrat_travail, verifier_type_et_dates
from conventions.regles.convention import DonneesConvention, est_cae_jeune, verifier_bilan, verifier_convention
from conventions.regles.duree import (
    Renouvellement,
    ajouter_mois,
    atteint_50_ans_pendant_deux_ans,
    date_fin_pour,
    duree_en_mois,
    plafond_pcs,
    transition_pcs,
    verifier_duree_initiale,
    verifier_renouvellement,
)
from conventions.regles.immersion import Periode, verifier_periodes_immersion
from conventions.regles.statuts import declaration_tardive, statut_a_la_date, transition_permise, verifier_transition
from referentiels.regles_heures import verifier_heures

DEBUT = date(2010, 1, 4)


def champs(violations):
    return [v.champ for v in violations]


# --- hours ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contrat", "heures", "difficultes", "ok"),
    [
        ("CAE", 19, False, False),
        ("CAE", 20, False, True),
        ("CAE", 35, False, True),
        ("CAE", 36, False, False),
        ("CAE", 19, True, True),
        ("CAE", 36, True, False),
        ("CIE", 19, False, False),
        ("CIE", 19, True, False),
        ("CIE", 20, False, True),
        ("CIE", 35, False, True),
        ("CIE", 36, False, False),
    ],
)
def test_heures_de_travail(contrat, heures, difficultes, ok):
    violations = verifier_heures(contrat, D(heures), None, difficultes)
    assert (violations == []) is ok
    if not ok:
        assert "heures" in violations[0].message
        assert any(s in violations[0].message for s in ("L. 5134-26", "2009-42"))


def test_heures_prises_en_charge():
    assert verifier_heures("CAE", D(35), D(35)) == []
    assert champs(verifier_heures("CAE", D(26), D(27))) == ["duree_hebdo_prise_en_charge"]
    assert "35 heures" in verifier_heures("CAE", None, D(36))[0].message
    assert champs(verifier_heures("CAE", D(26), D(0))) == ["duree_hebdo_prise_en_charge"]
    # the arrêté's ceiling for the public
    assert verifier_heures("CAE", D(26), D(26), heures_max_arrete=26) == []
    assert "26 heures" in verifier_heures("CAE", D(30), D(27), heures_max_arrete=26)[0].message


# --- durations -----------------------------------------------------------------------------------


def test_arithmetique_des_mois():
    assert ajouter_mois(date(2010, 1, 31), 1) == date(2010, 2, 28)
    assert date_fin_pour(DEBUT, 6) == date(2010, 7, 3)
    assert duree_en_mois(DEBUT, date(2010, 7, 3)) == 6
    assert duree_en_mois(DEBUT, date(2010, 7, 2)) == 5
    assert duree_en_mois(date(2010, 1, 1), date(2011, 12, 31)) == 24


@pytest.mark.parametrize(("mois", "ok"), [(5, False), (6, True), (24, True), (25, False)])
def test_duree_initiale_6_a_24_mois(mois, ok):
    violations = verifier_duree_initiale(DEBUT, date_fin_pour(DEBUT, mois))
    assert (violations == []) is ok
    if not ok:
        assert ("6 mois" if mois < 6 else "24 mois") in violations[0].message


def test_duree_un_jour_de_moins_que_6_mois_refusee():
    assert verifier_duree_initiale(DEBUT, date_fin_pour(DEBUT, 6) - (date(2010, 1, 2) - date(2010, 1, 1)))


@pytest.mark.parametrize(("mois", "ok"), [(2, False), (3, True), (5, True)])
def test_amenagement_de_peine_3_mois(mois, ok):
    violations = verifier_duree_initiale(DEBUT, date_fin_pour(DEBUT, mois), amenagement_de_peine=True)
    assert (violations == []) is ok
    if not ok:
        assert "3 mois" in violations[0].message and "aménagement de peine" in violations[0].message


def test_convention_de_30_mois_refusee_a_30_ans_sans_rqth():
    personne = Personne(date(1980, 1, 1))
    d = DonneesConvention(
        "CAE",
        date_conclusion=date(2009, 12, 15),
        date_embauche=DEBUT,
        date_debut=DEBUT,
        date_fin=date_fin_pour(DEBUT, 30),
        type_contrat_travail="CDI",
        duree_hebdo_travail=D(26),
        duree_hebdo_prise_en_charge=D(26),
        personne=personne,
    )
    violations = verifier_convention(d)
    assert champs(violations) == ["date_fin"]
    assert "24 mois" in violations[0].message and "L. 5134-23-1" in violations[0].message


# --- renewals ------------------------------------------------------------------------------------


def renouveler(personne, mois_avant, mois_apres, aci=False, contrat="CAE", **kw):
    return verifier_renouvellement(
        Renouvellement(
            contrat,
            aci,
            personne,
            DEBUT,
            date_fin_pour(DEBUT, mois_avant),
            date_fin_pour(DEBUT, mois_apres),
            **kw,
        )
    )


TRENTENAIRE = Personne(date(1980, 1, 1))
SENIOR_RSA = Personne(date(1955, 3, 1), beneficiaire_rsa=True)
RQTH = Personne(date(1980, 1, 1), rqth=True)


def test_renouvellement_dans_les_24_mois():
    assert renouveler(TRENTENAIRE, 6, 24) == []
    violations = renouveler(TRENTENAIRE, 24, 30)
    assert violations and "24 mois" in violations[0].message


def test_renouvellement_jusqu_a_48_mois_accepte_pour_un_beneficiaire_du_rsa_de_55_ans():
    assert renouveler(SENIOR_RSA, 12, 24) == []
    assert renouveler(SENIOR_RSA, 24, 36) == []
    assert renouveler(SENIOR_RSA, 36, 48) == []


def test_chaque_renouvellement_au_dela_de_24_mois_dure_un_an_au_plus():
    violations = renouveler(SENIOR_RSA, 24, 37)
    assert violations and "un an au plus" in violations[0].message


@pytest.mark.parametrize(("mois", "ok"), [(60, True), (61, False)])
def test_plafond_de_60_mois(mois, ok):
    assert (renouveler(RQTH, 48, mois) == []) is ok
    assert (renouveler(Personne(date(1980, 1, 1), beneficiaire_aah=True), 48, mois) == []) is ok


def test_senior_sans_minima_sociaux_pas_de_derogation_hors_aci():
    assert renouveler(Personne(date(1955, 3, 1)), 24, 36)


def test_avoir_50_ans_pendant_les_deux_annees_de_la_convention():
    # 50 on the last day of the two years: yes; the day after: no.
    dernier_jour = date_fin_pour(DEBUT, 24)  # 3 January 2012
    assert atteint_50_ans_pendant_deux_ans(date(1962, 1, 3), DEBUT)
    assert not atteint_50_ans_pendant_deux_ans(date(1962, 1, 4), DEBUT)
    assert dernier_jour == date(2012, 1, 3)
    assert renouveler(Personne(date(1962, 1, 3), beneficiaire_ass=True), 24, 36) == []
    assert renouveler(Personne(date(1962, 1, 4), beneficiaire_ass=True), 24, 36)


def test_aci_sans_limite_pour_rqth_ou_plus_de_50_ans():
    assert renouveler(Personne(date(1955, 1, 1)), 72, 84, aci=True) == []
    assert renouveler(RQTH, 96, 108, aci=True) == []
    assert renouveler(RQTH, 96, 109, aci=True)  # still one year at most each time
    assert renouveler(TRENTENAIRE, 24, 36, aci=True)  # neither RQTH nor 50+: 24 months
    assert renouveler(Personne(date(1955, 1, 1)), 72, 84, aci=True, contrat="CIE")


def test_renouvellement_pour_achever_une_formation():
    fin_formation = date_fin_pour(DEBUT, 27)
    assert renouveler(TRENTENAIRE, 24, 27, fin_formation=fin_formation) == []
    assert renouveler(TRENTENAIRE, 24, 28, fin_formation=fin_formation)


def test_renouvellement_doit_reporter_la_fin():
    assert renouveler(TRENTENAIRE, 12, 12)


# --- contracts and dates of 2010 ------------------------------------------------------------------


def test_cav_refuse_pour_une_embauche_en_2010():
    violations = verifier_type_et_dates("CAV", date(2009, 12, 1), date(2010, 1, 4))
    assert champs(violations) == ["type_contrat"] and "CAE" in violations[0].message
    assert verifier_type_et_dates("CI_RMA", date(2009, 12, 1), date(2010, 1, 4))[0].message.endswith("question 3).")
    assert verifier_type_et_dates("CAV", date(2009, 10, 1), date(2009, 11, 2)) == []
    assert verifier_type_et_dates("CAE_PCS", date(2010, 1, 2), date(2010, 1, 4))


def test_cui_avant_2010_refuse():
    assert champs(verifier_type_et_dates("CAE", date(2009, 12, 1), date(2009, 12, 31))) == ["date_embauche"]


def test_prescription_anticipee_refusee_sans_arrete_publie():
    violations = verifier_type_et_dates("CAE", date(2009, 12, 1), date(2010, 1, 4), arrete_publie=False)
    assert champs(violations) == ["date_conclusion"] and "arrêté" in violations[0].message
    assert verifier_type_et_dates("CAE", date(2009, 12, 1), date(2010, 1, 4), arrete_publie=True) == []
    # concluded in 2010: not an anticipated prescription
    assert verifier_type_et_dates("CAE", date(2010, 1, 2), date(2010, 1, 4), arrete_publie=False) == []


def test_convention_signee_avant_l_embauche_et_secteur():
    assert champs(verifier_type_et_dates("CAE", date(2010, 1, 5), date(2010, 1, 4))) == ["date_conclusion"]
    assert champs(verifier_type_et_dates("CIE", date(2010, 1, 2), date(2010, 1, 4), secteur="non_marchand")) == [
        "type_contrat"
    ]
    assert champs(verifier_type_et_dates("CIE", date(2010, 1, 2), date(2010, 1, 4), aci=True)) == ["aci"]


def test_contrat_de_travail():
    assert champs(verifier_contrat_travail("CDD", DEBUT, None, DEBUT, date(2010, 7, 3))) == ["date_fin_contrat_travail"]
    assert champs(verifier_contrat_travail("CDD", DEBUT, date(2010, 6, 30), DEBUT, date(2010, 7, 3))) == ["date_fin"]
    assert verifier_contrat_travail("CDI", DEBUT, None, DEBUT, date(2010, 7, 3)) == []
    assert champs(verifier_contrat_travail("CDI", DEBUT, None, date(2010, 1, 3), date(2010, 7, 3))) == ["date_debut"]


# --- transition ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ancien", "personne", "plafond"),
    [
        ("CAE_PCS", TRENTENAIRE, 24),
        ("CAE_PCS", RQTH, 60),
        ("CAE_PCS", SENIOR_RSA, 60),
        ("CIE_PCS", TRENTENAIRE, 24),
        ("CAV", TRENTENAIRE, 36),
        ("CAV", Personne(date(1955, 1, 1)), 60),
        ("CI_RMA", TRENTENAIRE, 18),
        ("CI_RMA", RQTH, 18),
    ],
)
def test_table_des_plafonds_pcs(ancien, personne, plafond):
    assert plafond_pcs(ancien, personne, DEBUT) == plafond


def test_transition_pcs():
    avant = transition_pcs("CAV", date(2009, 12, 31), 20)
    assert not avant.nouvelle_convention_cui and avant.type_contrat == "CAV"
    apres = transition_pcs("CAV", date(2010, 1, 1), 24, TRENTENAIRE, DEBUT)
    assert apres.nouvelle_convention_cui and apres.type_contrat == "CAE" and apres.mois_restants == 12
    assert transition_pcs("CI_RMA", date(2010, 3, 1), 6).type_contrat == "CIE"
    assert transition_pcs("CAE_PCS", date(2010, 3, 1), 6).type_contrat == "CAE"
    assert transition_pcs("CIE_PCS", date(2010, 3, 1), 6).type_contrat == "CIE"
    with pytest.raises(ValueError):
        transition_pcs("CAE", date(2010, 3, 1), 6)


def test_nouvelle_convention_cui_dans_le_plafond_de_l_ancien_contrat():
    assert (
        verifier_duree_initiale(DEBUT, date_fin_pour(DEBUT, 12), plafond_transition_mois=36, mois_deja_effectues=24)
        == []
    )
    violations = verifier_duree_initiale(
        DEBUT, date_fin_pour(DEBUT, 13), plafond_transition_mois=36, mois_deja_effectues=24
    )
    assert violations and "12 mois" in violations[0].message


# --- immersion ----------------------------------------------------------------------------------

FIN_AN = date_fin_pour(DEBUT, 12)


def test_immersion_31_jours_acceptee_5_semaines_refusee():
    assert verifier_periodes_immersion("CAE", DEBUT, FIN_AN, [Periode(date(2010, 3, 1), date(2010, 3, 31))]) == []
    violations = verifier_periodes_immersion("CAE", DEBUT, FIN_AN, [Periode(date(2010, 3, 1), date(2010, 4, 4))])
    assert violations and "un mois au plus" in violations[0].message


def test_immersion_25_pour_cent_du_contrat():
    # 12 months = 365 days → 91 days at most
    periodes = [Periode(date(2010, m, 1), date(2010, m, 28)) for m in (2, 4, 6)]  # 84 days
    assert verifier_periodes_immersion("CAE", DEBUT, FIN_AN, periodes) == []
    trop = [*periodes, Periode(date(2010, 8, 1), date(2010, 8, 8))]  # 92 days
    violations = verifier_periodes_immersion("CAE", DEBUT, FIN_AN, trop)
    assert violations and "25\u00a0%" in violations[0].message and "91 jours" in violations[0].message


def test_immersion_cae_seulement_et_dans_la_convention():
    assert verifier_periodes_immersion("CIE", DEBUT, FIN_AN, [Periode(date(2010, 3, 1), date(2010, 3, 5))])
    assert verifier_periodes_immersion("CAE", DEBUT, FIN_AN, [Periode(date(2010, 1, 1), date(2010, 1, 5))])
    chevauchement = [Periode(date(2010, 3, 1), date(2010, 3, 10)), Periode(date(2010, 3, 10), date(2010, 3, 12))]
    assert verifier_periodes_immersion("CAE", DEBUT, FIN_AN, chevauchement)


# --- CAE-jeunes, bilan, declarations, statuses, rates -------------------------------------------


def test_est_cae_jeune():
    assert est_cae_jeune("CAE", date(1985, 1, 5), date(2010, 1, 4), 12, "association")
    assert est_cae_jeune("CAE", date(1985, 1, 5), date(2010, 1, 4), 12, "collectivite_territoriale")
    assert not est_cae_jeune("CAE", date(1984, 1, 4), date(2010, 1, 4), 12, "association")  # 26 that day
    assert est_cae_jeune("CAE", date(1984, 1, 5), date(2010, 1, 4), 12, "association")  # 25
    assert not est_cae_jeune("CAE", date(1990, 1, 1), date(2010, 1, 4), 11, "association")
    assert not est_cae_jeune("CAE", date(1990, 1, 1), date(2010, 1, 4), 12, "aci")
    assert not est_cae_jeune("CIE", date(1990, 1, 1), date(2010, 1, 4), 12, "association")
    assert not est_cae_jeune("CAE", date(1990, 1, 1), date(2010, 1, 4), 12, "etablissement_public")


def test_bilan_avant_renouvellement_et_avec_un_ancien_employeur_de_contrats_aides():
    assert verifier_bilan(False, False, False) == []
    assert "renouvellement" in verifier_bilan(True, False, False)[0].message
    assert "contrats aidés" in verifier_bilan(False, True, False)[0].message
    assert verifier_bilan(True, True, True) == []


def test_declaration_tardive_apres_7_jours():
    assert not declaration_tardive(date(2010, 3, 1), date(2010, 3, 8))
    assert declaration_tardive(date(2010, 3, 1), date(2010, 3, 9))


def test_transitions_de_statut():
    assert transition_permise("brouillon", "conclue")
    assert not transition_permise("brouillon", "en_cours")
    assert transition_permise("en_cours", "suspendue") and transition_permise("suspendue", "en_cours")
    assert not transition_permise("rompue", "en_cours") and not transition_permise("terminee", "en_cours")
    assert verifier_transition("terminee", "rompue")[0].champ == "statut"
    assert statut_a_la_date("conclue", DEBUT, FIN_AN, date(2010, 1, 3)) == "conclue"
    assert statut_a_la_date("conclue", DEBUT, FIN_AN, DEBUT) == "en_cours"
    assert statut_a_la_date("en_cours", DEBUT, FIN_AN, FIN_AN) == "en_cours"
    assert statut_a_la_date("suspendue", DEBUT, FIN_AN, date(2011, 1, 4)) == "terminee"
    assert statut_a_la_date("rompue", DEBUT, FIN_AN, date(2012, 1, 1)) == "rompue"


def test_plafonds_de_taux_par_referentiels_aide():
    assert verifier_taux_convention("CAE", D(95), None, "etat") == []
    assert "95 %" in verifier_taux_convention("CAE", D(96), None, "etat")[0].message
    assert verifier_taux_convention("CAE", D(105), None, "etat", aci=True) == []
    assert verifier_taux_convention("CAE", D("105.01"), None, "etat", aci=True)
    assert verifier_taux_convention("CIE", D(47), None, "etat") == []
    assert "47 %" in verifier_taux_convention("CIE", D(48), None, "etat")[0].message
    # only a conseil général raises the arrêté's rate
    assert verifier_taux_convention("CAE", D(95), D(90), "etat")
    assert verifier_taux_convention("CAE", D(95), D(90), "etat_cg") == []
    assert verifier_taux_convention("CAE", D(85), D(90), "etat_cg")


@pytest.mark.parametrize(
    ("statut", "jour", "attendu"),
    [
        ("en_cours", date(2010, 12, 2), False),  # the day before the legal deadline
        ("en_cours", date(2010, 12, 3), True),  # one month before the end (03/01/2011)
        ("brouillon", date(2011, 1, 1), False),
        ("rompue", date(2010, 6, 1), True),
        ("terminee", date(2010, 6, 1), True),
    ],
)
def test_attestation_disponible_a_un_mois_de_la_fin(statut, jour, attendu):
    from conventions.regles.statuts import attestation_disponible

    assert attestation_disponible(statut, date(2011, 1, 3), jour) is attendu
