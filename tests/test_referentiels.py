from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referentiels.chargement import charger
from referentiels.models import CorrespondantMip, Departement, Region, ValeurBareme
from referentiels.regles import ParametreInconnu, Valeur, valeur_a_la_date
from referentiels.services import rsa_forfaitaire, smic_horaire

pytestmark = pytest.mark.django_db


def test_26_regions_100_departements_7_correspondants():
    assert Region.objects.count() == 26
    assert Region.objects.filter(outre_mer=True).count() == 4
    assert Departement.objects.count() == 100
    assert CorrespondantMip.objects.count() == 7
    assert not Region.objects.filter(correspondant_mip__isnull=True).exists()


@pytest.mark.parametrize(
    ("region", "correspondant"),
    [
        ("Île-de-France", "veronique.delarue@finances.gouv.fr"),
        ("Basse-Normandie", "kathleen.agbo@finances.gouv.fr"),
        ("La Réunion", "catherine.dinnequin@finances.gouv.fr"),
        ("Corse", "marie-agnes.pariat-pommeray@finances.gouv.fr"),
        ("Provence-Alpes-Côte d'Azur", "juliette.papazian@finances.gouv.fr"),
        ("Nord-Pas-de-Calais", "christine.schmitt@finances.gouv.fr"),
        ("Lorraine", "lise.lecardonnel@finances.gouv.fr"),
    ],
)
def test_correspondant_mip_de_l_annexe_2(region, correspondant):
    assert Region.objects.get(nom=region).correspondant_mip.email == correspondant


def test_departements_rattaches_a_leur_region_de_2009():
    assert Departement.objects.get(code="2A").region.nom == "Corse"
    assert Departement.objects.get(code="974").region.code_insee == "04"
    assert Departement.objects.get(code="90").region.nom == "Franche-Comté"
    assert Departement.objects.filter(region__code_insee="11").count() == 8


def test_chargement_idempotent():
    avant = ValeurBareme.objects.count()
    compte = charger()
    charger()
    assert ValeurBareme.objects.count() == avant
    assert compte["régions"] == 26


@pytest.mark.parametrize(
    ("jour", "smic", "rsa"),
    [
        (date(2009, 12, 31), "8.82", "454.63"),
        (date(2010, 1, 1), "8.86", "460.09"),
        (date(2011, 11, 30), "9.00", "466.99"),
        (date(2011, 12, 1), "9.19", "466.99"),
        (date(2012, 6, 30), "9.22", "474.93"),
        (date(2012, 7, 1), "9.40", "474.93"),
        (date(2013, 1, 1), "9.43", "483.24"),
    ],
)
def test_baremes_de_domain_md(jour, smic, rsa):
    assert smic_horaire(jour) == Decimal(smic)
    assert rsa_forfaitaire(jour) == Decimal(rsa)


def test_bareme_hors_des_dates_connues_erreur_claire():
    with pytest.raises(ParametreInconnu, match="SMIC horaire brut : aucune valeur connue au 30/06/2009"):
        smic_horaire(date(2009, 6, 30))
    with pytest.raises(ParametreInconnu, match=r"RSA montant forfaitaire.*non connue au 01/01/2030") as erreur:
        rsa_forfaitaire(date(2030, 1, 1))
    # The message names the last known value and its date, so that a person knows what the table holds.
    assert "dernière valeur connue : 524,16 au 01/09/2015" in str(erreur.value)
    with pytest.raises(ParametreInconnu, match=r"dernière valeur connue : 9,61 au 01/01/2015"):
        smic_horaire(date(2030, 1, 1))


VALEURS = [Valeur(date(2010, 1, 1), Decimal("1")), Valeur(date(2011, 1, 1), Decimal("2"))]


@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2012, 12, 31)))
def test_valeur_a_la_date_est_la_derniere_en_vigueur(jour):
    attendu = Decimal("2") if jour >= date(2011, 1, 1) else Decimal("1")
    assert valeur_a_la_date("x", VALEURS, jour, date(2012, 12, 31)) == attendu


@given(st.dates(max_value=date(2009, 12, 31)))
def test_valeur_avant_la_premiere_date_refusee(jour):
    with pytest.raises(ParametreInconnu):
        valeur_a_la_date("x", VALEURS, jour, date(2012, 12, 31))
