from celery import shared_task


@shared_task(acks_late=True)
def verifier_import_taux(pk: int) -> None:
    """Check a deposited rates file (long files): idempotent, the preview page polls its progress."""
    from .services import verifier_import

    verifier_import(pk)


@shared_task(name="arretes.reprendre_imports")
def reprendre_imports() -> dict[str, int]:
    """Every few minutes (beat): resume the rates checks left « en cours » by a lost message or a dead worker, and
    fail with an explanation those that never end."""
    from .services import reprendre_imports_interrompus

    return reprendre_imports_interrompus()
