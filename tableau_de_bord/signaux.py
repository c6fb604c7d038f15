"""Keep the aggregates fresh when a convention is concluded or changed, without ``conventions`` importing upward:
this app (the higher one) listens to the conventions' signals. The refresh is scoped (one region, from the
fortnight of conclusion), idempotent, and sent after the commit with ``envoyer_tache``: a broker outage is logged,
never raised into the convention's request (the periodic task catches up); any other error is a bug and is raised."""

from cui_portal.taches import envoyer_tache

from .tasks import rafraichir_indicateurs_task


def _programmer(region_id, date_conclusion):
    envoyer_tache(rafraichir_indicateurs_task, [region_id], date_conclusion.isoformat())


def convention_enregistree(sender, instance, **kwargs):
    if instance.statut != "brouillon" and instance.date_conclusion and instance.region_id:
        _programmer(instance.region_id, instance.date_conclusion)


def periode_immersion_modifiee(sender, instance, **kwargs):
    convention = getattr(instance, "convention", None)
    if convention is not None:
        convention_enregistree(sender, convention)


def brancher():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(convention_enregistree, sender="conventions.Convention", dispatch_uid="tdb_convention")
    post_save.connect(periode_immersion_modifiee, sender="conventions.PeriodeImmersion", dispatch_uid="tdb_periode")
    post_delete.connect(
        periode_immersion_modifiee, sender="conventions.PeriodeImmersion", dispatch_uid="tdb_periode_sup"
    )
