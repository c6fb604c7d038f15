"""Co-financing by the conseil général: only for an RSA beneficiary it funds (L. 5134-19-1), only under the
département's CAOM signed on or before the conclusion (L. 5134-19-4; circular 2009-42, annexe 2), or under the
circular's exceptional mode recorded by the region (a CAOM not formalised before the end of the first quarter,
31/03/2010, under a specific instruction). Boundaries: the day of signature, the day of the decision."""

from datetime import date

import pytest

from caom.regles import EXCEPTIONNEL, SIGNEE, CaomDuCofinancement, erreurs_mode_exceptionnel, regime_au
from conventions.regles.base import Personne
from conventions.regles.cofinancement import verifier_cofinancement
from droit.vocabulaire import Financement

RSA = Personne(date(1970, 5, 1), beneficiaire_rsa=True)
NON_RSA = Personne(date(1970, 5, 1))
SIGNEE_LE_18_12 = CaomDuCofinancement("CAOM 2010 – Seine-Saint-Denis", 93, 2010, date_signature=date(2009, 12, 18))
EXCEPTIONNELLE = CaomDuCofinancement(
    "CAOM 2010 – Nord", 59, 2010, mode_exceptionnel_le=date(2010, 4, 6), instruction="Instruction du 2 avril 2010"
)
NI_L_UN_NI_L_AUTRE = CaomDuCofinancement("CAOM 2010 – Paris", 75, 2010)


@pytest.mark.parametrize(
    ("caom", "conclusion", "regime"),
    [
        (SIGNEE_LE_18_12, date(2009, 12, 17), None),
        (SIGNEE_LE_18_12, date(2009, 12, 18), SIGNEE),  # signed that very day: préalablement, not after
        (EXCEPTIONNELLE, date(2010, 4, 5), None),
        (EXCEPTIONNELLE, date(2010, 4, 6), EXCEPTIONNEL),
        (NI_L_UN_NI_L_AUTRE, date(2010, 11, 30), None),
        (None, date(2010, 1, 4), None),
    ],
)
def test_regime_du_cofinancement_aux_bornes(caom, conclusion, regime):
    assert regime_au(caom, conclusion) == regime


def test_seul_un_beneficiaire_du_rsa():
    violations = verifier_cofinancement(Financement.ETAT_CG, NON_RSA, 93, 2010, SIGNEE_LE_18_12, date(2010, 1, 4))
    assert [v.champ for v in violations] == ["financement"]
    assert "L. 5134-19-1" in violations[0].message and "bénéficiaire du RSA" in violations[0].message
    assert verifier_cofinancement(Financement.CG, NON_RSA, 93, 2010, SIGNEE_LE_18_12, date(2010, 1, 4))
    # The State alone funds anyone.
    assert verifier_cofinancement(Financement.ETAT, NON_RSA, 93, 2010, None, date(2010, 1, 4)) == []


def test_caom_signee_prealablement():
    veille = verifier_cofinancement(Financement.ETAT_CG, RSA, 93, 2010, SIGNEE_LE_18_12, date(2009, 12, 17))
    assert [v.champ for v in veille] == ["financement"]
    message = veille[0].message
    assert "n'est pas signée au 17/12/2009" in message and "signée le 18/12/2009" in message
    assert "L. 5134-19-4" in message and "État seul" in message
    assert verifier_cofinancement(Financement.ETAT_CG, RSA, 93, 2010, SIGNEE_LE_18_12, date(2009, 12, 18)) == []
    # The State alone may fund the RSA beneficiary without a signed CAOM (annexe 2).
    assert verifier_cofinancement(Financement.ETAT, RSA, 75, 2010, NI_L_UN_NI_L_AUTRE, date(2010, 1, 4)) == []


def test_sans_caom_ou_caom_d_un_autre_departement_ou_annee():
    sans = verifier_cofinancement(Financement.ETAT_CG, RSA, 75, 2010, None, date(2010, 1, 4))
    assert "pas de CAOM pour 2010" in sans[0].message
    autre = verifier_cofinancement(Financement.ETAT_CG, RSA, 75, 2010, SIGNEE_LE_18_12, date(2010, 1, 4))
    assert autre[0].champ == "caom" and "autre département" in autre[0].message
    annee = verifier_cofinancement(Financement.ETAT_CG, RSA, 93, 2011, SIGNEE_LE_18_12, date(2010, 12, 20))
    assert annee[0].champ == "caom" and "2011" in annee[0].message


def test_mode_exceptionnel_a_compter_de_la_decision():
    assert verifier_cofinancement(Financement.ETAT_CG, RSA, 59, 2010, EXCEPTIONNELLE, date(2010, 4, 5))
    assert verifier_cofinancement(Financement.ETAT_CG, RSA, 59, 2010, EXCEPTIONNELLE, date(2010, 4, 6)) == []


@pytest.mark.parametrize(
    ("decision", "champ_en_erreur"),
    [(date(2010, 3, 31), "date_decision"), (date(2010, 4, 1), None), (date(2010, 12, 1), "date_decision")],
)
def test_mode_exceptionnel_apres_la_fin_du_premier_trimestre(decision, champ_en_erreur):
    erreurs = erreurs_mode_exceptionnel(
        annee=2010,
        statut="accord_de_principe",
        date_signature=None,
        date_decision=decision,
        instruction="Instruction du 2 avril 2010",
        aujourd_hui=date(2010, 11, 30),
    )
    assert list(erreurs) == ([champ_en_erreur] if champ_en_erreur else [])
    if decision == date(2010, 3, 31):
        assert "31/03/2010" in erreurs["date_decision"] and "01/04/2010" in erreurs["date_decision"]


def test_mode_exceptionnel_ni_sur_une_caom_signee_ni_sans_instruction():
    commun = {"annee": 2010, "date_decision": date(2010, 4, 6), "aujourd_hui": date(2010, 11, 30)}
    signee = erreurs_mode_exceptionnel(statut="signee", date_signature=date(2009, 12, 18), instruction="x", **commun)
    assert "signée" in signee["date_decision"]
    echec = erreurs_mode_exceptionnel(statut="echec", date_signature=None, instruction="x", **commun)
    assert "échoué" in echec["date_decision"]
    sans = erreurs_mode_exceptionnel(statut="en_negociation", date_signature=None, instruction=" ", **commun)
    assert "instruction spécifique" in sans["instruction"]
