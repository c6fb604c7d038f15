from celery import shared_task


@shared_task(acks_late=True)
def verifier_import_taux(pk: int) -> None:
    """Check a deposited rates file (long files): idempotent, the preview page polls its progress."""
    from .services import verifier_import

    verifier_import(pk)
