"""Tests: fast hashing, local memory e-mail; the database and broker still come from the environment."""

import os
import sys

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


class VariableInconnue(str):
    """``string_if_invalid`` of the tests: an undefined variable in one of the project's own templates fails the
    test (as in les emplois' tests), while the templates of libraries (Django admin, django-dsfr, crispy forms),
    which rely on the silence of the template language, keep it: Django then renders them as with the default
    ``""`` (and applies their filters, ``|default:`` included).

    Django asks ``if string_if_invalid:`` then ``"%s" in string_if_invalid`` then ``string_if_invalid % var``;
    the first two answer yes only when the node being rendered comes from a template file of the project, so that
    the third raises. Note that for the project's templates ``{{ x|default:"…" }}`` does not save an undefined
    ``x`` (Django skips the filters of an invalid variable): pass the variable, or test it with ``{% if %}``."""

    RACINE = str(BASE_DIR)  # noqa: F405
    derniere_origine = ""

    def _du_projet(self) -> bool:
        from django.template.base import Node

        cadre = sys._getframe(2)
        while cadre is not None:
            noeud = cadre.f_locals.get("self")
            if isinstance(noeud, Node):
                origine = getattr(getattr(noeud, "origin", None), "name", "") or ""
                VariableInconnue.derniere_origine = origine
                return origine.startswith(self.RACINE) and "site-packages" not in origine
            cadre = cadre.f_back
        return False

    def __bool__(self):
        return self._du_projet()

    def __contains__(self, chaine):
        return chaine == "%s" and self._du_projet()

    def __mod__(self, variable):
        gabarit = VariableInconnue.derniere_origine.removeprefix(self.RACINE + "/")
        raise AssertionError(f"Variable de gabarit non définie : « {variable} » dans {gabarit}")


TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = VariableInconnue("")  # noqa: F405
