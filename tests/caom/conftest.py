from datetime import date
from decimal import Decimal

import pytest

from caom import consommation as module_consommation
from referentiels.models import Departement
from tests.caom.factories import CaomFactory


@pytest.fixture
def caom_93(demo):
    return CaomFactory(
        date_reference=date(2009, 11, 5),
        nb_cae_cofinances=600,
        nb_cae_majores=50,
        taux_majore=Decimal(95),
        nb_cae_cg_seul=20,
        nb_cie_cofinances=80,
    )


@pytest.fixture
def caom_59(demo):
    return CaomFactory(departement=Departement.objects.get(code="59"), nb_cae_cofinances=900, nb_cie_cofinances=120)


@pytest.fixture(autouse=True)
def _sans_fournisseur_reel():
    """The conventions app registers its own providers; these tests use fakes only."""
    with module_consommation.fournisseurs_isoles():
        yield


@pytest.fixture
def fournisseur():
    """Register a fake consumption provider for the test; ``lignes`` is the list it returns (filled by the test)."""
    lignes: list = []
    hors: dict = {}

    def fournir(caom_ids):
        return [ligne for ligne in lignes if ligne.caom_id in caom_ids]

    def fournir_hors_caom(departement_ids, annee):
        return {d: n for d, n in hors.items() if d in departement_ids}

    module_consommation.enregistrer_fournisseur(fournir)
    module_consommation.enregistrer_fournisseur_hors_caom(fournir_hors_caom)
    yield lignes, hors
    module_consommation.retirer_fournisseur(fournir)
    module_consommation.retirer_fournisseur(fournir_hors_caom)
