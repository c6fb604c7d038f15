"""A change of a legal scale (a SMIC or RSA value added, corrected or removed, in the admin or by
``charger_referentiels``) queues the recomputation of every schedule of the aid, once the change is committed:
the months after the new value follow it, without anyone having to remember the command."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cui_portal.taches import envoyer_tache_une_fois
from referentiels.models import ValeurBareme


@receiver(post_save, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_enregistre")
@receiver(post_delete, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_supprime")
def recalculer_apres_changement_de_bareme(sender, instance, raw=False, **kwargs):
    if raw:  # loading a fixture
        return
    from .tasks import recalculer_echeanciers_task

    envoyer_tache_une_fois(recalculer_echeanciers_task)  # a whole scale loaded at once recomputes them once
