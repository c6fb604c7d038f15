from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import Arrete, StatutArrete, TauxPriseEnCharge


class TauxPriseEnChargeInline(admin.TabularInline):
    model = TauxPriseEnCharge
    extra = 0

    # A published arrêté can no longer be edited, not even here.
    def has_add_permission(self, request, obj=None):
        return obj is None or obj.statut == StatutArrete.BROUILLON

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.statut == StatutArrete.BROUILLON

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.statut == StatutArrete.BROUILLON


@admin.register(Arrete)
class ArreteAdmin(RechercheSansAccentsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "region", "annee", "portee", "statut", "date_publication"]
    list_filter = ["statut", "annee", "portee", "region"]
    list_select_related = ["region"]
    search_fields = ["numero", "titre", "region__nom"]
    inlines = [TauxPriseEnChargeInline]
    readonly_fields = ["statut", "remplace_par", "date_abrogation", "cree_le", "modifie_le"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.statut != StatutArrete.BROUILLON:
            return False
        return super().has_change_permission(request, obj)
