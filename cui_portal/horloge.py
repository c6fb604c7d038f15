"""One clock for the whole portal: today and now, in Europe/Paris.

Every view, service, task, reminder, template and export asks this module for the date. The setting
``DATE_DU_JOUR`` (environment variable ``DATE_DU_JOUR=AAAA-MM-JJ``) pins the day for a demonstration or a
training session; the time of day keeps running, so that "now" stays ordered. Tests move the clock with
time-machine (which moves ``timezone.now``) or with ``override_settings(DATE_DU_JOUR=…)``.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.timezone import get_default_timezone


def lire_date_du_jour(valeur: str | None) -> date | None:
    """The pinned day from its environment variable (``AAAA-MM-JJ``); None when empty."""
    if not valeur:
        return None
    try:
        return date.fromisoformat(valeur.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"DATE_DU_JOUR doit être une date au format AAAA-MM-JJ (par exemple 2010-11-30) : "
            f"« {valeur} » ne l'est pas."
        ) from None


_jour_impose: ContextVar[date | None] = ContextVar("jour_impose", default=None)


@contextmanager
def au(jour: date):
    """Run a block as if the portal were on ``jour`` (the demonstration is built on its own day, whatever the
    calendar says): it overrides ``DATE_DU_JOUR`` inside the block only."""
    jeton = _jour_impose.set(jour)
    try:
        yield
    finally:
        _jour_impose.reset(jeton)


def date_epinglee() -> date | None:
    """The day the portal is pinned to, or None when it follows the calendar."""
    return _jour_impose.get() or getattr(settings, "DATE_DU_JOUR", None)


def instant_reel() -> datetime:
    """The real instant, never pinned: for technical clocks that must agree with the outside world (login
    throttling, job heartbeats, cache expiry), not for the portal's business dates."""
    return timezone.now()


def maintenant() -> datetime:
    """Now, aware, in the portal's time zone (Europe/Paris); on the pinned day when there is one."""
    reel = timezone.localtime(instant_reel(), get_default_timezone())
    epinglee = date_epinglee()
    if epinglee is None:
        return reel
    return reel.replace(year=epinglee.year, month=epinglee.month, day=epinglee.day)


def aujourdhui() -> date:
    """Today in Europe/Paris (the pinned day when there is one)."""
    return maintenant().date()


def avis_demonstration() -> str:
    """The sentence every page and e-mail shows while the clock is pinned; empty otherwise."""
    epinglee = date_epinglee()
    if epinglee is None:
        return ""
    return f"Démonstration : le portail est au {epinglee:%d/%m/%Y}."
