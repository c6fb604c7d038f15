"""The pure rules: ceilings at their edges, hours, the date logic of the look-up (hypothesis), the deadline."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arretes.regles import (
    ArreteDate,
    EtatPublication,
    arrete_applicable,
    erreurs_publication,
    erreurs_taux,
    etat_publication,
    lire_decimal,
)


@pytest.mark.parametrize(
    ("contrat", "public", "taux", "ok"),
    [
        ("CAE", "autres-publics", "95", True),
        ("CAE", "autres-publics", "95.01", False),
        ("CAE", "salaries-aci", "105", True),
        ("CAE", "salaries-aci", "105.01", False),
        ("CIE", "salaries-aci", "47", True),
        ("CIE", "beneficiaires-rsa", "47", True),
        ("CIE", "beneficiaires-rsa", "47.01", False),
        ("CAE", "autres-publics", "0", False),
        ("CAE", "autres-publics", "0.01", True),
    ],
)
def test_plafonds_aux_bornes(contrat, public, taux, ok):
    erreurs = erreurs_taux(contrat, public, Decimal(taux), 26)
    assert (erreurs == {}) is ok
    if not ok:
        assert set(erreurs) == {"taux"}


def test_message_du_plafond_dit_la_limite_et_la_source():
    message = erreurs_taux("CIE", "autres-publics", Decimal("48"), 35)["taux"]
    assert "47 %" in message and "L. 5134-72" in message


@pytest.mark.parametrize(("heures", "ok"), [(19, False), (20, True), (35, True), (36, False)])
def test_heures_aux_bornes(heures, ok):
    erreurs = erreurs_taux("CAE", "autres-publics", Decimal(90), heures)
    assert ("heures_max" not in erreurs) is ok
    if not ok:
        assert "entre 20 et 35 heures" in erreurs["heures_max"]


def test_cie_refuse_dans_un_arrete_cae_seul():
    assert "contrat" in erreurs_taux("CIE", "autres-publics", Decimal(30), 35, avec_cie=False)
    assert erreurs_taux("CAV", "autres-publics", Decimal(30), 35)["contrat"].startswith("Contrat « CAV » inconnu")


@pytest.mark.parametrize(("texte", "valeur"), [("90", 90), ("90,5", "90.5"), (" 90.25 % ", "90.25"), (95.0, 95)])
def test_lire_decimal(texte, valeur):
    assert lire_decimal(texte) == Decimal(str(valeur))


@pytest.mark.parametrize("texte", ["", "abc", "9O", "1e999999999", "nan"])
def test_lire_decimal_refuse(texte):
    with pytest.raises(ValueError):
        lire_decimal(texte)


dates = st.dates(min_value=date(2009, 1, 1), max_value=date(2014, 12, 31))


@given(publication=dates, conclusion=dates, debut=dates)
def test_un_arrete_s_applique_des_sa_publication_pour_son_annee(publication, conclusion, debut):
    arrete = ArreteDate(1, debut.year, publication)
    attendu = arrete if publication <= conclusion else None
    assert arrete_applicable([arrete], conclusion, debut) == attendu
    # Never for another year of contract start.
    autre = ArreteDate(2, debut.year + 1, publication)
    assert arrete_applicable([autre], conclusion, debut) is None


@given(p1=dates, delai=st.integers(min_value=0, max_value=400), conclusion=dates)
def test_remplacement_la_convention_garde_son_taux(p1, delai, conclusion):
    p2 = p1 + timedelta(days=delai)
    ancien = ArreteDate(1, 2010, p1, date_abrogation=p2)
    nouveau = ArreteDate(2, 2010, p2)
    choisi = arrete_applicable([nouveau, ancien], conclusion, date(2010, 6, 1))
    if conclusion < p1:
        assert choisi is None
    elif conclusion < p2:
        assert choisi == ancien
    else:
        assert choisi == nouveau


@given(conclusion=dates, debut=dates, arretes=st.lists(st.tuples(st.integers(2009, 2015), dates), max_size=6))
def test_au_plus_un_arrete_et_jamais_publie_apres_la_conclusion(conclusion, debut, arretes):
    liste = [ArreteDate(i, annee, publication) for i, (annee, publication) in enumerate(arretes)]
    choisi = arrete_applicable(liste, conclusion, debut)
    if choisi is not None:
        assert choisi.annee <= debut.year and choisi.date_publication <= conclusion
        # The latest in force: no arrêté of a later year (up to the hire's) published by the conclusion.
        assert not any(choisi.annee < a.annee <= debut.year and a.date_publication <= conclusion for a in liste)


def test_prescription_anticipee_en_decembre_pour_janvier():
    arrete = ArreteDate(1, 2010, date(2009, 11, 27))
    assert arrete_applicable([arrete], date(2009, 12, 15), date(2010, 1, 4)) == arrete
    assert arrete_applicable([arrete], date(2009, 11, 26), date(2010, 1, 4)) is None


@pytest.mark.parametrize(
    ("aujourd_hui", "publie", "brouillon", "etat"),
    [
        (date(2009, 11, 30), True, False, EtatPublication.PUBLIE),
        (date(2009, 12, 15), True, True, EtatPublication.PUBLIE),
        (date(2009, 11, 30), False, True, EtatPublication.BROUILLON),
        (date(2009, 11, 30), False, False, EtatPublication.A_VENIR),
        (date(2009, 12, 1), False, True, EtatPublication.EN_RETARD),
        (date(2009, 12, 1), False, False, EtatPublication.EN_RETARD),
    ],
)
def test_etat_de_publication_pour_2010(aujourd_hui, publie, brouillon, etat):
    assert etat_publication(2010, aujourd_hui, publie, brouillon) == etat


def test_publication_exige_numero_dates_et_tous_les_publics():
    publics = [("rsa", "Bénéficiaires du RSA"), ("autres", "Autres publics")]
    erreurs = erreurs_publication(
        numero="",
        date_signature=None,
        date_publication=None,
        avec_cie=True,
        taux=[("CAE", "rsa")],
        publics=publics,
    )
    texte = " ".join(erreurs)
    assert "numéro" in texte and "signature" in texte and "publication" in texte
    assert "Il manque le taux CAE pour : Autres publics." in erreurs
    assert "Il manque le taux CIE pour : Bénéficiaires du RSA, Autres publics." in erreurs
    complet = [(c, p) for c in ("CAE", "CIE") for p, _ in publics]
    assert not erreurs_publication(
        numero="1",
        date_signature=date(2009, 11, 20),
        date_publication=date(2009, 11, 27),
        avec_cie=True,
        taux=complet,
        publics=publics,
    )
    assert erreurs_publication(
        numero="1",
        date_signature=date(2009, 11, 20),
        date_publication=date(2009, 11, 19),
        avec_cie=False,
        taux=complet,
        publics=publics,
    ) == [
        "La date de publication (19/11/2009) ne peut pas précéder la date de signature (20/11/2009).",
        "Un arrêté limité aux CAE (annexe 3-bis) ne peut pas fixer de taux CIE.",
    ]
