"""Settings of the benchmark processes (gunicorn, Celery worker, measurements): production settings, plus an
URLconf with a bare view (the floor of the load test) that the product's URLconf never contains."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

from cui_portal.settings.production import *  # noqa: F403
from cui_portal.settings.production import BASE_DIR

ROOT_URLCONF = "benchmarks.urls_bench"
STATIC_ROOT = BASE_DIR / "benchmarks" / "staticfiles"
# The Django test client and the ``testserver`` host of the in-process measurements.
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
