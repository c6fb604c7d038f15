"""The Celery application: Redis broker from REDIS_URL, tasks autodiscovered in every app.

Tasks are sent with ``task.delay_on_commit(...)`` so that nothing is queued for a write that is rolled back.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cui_portal.settings.dev")

app = Celery("cui_portal", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
