import pytest

from tests.arretes.factories import arrete_publie


@pytest.fixture
def arretes_2010(db):
    """The published 2010 arrêtés of Île-de-France and Nord-Pas-de-Calais (CAE 90 %, priority publics 95 %,
    ACI 105 %; CIE 30 %, RSA 47 %)."""
    from datetime import date

    return {
        "11": arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27)),
        "31": arrete_publie("31", 2010, numero="NPDC-2010-1", date_publication=date(2009, 11, 27)),
    }


@pytest.fixture
def caom_2010_signees(db):
    """The CAOM 2010 of Paris, Seine-Saint-Denis and Nord, signed on 01/12/2009: co-financing is lawful."""
    from tests.caom.factories import caom_signee

    return {code: caom_signee(code) for code in ("75", "93", "59")}


@pytest.fixture
def auteur(django_user_model):
    """The user who writes, for the services that record their author."""
    return django_user_model.objects.create_user(email="auteur@example.org", password="x")
