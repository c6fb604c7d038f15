import pytest

from referentiels.models import Region
from tableau_de_bord.services import ouvrir_bilan, quinzaine_du
from tests.tableau_de_bord.factories import OperateurFactory


@pytest.fixture
def idf(db):
    return Region.objects.get(code_insee="11")


@pytest.fixture
def npdc(db):
    return Region.objects.get(code_insee="31")


@pytest.fixture
def operateur_idf(demo, idf):
    return OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])


@pytest.fixture
def quinzaine(db):
    from datetime import date

    return quinzaine_du(date(2010, 3, 3))


@pytest.fixture
def bilan_idf(demo, idf, quinzaine):
    return ouvrir_bilan(idf, quinzaine, par=demo.comptes["correspondant@demo.cui.fr"])


@pytest.fixture
def bilan_npdc(demo, npdc, quinzaine):
    return ouvrir_bilan(npdc, quinzaine, par=demo.comptes["correspondant.nord@demo.cui.fr"])
