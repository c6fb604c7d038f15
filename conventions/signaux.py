"""A change of a legal scale (a SMIC or RSA value added, corrected or removed, in the admin or by
``charger_referentiels``) queues the recomputation of every schedule of the aid, once the change is committed:
the months after the new value follow it, without anyone having to remember the command.

A save of a convention, of its employer's record or of its employee's record rewrites the convention's search
text (``texte_de_recherche``)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from cui_portal.taches import envoyer_tache_une_fois
from referentiels.models import ValeurBareme

from . import texte_de_recherche
from .models import Convention
from .models_parties import Employeur, Salarie


@receiver(post_save, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_enregistre")
@receiver(post_delete, sender=ValeurBareme, dispatch_uid="echeanciers_apres_bareme_supprime")
def recalculer_apres_changement_de_bareme(sender, instance, raw=False, **kwargs):
    if raw:  # loading a fixture
        return
    from .tasks import recalculer_echeanciers_task

    envoyer_tache_une_fois(recalculer_echeanciers_task)  # a whole scale loaded at once recomputes them once


@receiver(post_save, sender=Convention, dispatch_uid="recherche_apres_convention")
def recherche_apres_convention(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and texte_de_recherche.a_rafraichir(update_fields):
        texte_de_recherche.rafraichir(Convention.objects.filter(pk=instance.pk))


@receiver(post_save, sender=Employeur, dispatch_uid="recherche_apres_employeur")
def recherche_apres_employeur(sender, instance, raw=False, **kwargs):
    if not raw:
        texte_de_recherche.rafraichir(Convention.objects.filter(employeur_id=instance.pk))


@receiver(post_save, sender=Salarie, dispatch_uid="recherche_apres_salarie")
def recherche_apres_salarie(sender, instance, raw=False, **kwargs):
    if not raw:
        texte_de_recherche.rafraichir(Convention.objects.filter(salarie_id=instance.pk))


@receiver(pre_delete, sender=Convention, dispatch_uid="totaux_avant_suppression")
def totaux_avant_suppression(sender, instance, **kwargs):
    """A convention deleted takes its months with it (``CASCADE``): their sums leave the monthly totals first."""
    from .services import totaux_mensuels

    totaux_mensuels.retirer([instance.pk])
