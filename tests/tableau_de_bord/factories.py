"""CAE-jeunes operators, their conventions and payment requests for the tests (factory_boy)."""

from datetime import date
from decimal import Decimal

import factory

from referentiels.models import Region
from tableau_de_bord.models import ConventionOperateur, DemandePaiement, Operateur


class OperateurFactory(factory.django.DjangoModelFactory):
    """An operator of Île-de-France; pass ``organisation`` (e.g. ``demo.organisations["ml_paris"]``)."""

    class Meta:
        model = Operateur

    region = factory.LazyFunction(lambda: Region.objects.get(code_insee="11"))
    nature = "mission_locale"


class ConventionOperateurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConventionOperateur

    operateur = factory.SubFactory(OperateurFactory)
    objet = "Immersions"
    montant = Decimal(30000)
    signee_le = date(2009, 11, 2)


class DemandePaiementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DemandePaiement

    convention = factory.SubFactory(ConventionOperateurFactory)
    montant = Decimal(5000)
