"""Login throttling that cannot lock everyone out.

Behind the State's reverse proxies every agent may share one address, so an address alone never locks a known
account: django-axes locks the *pair* (e-mail, address) after ``AXES_FAILURE_LIMIT`` failures. An address that
keeps trying e-mails that belong to nobody (guessing accounts) is stopped as a whole once it reaches the generous
``PLAFOND_ECHECS_PAR_ADRESSE``. The client address is read from ``X-Forwarded-For`` only when the request comes
from one of the ``PROXIES_DE_CONFIANCE``; otherwise the header is ignored (anyone can write it).
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.db.models.functions import Lower

from cui_portal import horloge


def adresse_du_client(request) -> str | None:
    """The client's address: the first hop, from the right of ``X-Forwarded-For``, that is not a trusted proxy,
    when the request comes from a trusted proxy; ``REMOTE_ADDR`` otherwise."""
    distante = request.META.get("REMOTE_ADDR")
    confiance = set(settings.PROXIES_DE_CONFIANCE)
    if distante not in confiance:
        return distante
    relais = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    for adresse in reversed(relais):
        if adresse not in confiance:
            return adresse
    return distante


def echecs_inconnus_depuis(adresse: str | None, depuis) -> int:
    """Failed logins from ``adresse`` since ``depuis`` with e-mails that belong to no account."""
    if not adresse:
        return 0
    comptes = get_user_model().objects.values("email")
    total = (
        AccessAttempt.objects.filter(ip_address=adresse, attempt_time__gte=depuis)
        .annotate(adresse_saisie=Lower("username"))
        .exclude(adresse_saisie__in=comptes)
        .aggregate(total=Sum("failures_since_start"))["total"]
    )
    return total or 0


class GestionnaireVerrouillage(AxesDatabaseHandler):
    """django-axes' database handler, plus the per-address ceiling on unknown e-mails."""

    @staticmethod
    def plafond_atteint(request) -> bool:
        adresse = getattr(request, "axes_ip_address", None) or adresse_du_client(request)
        depuis = horloge.instant_reel() - timedelta(hours=settings.AXES_COOLOFF_TIME)
        return echecs_inconnus_depuis(adresse, depuis) >= settings.PLAFOND_ECHECS_PAR_ADRESSE

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.plafond_atteint(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # axes decides the lockout page from the pair's own count; the address's ceiling shows the same page.
        if request is not None and not getattr(request, "axes_locked_out", False) and self.plafond_atteint(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def duree_en_francais(duree: timedelta) -> str:
    """« 1 heure », « 2 heures », « 30 minutes », « 1 heure et 30 minutes »."""
    minutes = int(duree.total_seconds() // 60)
    heures, minutes = divmod(minutes, 60)
    morceaux = []
    if heures:
        morceaux.append(f"{heures} heure{'s' if heures > 1 else ''}")
    if minutes or not heures:
        morceaux.append(f"{minutes} minute{'s' if minutes > 1 else ''}")
    return " et ".join(morceaux)


def deverrouiller(email: str) -> int:
    """Forget the failed logins of an account (every address): the administrator's unlock."""
    return AccessAttempt.objects.filter(username__iexact=email).delete()[0]
