"""A real Celery worker on a real Redis, sharing the test's PostgreSQL database; and Redis down.

Under CI a missing Redis or PostgreSQL fails (``manque_service``). The worker listens on a queue of its own, on
Redis database 9 (``RAPPELS_REDIS_DB``), so that other developers' tests and workers are not disturbed.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from kombu.exceptions import OperationalError

from cui_portal.celery import app
from cui_portal.permissions import Perimetre
from rappels import travaux
from rappels.models import Rappel, StatutTravail, TypeRappel
from rappels.tasks import envoyer_rappels
from tests.conftest import manque_service

from .test_arretes import publier_sauf, seulement_les_arretes  # noqa: F401

RACINE = Path(__file__).resolve().parents[2]
REDIS_DB = os.environ.get("RAPPELS_REDIS_DB", "9")
DELAI = 30


def _hote_port(url: str, defaut_port: int) -> tuple[str, int]:
    morceaux = urlsplit(url)
    return morceaux.hostname or "127.0.0.1", morceaux.port or defaut_port


def _ecoute(hote: str, port: int) -> bool:
    try:
        with socket.create_connection((hote, port), timeout=1):
            return True
    except OSError:
        return False


def _url_base_de_test() -> str:
    base = settings.DATABASES["default"]
    auth = quote(base["USER"] or "")
    if base.get("PASSWORD"):
        auth += ":" + quote(base["PASSWORD"])
    return f"postgres://{auth}@{base['HOST'] or '127.0.0.1'}:{base['PORT'] or 5432}/{base['NAME']}"


def _vider_caches():
    app._pool = None
    app.amqp._producer_pool = None
    for nom in ("default_queue", "queues", "router"):
        app.amqp.__dict__.pop(nom, None)


@contextmanager
def celery_sur(url_courtier: str, file: str):
    """The Celery app of the test process, no longer eager, on this broker and queue (restored afterwards)."""
    nouvelles = {
        "task_always_eager": False,
        "broker_url": url_courtier,
        "task_default_queue": file,
        "broker_connection_retry": False,
        "broker_transport_options": {"max_retries": 0},
    }
    anciennes = {cle: app.conf[cle] for cle in nouvelles}
    app.conf.update(nouvelles)
    _vider_caches()
    try:
        yield
    finally:
        app.conf.update(anciennes)
        _vider_caches()


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    hote, port = _hote_port(url, 6379)
    if not _ecoute(hote, port):
        manque_service(f"Ce test a besoin de Redis ({hote}:{port}) : REDIS_URL=redis://…")
    return f"redis://{hote}:{port}/{REDIS_DB}"


@pytest.fixture
def worker(exige_postgres, redis_url, tmp_path):
    """A Celery worker process (solo pool) on a queue of its own; terminated whatever happens."""
    file = f"tests-rappels-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.rappels.reglages_worker",
        "DATABASE_URL": _url_base_de_test(),
        "REDIS_URL": redis_url,
        "RAPPELS_MEDIA_ROOT": str(tmp_path / "media-worker"),
        "RAPPELS_FILE_CELERY": file,
        "CONN_MAX_AGE": "0",
    }
    commande = [str(Path(sys.executable).with_name("celery")), "-A", "cui_portal", "worker", "--pool=solo"]
    commande += ["--concurrency=1", "--without-heartbeat", "--without-gossip", "--without-mingle"]
    commande += ["-Q", file, "-n", f"{file}@%h", "--loglevel=INFO"]
    journal = tmp_path / "worker.log"
    with celery_sur(redis_url, file), journal.open("w") as sortie:
        processus = subprocess.Popen(commande, cwd=RACINE, env=env, stdout=sortie, stderr=subprocess.STDOUT)
        try:
            yield processus, journal, tmp_path / "media-worker"
        finally:
            processus.terminate()
            try:
                processus.wait(timeout=15)
            except subprocess.TimeoutExpired:
                processus.kill()
                processus.wait(timeout=5)


def _attendre(condition, processus, journal, delai=DELAI):
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        if condition():
            return
        if processus.poll() is not None:
            pytest.fail(f"Le worker s'est arrêté :\n{journal.read_text()[-3000:]}")
        time.sleep(0.3)
    pytest.fail(f"Rien de visible en base après {delai} s. Journal du worker :\n{journal.read_text()[-3000:]}")


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_un_vrai_worker_execute_le_travail_et_les_rappels(worker, demo):
    processus, journal, media = worker
    perimetre = Perimetre(role="gestionnaire_regional", region_id=demo.organisations["direccte_idf"].region_id)
    # Saving the work sends its task after the commit (cui_portal.taches.envoyer_tache) to the real broker.
    travail = travaux.lancer(demo.comptes["gestionnaire@demo.cui.fr"], "export_organisations_xlsx", {}, perimetre)

    def termine():
        travail.refresh_from_db()
        return travail.statut == StatutTravail.TERMINE

    _attendre(termine, processus, journal)
    assert travail.progression == 100
    assert (media / travail.fichier.name).stat().st_size > 0

    publier_sauf(2011, "11")
    for _ in range(3):  # the same task, three times: one reminder, sent once
        envoyer_rappels.delay("2010-11-01")
    arretes = Rappel.objects.filter(type=TypeRappel.ARRETE_ANNUEL)
    _attendre(lambda: arretes.filter(envoye_le__isnull=False).exists(), processus, journal)
    envoyer_rappels.delay("2010-11-02")
    _attendre(lambda: journal.read_text().count("succeeded") >= 5, processus, journal)
    rappel = arretes.get()
    assert (rappel.destinataire, rappel.tentatives) == ("gestionnaire@demo.cui.fr", 1)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_arrete_rien_n_est_perdu(demo, caplog):
    """The broker is down (nothing listens on port 6390): saving still succeeds; the next run catches up."""
    with celery_sur("redis://127.0.0.1:6390/0", "tests-rappels-panne"):
        assert not _ecoute("127.0.0.1", 6390)
        perimetre = Perimetre(role="gestionnaire_regional", region_id=demo.organisations["direccte_idf"].region_id)
        with time_machine.travel(datetime(2010, 11, 1, 7, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False):
            travail = travaux.lancer(
                demo.comptes["gestionnaire@demo.cui.fr"], "export_organisations_xlsx", {}, perimetre
            )
        assert "courtier de messages est injoignable" in caplog.text
        travail.refresh_from_db()
        assert travail.statut == StatutTravail.EN_ATTENTE

        publier_sauf(2011, "11")
        with pytest.raises(OperationalError):  # what a plain delay() does when Redis is down
            envoyer_rappels.delay("2010-11-01")
        assert mail.outbox == []

    # The beat run (here the command and the periodic task, run by hand) sends what is due, once.
    call_command("envoyer_rappels", "--date", "2010-11-01")
    call_command("envoyer_rappels", "--date", "2010-11-01")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["gestionnaire@demo.cui.fr"]
    assert travaux.reprendre() == 1
    travail.refresh_from_db()
    assert travail.statut == StatutTravail.TERMINE
