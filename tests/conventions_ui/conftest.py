import pytest

from tests.conventions import factories


@pytest.fixture
def arretes(demo):
    factories.arretes_2010(demo)
    return demo


@pytest.fixture
def caom_2010_signees(db):
    """The CAOM 2010 of Paris, Seine-Saint-Denis and Nord, signed on 01/12/2009: co-financing is lawful."""
    from tests.caom.factories import caom_signee

    return {code: caom_signee(code) for code in ("75", "93", "59")}
