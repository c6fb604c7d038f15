from celery import shared_task


@shared_task(acks_late=True)
def verifier_releve_asp(pk: int) -> None:
    """Check a deposited ASP statement (long files): idempotent, the preview page polls its progress."""
    from .services import verifier_releve

    verifier_releve(pk)
