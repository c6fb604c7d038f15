"""A change of a legal scale (a SMIC or RSA value added, corrected or removed, in the admin or by
``charger_referentiels``) queues the recomputation of every schedule of the aid, once the change is committed:
the months after the new value follow it, without anyone having to remember the command."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cui_portal.taches import envoyer_tache
from referentiels.models import ValeurBareme


@receiver(post_save, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_enregistre")
@receiver(post_delete, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_supprime")
def recalculer_apres_changement_de_bareme(sender, instance, raw=False, **kwargs):
    if raw:  # loading a fixture
        return
    from .tasks import recalculer_echeanciers_task

    if not _deja_prevu(recalculer_echeanciers_task):
        envoyer_tache(recalculer_echeanciers_task)


def _deja_prevu(tache) -> bool:
    """Whether the current transaction already queues ``tache`` at its commit (a whole scale loaded at once
    recomputes the schedules once)."""
    attente = transaction.get_connection().run_on_commit
    return any(isinstance(f, partial) and f.args[:1] == (tache,) for _, f, *_ in attente)
