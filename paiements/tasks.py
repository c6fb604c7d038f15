from celery import shared_task


@shared_task(acks_late=True)
def verifier_releve_asp(pk: int) -> None:
    """Check a deposited ASP statement (long files): idempotent, the preview page polls its progress."""
    from .services import verifier_releve

    verifier_releve(pk)


@shared_task(name="paiements.reprendre_releves")
def reprendre_releves() -> dict[str, int]:
    """Every few minutes (beat): resume the checks of ASP statements left « en cours » by a lost message or a dead
    worker, and fail with an explanation those that never end."""
    from .services import reprendre_releves_interrompus

    return reprendre_releves_interrompus()
