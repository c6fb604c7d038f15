"""CAOM for the tests (factory_boy): a 2010 convention with a conseil général, Seine-Saint-Denis by default."""

import factory

from caom.models import Caom
from referentiels.models import Departement


class CaomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Caom

    departement = factory.LazyFunction(lambda: Departement.objects.get(code="93"))
    annee = 2010


def caom_signee(code: str = "93", annee: int = 2010, signee_le=None, **champs) -> Caom:
    """The département's CAOM signed before the conventions it co-finances (L. 5134-19-4): 01/12 of the year
    before by default."""
    from datetime import date

    le = signee_le or date(annee - 1, 12, 1)
    return CaomFactory(
        departement=Departement.objects.get(code=code),
        annee=annee,
        statut="signee",
        date_deliberation=le,
        instance_deliberation="commission_permanente",
        date_signature=le,
        **champs,
    )
