"""Jobs of the conventions (idempotent, safe to retry)."""

from celery import Task, shared_task


@shared_task(name="conventions.mettre_a_jour_statuts")
def mettre_a_jour_statuts_task() -> int:
    """Move concluded conventions to « en cours » on their start date and to « terminée » after their end date.
    Scheduled daily by ``rappels.planification``; running it twice the same day changes nothing the second time."""
    from .services.evenements import mettre_a_jour_statuts

    return mettre_a_jour_statuts()


@shared_task(name="conventions.recalculer_echeanciers")
def recalculer_echeanciers_task() -> int:
    """Rewrite every schedule of the aid after a change of the SMIC or RSA tables (all or nothing): a Celery
    group of per-block tasks (``services.echeancier_blocs``), so that every worker takes a share. Returns the
    number of blocks sent."""
    from .services.echeancier_blocs import lancer_recalcul

    return lancer_recalcul().blocs


class TacheDeBloc(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """A block that failed its last retry: the whole run fails, nothing of the schedules has changed."""
        from .models_recalcul import BlocRecalcul
        from .services.echeancier_blocs import echouer

        bloc = BlocRecalcul.objects.filter(pk=args[0]).values_list("recalcul_id", flat=True).first()
        if bloc is not None:
            echouer(bloc, "Rien n'a été modifié : un bloc du recalcul a échoué après plusieurs essais.")


@shared_task(
    name="conventions.calculer_bloc_echeancier",
    base=TacheDeBloc,
    acks_late=True,
    autoretry_for=(Exception,),
    max_retries=3,
    retry_backoff=True,
)
def calculer_bloc_task(bloc_pk: int) -> bool:
    """One block of a national recomputation (idempotent: run again, it replaces its own rows)."""
    from .services.echeancier_blocs import calculer_bloc

    return calculer_bloc(bloc_pk)
