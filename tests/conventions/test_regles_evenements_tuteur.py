"""The rules of issue 16, items 7 and 3, at their boundaries with the law's own numbers: the motive of a rupture
against the work contract (L. 1243-1, L. 1243-2, L. 5134-28, L. 5134-70), the trial period of L. 1242-10, the
suspension that is no immersion, a second convention at the same time, the tutor (R. 5134-38, R. 5134-61)."""

from datetime import date

import pytest

from conventions.regles import evenements as ev
from conventions.regles.convention import (
    CONCLUSION,
    EVENEMENT,
    Contexte,
    DonneesConvention,
    verifier_convention,
)
from conventions.regles.historique import Anterieure, Chevauchement, chevauchement, verifier_chevauchement
from conventions.regles.tuteur import Tuteur, nom_du_tuteur, suivis_simultanes, verifier_tuteur
from droit.nombres import TUTEUR_EXPERIENCE_MIN_ANS, TUTEUR_SALARIES_MAX

EMBAUCHE = date(2010, 1, 4)


def rupture(motif, date_rupture, type_contrat="CAE", contrat="CDD", fin=date(2010, 7, 3)):
    return ev.verifier_motif_rupture(
        motif,
        type_contrat=type_contrat,
        type_contrat_travail=contrat,
        date_embauche=EMBAUCHE,
        fin_contrat=fin if contrat == "CDD" else None,
        date_rupture=date_rupture,
    )


# --- the trial period (L. 1242-10) ----------------------------------------------------------------------


def test_essai_d_un_cdd_de_six_mois_deux_semaines_au_plus():
    # 04/01–03/07/2010 lasts six months exactly: one day a week (25 weeks) within two weeks.
    assert ev.fin_periode_essai_maximale("CDD", EMBAUCHE, date(2010, 7, 3)) == date(2010, 1, 17)


def test_essai_d_un_cdd_de_plus_de_six_mois_un_mois():
    assert ev.fin_periode_essai_maximale("CDD", EMBAUCHE, date(2010, 7, 4)) == date(2010, 2, 3)


def test_essai_d_un_cdd_court_un_jour_par_semaine():
    # 3 months (aménagement de peine): 90 days, 12 whole weeks, 12 days.
    assert ev.fin_periode_essai_maximale("CDD", EMBAUCHE, date(2010, 4, 3)) == date(2010, 1, 15)


def test_essai_d_un_cdi_le_plus_long_maximum_de_l_1221_19():
    assert ev.fin_periode_essai_maximale("CDI", EMBAUCHE, None) == date(2010, 5, 3)


def test_rupture_pendant_l_essai_jusqu_a_son_dernier_jour():
    assert rupture(ev.PERIODE_ESSAI, date(2010, 1, 17)) == []
    [v] = rupture(ev.PERIODE_ESSAI, date(2010, 1, 18))
    assert v.champ == "motif"
    assert "17/01/2010" in v.message and "L. 1242-10" in v.message and "2 semaines" in v.message
    assert "lecture du portail" in v.message
    assert rupture(ev.PERIODE_ESSAI, date(2010, 5, 3), contrat="CDI") == []
    [v] = rupture(ev.PERIODE_ESSAI, date(2010, 5, 4), contrat="CDI")
    assert "L. 1221-19" in v.message


# --- the motive against the contract ------------------------------------------------------------------------


@pytest.mark.parametrize("motif", [ev.DEMISSION, ev.LICENCIEMENT])
def test_pas_de_motif_du_cdi_sur_un_cdd(motif):
    [v] = rupture(motif, date(2010, 3, 1))
    assert v.champ == "motif"
    assert "L. 1243-1 et L. 1243-2" in v.message and "L. 5134-28" in v.message
    assert "départ anticipé du salarié" in v.message
    [v] = rupture(motif, date(2010, 3, 1), type_contrat="CIE")
    assert "L. 5134-70" in v.message
    assert rupture(motif, date(2010, 3, 1), contrat="CDI") == []


@pytest.mark.parametrize(
    "motif",
    [ev.EMBAUCHE, ev.FORMATION, ev.ACCORD_COMMUN, ev.FAUTE_GRAVE, ev.FORCE_MAJEURE, ev.DEPART_SALARIE],
)
def test_les_cas_legaux_du_cdd_et_le_depart_du_salarie(motif):
    assert rupture(motif, date(2010, 3, 1)) == []
    assert rupture(ev.HORS_CAS_LEGAUX, date(2010, 3, 1)) == []


def test_le_depart_du_salarie_d_un_cdi_est_une_demission():
    [v] = rupture(ev.DEPART_SALARIE, date(2010, 3, 1), contrat="CDI")
    assert "Démission (CDI)" in v.message


def test_inaptitude_rompt_un_cdd_seulement_depuis_la_loi_du_17_mai_2011():
    fin = date(2011, 12, 31)
    [v] = rupture(ev.INAPTITUDE, date(2011, 5, 18), fin=fin)
    assert "L. 1243-1" in v.message and "2011-525" in v.message
    assert rupture(ev.INAPTITUDE, date(2011, 5, 19), fin=fin) == []
    assert rupture(ev.INAPTITUDE, date(2010, 3, 1), contrat="CDI") == []


def test_une_immersion_n_est_pas_une_suspension():
    [v] = ev.verifier_motif_suspension("immersion")
    assert v.champ == "motif" and "avenant" in v.message
    assert ev.verifier_motif_suspension("maladie") == []


def test_la_verification_unique_lit_le_motif_de_l_evenement():
    d = DonneesConvention(
        type_contrat="CAE",
        statut="en_cours",
        date_embauche=EMBAUCHE,
        date_debut=EMBAUCHE,
        date_fin=date(2010, 7, 3),
        date_fin_contrat_travail=date(2010, 7, 3),
        motif_rupture=ev.DEMISSION,
        date_rupture=date(2010, 3, 1),
    )
    violations = verifier_convention(d, Contexte(ecriture=EVENEMENT, nouveau_statut="rompue"))
    assert [v.champ for v in violations] == ["motif"]
    suspendue = DonneesConvention(type_contrat="CAE", statut="en_cours", motif_suspension="immersion")
    violations = verifier_convention(suspendue, Contexte(ecriture=EVENEMENT, nouveau_statut="suspendue"))
    assert [v.champ for v in violations] == ["motif"]


# --- a second convention at the same time ---------------------------------------------------------------------


def test_chevauchement_jour_pour_jour():
    autre = Anterieure("CAE", date(2010, 1, 4), date(2010, 7, 3), autre_prescripteur=True)
    assert chevauchement([autre], date(2010, 7, 3), date(2011, 1, 2)) == Chevauchement(1, 1)
    assert chevauchement([autre], date(2010, 7, 4), date(2011, 1, 3)) == Chevauchement(0, 0)


def test_seconde_convention_sans_raison_refusee_sans_rien_dire_de_l_autre():
    [v] = verifier_chevauchement(Chevauchement(1, 1), "")
    assert v.champ == "motif_chevauchement"
    assert v.message.startswith("Cette personne a déjà une convention d'un autre prescripteur en cours")
    assert verifier_chevauchement(Chevauchement(1, 1), "Deux temps partiels chez deux employeurs.") == []
    assert verifier_chevauchement(Chevauchement(0, 0), "") == []


# --- the tutor (R. 5134-38, R. 5134-61) ---------------------------------------------------------------------


MINIMUM = TUTEUR_EXPERIENCE_MIN_ANS * 12


def tuteur(**valeurs):
    return Tuteur(**({"nom": "Mme Martin", "volontaire": True, "experience_mois": MINIMUM} | valeurs))


def test_deux_ans_d_experience_au_moins():
    assert verifier_tuteur(tuteur(), "CAE", None, None, complete=True) == []
    [v] = verifier_tuteur(tuteur(experience_mois=MINIMUM - 1), "CAE", None, None, complete=False)
    assert v.champ == "tuteur_experience_mois" and "2 ans, soit 24 mois" in v.message and "R. 5134-38" in v.message
    [v] = verifier_tuteur(tuteur(experience_mois=MINIMUM - 1), "CIE", None, None, complete=False)
    assert "R. 5134-61" in v.message


def test_un_tuteur_nomme_volontaire_a_la_conclusion():
    [v] = verifier_tuteur(Tuteur(), "CAE", None, None, complete=True)
    assert v.champ == "tuteur_nom" and "à titre exceptionnel" in v.message
    assert verifier_tuteur(Tuteur(), "CAE", None, None, complete=False) == []  # a draft may wait
    [v] = verifier_tuteur(tuteur(volontaire=False), "CAE", None, None, complete=True)
    assert v.champ == "tuteur_volontaire"
    [v] = verifier_tuteur(tuteur(experience_mois=None), "CAE", None, None, complete=True)
    assert v.champ == "tuteur_experience_mois"


def test_l_employeur_tuteur_quand_le_formulaire_le_dit():
    assert verifier_tuteur(Tuteur(est_employeur=True), "CAE", None, None, complete=True) == []


def test_trois_salaries_au_plus_a_la_fois():
    debut, fin = date(2010, 1, 4), date(2010, 7, 3)
    deux = ((date(2009, 10, 1), date(2010, 3, 31)), (date(2010, 3, 1), date(2010, 12, 31)))
    assert verifier_tuteur(tuteur(autres_suivis=deux), "CAE", debut, fin, complete=True) == []
    # A third one running on 31/03/2010 with the two others: this convention would be the fourth.
    trois = (*deux, (date(2010, 3, 31), date(2010, 9, 30)))
    [v] = verifier_tuteur(tuteur(autres_suivis=trois), "CAE", debut, fin, complete=True)
    assert v.champ == "tuteur_nom" and f"{TUTEUR_SALARIES_MAX} au plus" in v.message and "R. 5134-38" in v.message
    # Three one after the other never run together.
    a_la_suite = ((date(2010, 1, 4), date(2010, 2, 28)), (date(2010, 3, 1), date(2010, 4, 30)), deux[1])
    assert suivis_simultanes(a_la_suite, debut, fin) == 2


def test_le_meme_tuteur_malgre_la_casse_et_les_espaces():
    assert nom_du_tuteur("  Mme   MARTIN ") == nom_du_tuteur("mme martin")


def test_la_conclusion_verifie_le_tuteur():
    d = DonneesConvention(type_contrat="CAE", tuteur=Tuteur())
    assert "tuteur_nom" in [v.champ for v in verifier_convention(d, Contexte(ecriture=CONCLUSION))]
