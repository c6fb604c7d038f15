import pytest

from . import fabrique


@pytest.fixture
def arretes(demo):
    fabrique.arretes_2010(demo)
    return demo
