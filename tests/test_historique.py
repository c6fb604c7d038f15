"""The history reads as a person writes (ticket 17, point 6): labels without their unit, values formatted."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from arretes.models import TauxPriseEnCharge
from caom.models import Caom
from conventions.models import Convention
from cui_portal.historique import libelle, nombre, objets_lies, valeur_lisible
from referentiels.models import Region

NB = "\u00a0"


def champ(modele, nom):
    return modele._meta.get_field(nom)


def test_nombres_a_la_francaise():
    assert nombre(Decimal("1043.38"), decimales=2) == f"1{NB}043,38"
    assert nombre(Decimal("1000"), decimales=2) == f"1{NB}000,00"
    assert nombre(Decimal("30.70")) == "30,7" and nombre(Decimal("95.00")) == "95" and nombre(26) == "26"
    assert nombre(Decimal("1234567.5")) == f"1{NB}234{NB}567,5"


def test_libelles_sans_unite_et_avec_majuscule():
    assert libelle(champ(Convention, "arrete")) == "Arrêté régional appliqué"
    assert libelle(champ(TauxPriseEnCharge, "taux")) == "Taux de prise en charge"
    assert libelle(champ(Caom, "duree_moyenne_cae")) == "Durée moyenne des CAE (mois)"  # not a unit of the values


def test_valeurs_lisibles():
    assert valeur_lisible(False, champ(Convention, "aci")) == "non"
    assert valeur_lisible(True, champ(Convention, "aci")) == "oui"
    assert valeur_lisible(None, champ(Convention, "aci")) == "—" and valeur_lisible("", None) == "—"
    assert valeur_lisible(date(2010, 1, 4), champ(Convention, "date_debut")) == "04/01/2010"
    instant = datetime(2010, 11, 30, 8, 5, tzinfo=ZoneInfo("UTC"))
    assert valeur_lisible(instant, champ(Convention, "cree_le")) == "30/11/2010 à 09:05"  # Europe/Paris
    assert valeur_lisible("hors_cas_legaux", champ(Convention, "motif_rupture")).startswith(
        "Rupture par l'employeur hors"
    )
    assert valeur_lisible(Decimal("95.00"), champ(TauxPriseEnCharge, "taux")) == f"95{NB}%"
    assert valeur_lisible(Decimal("30.70"), champ(Caom, "taux_cie")) == f"30,7{NB}%"
    assert valeur_lisible(Decimal("8.25"), champ(Caom, "duree_moyenne_cae")) == "8,25"
    from tableau_de_bord.models_operateurs import CreditIngenierie

    montant = champ(CreditIngenierie, "montant_notifie")
    assert valeur_lisible(Decimal("12500"), montant) == f"12{NB}500,00{NB}€"


@pytest.mark.django_db
def test_noms_des_objets_lies_en_une_requete_par_modele(django_assert_num_queries):
    region = champ(Convention, "region")
    idf, nord = Region.objects.get(code_insee="11"), Region.objects.get(code_insee="31")
    with django_assert_num_queries(1):
        lies = objets_lies([(region, None, idf.pk), (region, idf.pk, nord.pk)])
    assert valeur_lisible(idf.pk, region, lies) == "Île-de-France"
    assert valeur_lisible(nord.pk, region, lies) == "Nord-Pas-de-Calais"
    assert valeur_lisible(None, region, lies) == "—"
    assert valeur_lisible(999_999, region, lies) == "Région introuvable"
