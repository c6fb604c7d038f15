"""Reminders and deferred works for the tests (factory_boy)."""

from datetime import timedelta

import factory
from django.utils import timezone

from rappels.models import Rappel, TravailDiffere, TypeRappel


class RappelFactory(factory.django.DjangoModelFactory):
    """A reminder sent an hour ago (``envoye_le=None`` for one still to send); pass ``destinataire``."""

    class Meta:
        model = Rappel

    type = TypeRappel.ARRETE_ANNUEL
    cle = factory.Sequence(lambda n: f"arrete:11:{2011 + n}")
    utilisateur = None
    echeance = factory.LazyFunction(timezone.localdate)
    niveau = "1er_novembre"
    sujet = "Rappel"
    libelle = "Aucun arrêté 2011 publié"
    lien = "/arretes/"
    envoye_le = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class TravailDiffereFactory(factory.django.DjangoModelFactory):
    """A deferred work waiting for a worker; pass ``proprietaire``."""

    class Meta:
        model = TravailDiffere

    type = "export_organisations_xlsx"
