"""Settings of the Celery worker started by the integration tests: the test settings, its own media folder,
a real broker (REDIS_URL), the test database (DATABASE_URL)."""

import os

from cui_portal.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
MEDIA_ROOT = os.environ["RAPPELS_MEDIA_ROOT"]
CELERY_TASK_DEFAULT_QUEUE = os.environ["RAPPELS_FILE_CELERY"]
