"""Local development: the embedded default of `make run`."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: F403

# `make run-full` serves with gunicorn, which serves no static file: WhiteNoise serves them from the apps' folders
# (no `collectstatic` in development), as production does from its collected files.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
