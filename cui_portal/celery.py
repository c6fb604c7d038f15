"""The Celery application: Redis broker from REDIS_URL, tasks autodiscovered in every app.

Tasks are sent with ``cui_portal.taches.envoyer_tache(task, ...)``: after the commit (nothing is queued for a write
that is rolled back), and a broker outage never fails the request.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cui_portal.settings.dev")

app = Celery("cui_portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
