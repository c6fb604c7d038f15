"""Jobs of the CAE-jeunes programme (sent with ``cui_portal.taches.envoyer_tache``; idempotent, safe to retry)."""

from datetime import date

from celery import shared_task


@shared_task(
    name="tableau_de_bord.rafraichir_indicateurs", autoretry_for=(Exception,), max_retries=3, retry_backoff=True
)
def rafraichir_indicateurs_task(region_ids: list[int] | None = None, depuis: str | None = None) -> int:
    """Recompute the aggregate indicators of the dashboards. To schedule periodically (e.g. every hour, or
    nightly in full with no argument); ``signaux`` sends it after a convention is concluded with
    ``envoyer_tache(rafraichir_indicateurs_task, [region_id], date_conclusion.isoformat())``.

    A full refresh (no region given) is split into a Celery group of one task per region, so that every worker,
    on every machine, takes a share: each region's rows are replaced in one transaction (a dashboard never sees
    half of a region's refresh; regions may differ by the minutes between two tasks). Returns the number of
    aggregate rows written, or for a full refresh the number of regional tasks sent."""
    if region_ids is None:
        from celery import group

        from cui_portal.taches import envoyer_tache
        from referentiels.models import Region

        regions = list(Region.objects.order_by("pk").values_list("pk", flat=True))
        envoyer_tache(group(rafraichir_indicateurs_task.si([pk], depuis) for pk in regions))
        return len(regions)
    from .services_indicateurs import rafraichir_indicateurs

    return rafraichir_indicateurs(regions=region_ids, depuis=date.fromisoformat(depuis) if depuis else None)
