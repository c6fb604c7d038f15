"""The decimal fields the convention models share: amounts in euros, weekly hours, rates in percent."""

from django.db import models


def champ_montant(libelle):
    return models.DecimalField(libelle, max_digits=9, decimal_places=2, null=True, blank=True)


def champ_heures(libelle):
    return models.DecimalField(libelle, max_digits=4, decimal_places=2, null=True, blank=True)


def champ_taux(libelle):
    return models.DecimalField(libelle, max_digits=5, decimal_places=2, null=True, blank=True)
