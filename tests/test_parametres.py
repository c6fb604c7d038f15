"""Numbers in query strings are bounded before they reach the database: no 500 on either database."""

import pytest
from django.urls import reverse

from cui_portal import parametres

ENORME = "9" * 30


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("2010", 2010),
        ("2009", 2009),
        ("2030", 2030),
        ("0", None),
        ("10000", None),
        (ENORME, None),
        ("", None),
        (None, None),
        ("２０１０", None),
        (" 2011 ", 2011),
        ("-1", None),
    ],
)
def test_une_annee_de_requete_est_bornee(texte, attendu):
    assert parametres.annee(texte) == attendu


def test_un_identifiant_tient_sur_64_bits():
    assert parametres.identifiant(str(2**63 - 1)) == 2**63 - 1
    assert parametres.identifiant(str(2**63)) is None
    assert parametres.identifiant("0") is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("qui", "nom", "requete"),
    [
        ("correspondant", "tableau_de_bord:comites", {"annee": "0"}),
        ("correspondant", "tableau_de_bord:comites", {"annee": "10000"}),
        ("correspondant", "tableau_de_bord:comites", {"annee": ENORME}),
        ("national", "tableau_de_bord:bilans", {"region": ENORME}),
        ("national", "tableau_de_bord:national", {"quinzaine": ENORME}),
        ("national", "arretes:liste", {"annee": ENORME, "region": ENORME}),
        ("national", "caom:liste", {"annee": ENORME, "region": ENORME}),
        ("national", "conventions:liste", {"region": ENORME, "caom": ENORME, "departement": ENORME}),
    ],
)
def test_aucune_erreur_500_sur_des_nombres_demesures(connecter, qui, nom, requete):
    assert connecter(qui).get(reverse(nom), requete).status_code == 200
