"""The decimal fields the convention models share: amounts in euros, weekly hours, rates in percent."""

from django.db import models

from cui_portal.contraintes import refus
from droit.nombres import HEURES_MAX, SOURCE_HEURES, SOURCE_PLAFOND_CAE_ACI, TAUX_MAX, nombre


def champ_montant(libelle):
    return models.DecimalField(libelle, max_digits=9, decimal_places=2, null=True, blank=True)


def champ_heures(libelle):
    return models.DecimalField(libelle, max_digits=4, decimal_places=2, null=True, blank=True)


def champ_taux(libelle):
    return models.DecimalField(libelle, max_digits=5, decimal_places=2, null=True, blank=True)


# Messages of the constraints shared by the convention and its avenants.
MESSAGE_TAUX = refus(
    f"Le taux de prise en charge est positif et d'au plus {nombre(TAUX_MAX)} % du SMIC brut, le plus haut des "
    f"plafonds (CAE en atelier et chantier d'insertion, {SOURCE_PLAFOND_CAE_ACI})."
)
MESSAGE_HEURES_PRISES_EN_CHARGE = refus(
    f"La durée hebdomadaire prise en charge est positive et d'au plus {nombre(HEURES_MAX)} heures ({SOURCE_HEURES})."
)
