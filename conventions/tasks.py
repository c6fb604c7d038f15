"""Jobs of the conventions (idempotent, safe to retry)."""

from celery import shared_task


@shared_task(name="conventions.mettre_a_jour_statuts")
def mettre_a_jour_statuts_task() -> int:
    """Move concluded conventions to « en cours » on their start date and to « terminée » after their end date.
    Scheduled daily by ``rappels.planification``; running it twice the same day changes nothing the second time."""
    from .services.evenements import mettre_a_jour_statuts

    return mettre_a_jour_statuts()


@shared_task(name="conventions.recalculer_echeanciers")
def recalculer_echeanciers_task() -> int:
    """Rewrite every schedule of the aid after a change of the SMIC or RSA tables (all or nothing)."""
    from .services.echeancier import recalculer_echeanciers

    return recalculer_echeanciers()
