"""Jobs of the CAE-jeunes programme (sent with ``cui_portal.taches.envoyer_tache``; idempotent, safe to retry)."""

from datetime import date

from celery import shared_task


@shared_task(
    name="tableau_de_bord.rafraichir_indicateurs", autoretry_for=(Exception,), max_retries=3, retry_backoff=True
)
def rafraichir_indicateurs_task(region_ids: list[int] | None = None, depuis: str | None = None) -> int:
    """Recompute the aggregate indicators of the dashboards. To schedule periodically (e.g. every hour, or
    nightly in full with no argument); ``signaux`` sends it after a convention is concluded with
    ``envoyer_tache(rafraichir_indicateurs_task, [region_id], date_conclusion.isoformat())``."""
    from .services_indicateurs import rafraichir_indicateurs

    return rafraichir_indicateurs(regions=region_ids, depuis=date.fromisoformat(depuis) if depuis else None)
