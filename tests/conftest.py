"""Shared fixtures: reference data, demo organisations and accounts, clients logged in by role, services."""

import os
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from hypothesis import HealthCheck, settings

from comptes.demo import creer_organisations_et_comptes
from referentiels.chargement import charger
from referentiels.models import Region

# No per-example deadline: a shared CI machine must not turn a slow example into a failure (speed is measured
# by `make bench`, never asserted in tests).
settings.register_profile("portail", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("portail")

EN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# One account per role (see comptes/demo.py); "*_nord" ones belong to another region / organisation.
COMPTES = {
    "prescripteur": "prescripteur@demo.cui.fr",
    "prescripteur_nord": "prescripteur.nord@demo.cui.fr",
    "correspondant": "correspondant@demo.cui.fr",
    "correspondant_nord": "correspondant.nord@demo.cui.fr",
    "gestionnaire": "gestionnaire@demo.cui.fr",
    "gestionnaire_nord": "gestionnaire.nord@demo.cui.fr",
    "national": "national@demo.cui.fr",
    "cg93": "cg93@demo.cui.fr",
    "cg59": "cg59@demo.cui.fr",
    "admin": "admin@demo.cui.fr",
    "multi": "multi@demo.cui.fr",
}


def manque_service(message: str):
    """Under CI a missing service is a failure; on a developer's machine, a skip."""
    if EN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _au_jour_de_la_demonstration():
    """The tests' data are the 2010 conventions: by default the clock stands on the demonstration's day
    (30/11/2010, a working morning in Paris), so that statuses derived from the dates are those of the data.
    A test that needs another day travels there with time-machine (the innermost travel wins)."""
    with time_machine.travel(datetime(2010, 11, 30, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True):
        yield


@pytest.fixture(autouse=True)
def _referentiels(request):
    """Reference data come from a migration; a transactional test flushes them, so reload when needed."""
    marqueur = request.node.get_closest_marker("django_db")
    fixtures = set(request.fixturenames)
    if marqueur is None and not fixtures & {"db", "transactional_db", "live_server"}:
        return
    transactionnel = fixtures & {"transactional_db", "live_server"} or (marqueur and marqueur.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactionnel else "db")
    if Region.objects.count() != 26:
        charger()


@pytest.fixture
def demo(db):
    return creer_organisations_et_comptes()


@pytest.fixture
def connecter(client, demo):
    """``connecter("prescripteur")`` logs the test client in as that demo account and returns it."""

    def _connecter(qui: str, c=None):
        c = c or client
        c.logout()
        c.force_login(demo.comptes[COMPTES[qui]], backend="django.contrib.auth.backends.ModelBackend")
        return c

    return _connecter


@pytest.fixture
def exige_postgres(db):
    if connection.vendor != "postgresql":
        manque_service("Ce test a besoin de PostgreSQL (DATABASE_URL=postgres://…).")


@pytest.fixture(scope="session")
def chemin_chromium():
    chemin = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chemin:
        manque_service("Chromium est absent (paquet Debian « chromium »).")
    return chemin
