"""WSGI entry point of the benchmark server: ``cui_portal.wsgi`` with ``benchmarks.settings_bench``."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings_bench"

from cui_portal.wsgi import application  # noqa: F401
