"""Production: HTTPS only, secure cookies, HSTS. SECRET_KEY and ALLOWED_HOSTS come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
# A pinned clock is for demonstrations and training: production follows the calendar unless explicitly allowed.
if DATE_DU_JOUR is not None and not env_bool("DATE_DU_JOUR_AUTORISEE_EN_PRODUCTION"):  # noqa: F405
    raise ImproperlyConfigured(
        "DATE_DU_JOUR fige la date du portail : c'est réservé à la démonstration et à la formation. En production, "
        "retirez-la ou confirmez par DATE_DU_JOUR_AUTORISEE_EN_PRODUCTION=1."
    )
# Static files served by the WSGI process itself (after `collectstatic`).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
