import copy
import io

import pytest
from django.core.management import call_command

from comptes.demo import creer_organisations_et_comptes
from referentiels.chargement import charger


@pytest.fixture(scope="module")
def demo_complet(django_db_setup, django_db_blocker):
    """The whole demo of every app (as `make run` loads it), once for the module, removed afterwards."""
    with django_db_blocker.unblock():
        call_command("charger_demo", force=True, stdout=io.StringIO())
        yield creer_organisations_et_comptes()
        call_command("flush", interactive=False, verbosity=0)
        charger()


@pytest.fixture
def contexte(demo_complet, db):
    """A per-test copy of the demo: what a case caches on it (objects made in the test) dies with the test."""
    return copy.copy(demo_complet)
