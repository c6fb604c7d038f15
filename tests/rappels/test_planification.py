"""The beat schedules: installed by a migration and by the command, idempotently, in Europe/Paris."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from rappels.planification import PLANIFICATION


@pytest.mark.django_db
def test_installees_par_la_migration_et_la_commande():
    # What the data migration runs (the rows it created may have been flushed by a transactional test).
    from importlib import import_module

    from django.apps import apps

    PeriodicTask.objects.all().delete()
    import_module("rappels.migrations.0002_planification").installer(apps, None)
    assert set(PeriodicTask.objects.values_list("name", flat=True)) >= set(PLANIFICATION)
    tache = PeriodicTask.objects.get(name="Rappels quotidiens")
    assert tache.task == "rappels.envoyer_rappels"
    assert str(tache.crontab.timezone) == "Europe/Paris"
    assert (tache.crontab.hour, tache.crontab.minute) == ("7", "0")

    tache.crontab = None
    tache.interval = None
    tache.task = "autre"
    PeriodicTask.objects.filter(pk=tache.pk).update(task="autre")
    sortie = StringIO()
    call_command("installer_planification", stdout=sortie)
    assert "Rappels quotidiens : installée ou mise à jour" in sortie.getvalue()
    assert PeriodicTask.objects.get(name="Rappels quotidiens").task == "rappels.envoyer_rappels"

    nombre = PeriodicTask.objects.count()
    sortie = StringIO()
    call_command("installer_planification", stdout=sortie)
    assert "Rappels quotidiens : déjà à jour" in sortie.getvalue()
    assert PeriodicTask.objects.count() == nombre


def test_les_taches_planifiees_existent():
    from cui_portal.celery import app

    app.loader.import_default_modules()
    for tache, *_ in PLANIFICATION.values():
        assert tache in app.tasks
