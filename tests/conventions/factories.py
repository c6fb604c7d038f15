"""Employers, employees and conventions for the tests (factory_boy), and the published 2010 arrêtés."""

from datetime import date
from decimal import Decimal

import factory
from stdnum.fr import nir as stdnum_nir
from stdnum.fr import siret as stdnum_siret

from conventions.models import Convention
from conventions.models_parties import Employeur, Salarie
from droit.vocabulaire import StatutJuridique, TypeContrat
from referentiels.models import Departement, Organisation, PublicPrioritaire, TypeOrganisation


def siret_valide(n: int) -> str:
    """A SIRET with a valid Luhn key (13 digits + key)."""
    base = f"{732829320:09d}{n:04d}"
    for cle in range(10):
        if stdnum_siret.is_valid(base + str(cle)):
            return base + str(cle)
    raise AssertionError("pas de clé")


def nir_valide(n: int, sexe: int = 1, annee: int = 84, mois: int = 12) -> str:
    corps = f"{sexe}{annee:02d}{mois:02d}75{(n % 1000):03d}{(n // 1000 % 1000):03d}"
    return corps + stdnum_nir.calc_check_digits(corps)


def departement(code="75") -> Departement:
    return Departement.objects.get(code=code)


def public(code="autres-publics") -> PublicPrioritaire:
    return PublicPrioritaire.objects.get(code=code)


class PrescripteurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("type", "nom")

    nom = factory.Sequence(lambda n: f"Pôle emploi test {n}")
    type = TypeOrganisation.AGENCE_POLE_EMPLOI
    departement = factory.LazyFunction(lambda: departement("75"))


class EmployeurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employeur

    siret = factory.Sequence(siret_valide)
    raison_sociale = factory.Sequence(lambda n: f"Association test {n}")
    statut_juridique = StatutJuridique.ASSOCIATION
    departement = factory.LazyFunction(lambda: departement("75"))


class SalarieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Salarie

    civilite = "m"
    nom = factory.Sequence(lambda n: f"Martin{n}")
    prenom = "Jean"
    date_naissance = date(1980, 5, 17)
    nir = factory.Sequence(lambda n: nir_valide(n + 1))
    niveau_formation = "V"


class ConventionFactory(factory.django.DjangoModelFactory):
    """A complete draft CAE of 6 months from 4 January 2010 (26 h a week, 20 h taken in charge: the test
    arrêté's ceiling for « autres publics »), ready to conclude."""

    class Meta:
        model = Convention

    type_contrat = TypeContrat.CAE
    prescripteur = factory.SubFactory(PrescripteurFactory)
    employeur = factory.SubFactory(EmployeurFactory)
    salarie = factory.SubFactory(SalarieFactory)
    departement = factory.LazyAttribute(lambda o: o.employeur.departement)
    region = factory.LazyAttribute(lambda o: o.employeur.departement.region)
    type_contrat_travail = "CDD"
    date_conclusion = date(2009, 12, 15)
    date_embauche = date(2010, 1, 4)
    date_debut = date(2010, 1, 4)
    date_fin = date(2010, 7, 3)
    date_fin_contrat_travail = date(2010, 7, 3)
    duree_hebdo_travail = Decimal(26)
    duree_hebdo_prise_en_charge = Decimal(20)
    public = factory.LazyFunction(lambda: public("autres-publics"))
