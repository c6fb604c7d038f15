import pytest

from tests.conventions import factories


@pytest.fixture
def arretes(demo):
    factories.arretes_2010(demo)
    return demo
