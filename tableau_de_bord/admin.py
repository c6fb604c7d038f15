from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    BilanEtape,
    ComitePilotage,
    ConventionOperateur,
    CreditIngenierie,
    DemandePaiement,
    LigneBilan,
    ObjectifRegional,
    Operateur,
    Quinzaine,
)


@admin.register(Quinzaine)
class QuinzaineAdmin(admin.ModelAdmin):
    list_display = ["annee", "numero", "date_debut", "date_fin", "date_echeance"]
    list_filter = ["annee"]


class LigneBilanInline(admin.StackedInline):
    model = LigneBilan
    extra = 0


@admin.register(BilanEtape)
class BilanEtapeAdmin(SimpleHistoryAdmin):
    list_display = ["region", "quinzaine", "statut", "soumis_le", "lu_le"]
    list_filter = ["statut", "quinzaine__annee", "region"]
    inlines = [LigneBilanInline]
    readonly_fields = ["version"]


@admin.register(ObjectifRegional)
class ObjectifRegionalAdmin(admin.ModelAdmin):
    list_display = ["region", "annee", "objectif_cae", "objectif_cie", "objectif_cae_jeunes"]
    list_filter = ["annee"]


@admin.register(Operateur)
class OperateurAdmin(admin.ModelAdmin):
    list_display = ["organisation", "region", "nature", "actif"]
    list_filter = ["nature", "region"]


@admin.register(ConventionOperateur)
class ConventionOperateurAdmin(SimpleHistoryAdmin):
    list_display = ["operateur", "objet", "montant", "signee_le", "transmise_asp_le"]


@admin.register(CreditIngenierie)
class CreditIngenierieAdmin(admin.ModelAdmin):
    list_display = ["region", "annee", "montant_notifie"]


@admin.register(DemandePaiement)
class DemandePaiementAdmin(SimpleHistoryAdmin):
    list_display = ["convention", "montant", "date_dossier_complet", "payee_le"]


@admin.register(ComitePilotage)
class ComitePilotageAdmin(SimpleHistoryAdmin):
    list_display = ["region", "date", "lieu", "transmis_dgefp_le"]
