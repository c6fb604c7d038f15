"""Tests: fast hashing, local memory e-mail; the database and broker still come from the environment."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True

# Tasks run in the test process unless a test starts a real worker (see tests/test_celery_integration.py).
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests travel in time (time-machine) across days and years with one login: the working-day session of
# base.py would expire between two requests of one test.
SESSION_COOKIE_AGE = 10 * 365 * 24 * 3600
