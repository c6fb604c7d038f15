"""CAOM for the tests (factory_boy): a 2010 convention with a conseil général, Seine-Saint-Denis by default."""

import factory

from caom.models import Caom
from referentiels.models import Departement


class CaomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Caom

    departement = factory.LazyFunction(lambda: Departement.objects.get(code="93"))
    annee = 2010
