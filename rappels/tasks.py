"""Celery tasks of the reminders and deferred work. Every task is idempotent and may be retried or duplicated."""

from datetime import date

from celery import shared_task


@shared_task(name="rappels.envoyer_rappels", acks_late=True)
def envoyer_rappels(date_iso: str | None = None) -> dict:
    """The daily run: create and send the reminders due today (or on ``date_iso``)."""
    from .services import executer

    resultat = executer(date.fromisoformat(date_iso) if date_iso else None)
    return {"crees": resultat.crees, "envoyes": resultat.envoyes, "echecs": resultat.echecs}


@shared_task(name="rappels.executer_travail", acks_late=True)
def executer_travail(pk: str) -> str | None:
    from .travaux import executer

    travail = executer(pk)
    return travail.statut if travail else None


@shared_task(name="rappels.nettoyer_travaux")
def nettoyer_travaux() -> int:
    from .travaux import nettoyer

    return nettoyer()


@shared_task(name="rappels.reprendre_travaux")
def reprendre_travaux() -> int:
    """Every few minutes: the deferred works whose message was lost are run anyway."""
    from .travaux import reprendre

    return reprendre()


@shared_task(name="rappels.anonymiser_salaries")
def anonymiser_salaries() -> int:
    """Monthly: anonymise the employees whose last convention ended more than a year ago (R5134-23)."""
    from .anonymisation import anonymiser

    return len(anonymiser())
