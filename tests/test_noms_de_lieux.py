"""Territory names with their article and elision, from INSEE's kind of name kept in the reference data
(``cui_portal/noms_de_lieux.py``, ``Region.de_nom`` / ``Departement.de_nom``, the ``|de`` filter)."""

import html

import pytest
from django.template import Context, Template

from cui_portal.noms_de_lieux import TypeNom, avec_article, de
from referentiels.models import Departement, Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "attendu", "article"),
    [
        ("91", "de l'Essonne", "l'Essonne"),
        ("78", "des Yvelines", "les Yvelines"),
        ("94", "du Val-de-Marne", "le Val-de-Marne"),
        ("93", "de la Seine-Saint-Denis", "la Seine-Saint-Denis"),
        ("974", "de La Réunion", "La Réunion"),
        ("75", "de Paris", "Paris"),
        ("35", "d'Ille-et-Vilaine", "Ille-et-Vilaine"),
        ("59", "du Nord", "le Nord"),
    ],
)
def test_departements(code, attendu, article):
    departement = Departement.objects.get(code=code)
    assert departement.de_nom == attendu
    assert departement.nom_avec_article == article


@pytest.mark.parametrize(
    ("code", "attendu"),
    [
        ("11", "d'Île-de-France"),
        ("04", "de La Réunion"),
        ("31", "du Nord-Pas-de-Calais"),
        ("42", "d'Alsace"),
        ("93", "de Provence-Alpes-Côte d'Azur"),
        ("52", "des Pays de la Loire"),
        ("94", "de Corse"),
    ],
)
def test_regions(code, attendu):
    assert Region.objects.get(code_insee=code).de_nom == attendu


# TNCC of the regions as INSEE's code officiel géographique gives them (file reg2015.txt, the last with the regions
# of 2009 unchanged, columns REGION and TNCC; read from the copy kept in etalab/ban-data, data/reg2015.txt).
TNCC_INSEE = {
    "01": 3, "02": 3, "03": 3, "04": 0, "11": 1, "21": 0, "22": 0, "23": 0, "24": 2, "25": 0, "26": 0, "31": 2, "41": 0,
    "42": 1, "43": 0, "52": 4, "53": 0, "54": 2, "72": 1, "73": 0, "74": 2, "82": 0, "83": 1, "91": 2, "93": 0, "94": 0,
}  # fmt: skip


def test_le_type_de_nom_des_regions_est_celui_de_l_insee():
    """Limousin and Poitou-Charentes (TNCC 2, « du Limousin », « du Poitou-Charentes ») and every other region."""
    assert dict(Region.objects.values_list("code_insee", "tncc")) == TNCC_INSEE
    assert Region.objects.get(code_insee="74").de_nom == "du Limousin"
    assert Region.objects.get(code_insee="54").de_nom == "du Poitou-Charentes"


def test_chaque_territoire_a_son_type_de_nom():
    """The reference data give every name its kind: a name starting with a vowel never reads « de A… »."""
    for territoire in [*Region.objects.all(), *Departement.objects.all()]:
        assert not territoire.de_nom.startswith(("de A", "de E", "de I", "de O", "de U", "de Î")), territoire.nom


def test_filtre_de_dans_un_gabarit():
    gabarit = Template(
        "{% load portail %}Bilan {{ region|de }}, CAOM {{ departement|de }}, {{ lieu|de }}, {{ rien|de }}"
    )
    rendu = gabarit.render(
        Context(
            {
                "region": Region.objects.get(code_insee="11"),
                "departement": Departement.objects.get(code="93"),
                "lieu": "Essonne",
                "rien": None,
            }
        )
    )
    assert html.unescape(rendu) == "Bilan d'Île-de-France, CAOM de la Seine-Saint-Denis, d'Essonne, "


def test_fonctions_pures():
    assert avec_article("Essonne", TypeNom.L_APOSTROPHE) == "l'Essonne"
    assert de("Yvelines", TypeNom.LES) == "des Yvelines"
    assert de("Hauts-de-Seine", TypeNom.LES) == "des Hauts-de-Seine"
    assert de("Paris") == "de Paris" and de("Ain") == "d'Ain"
