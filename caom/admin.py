from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import AvenantCaom, Caom, EtapeCaom


class EtapeCaomInline(admin.TabularInline):
    model = EtapeCaom
    extra = 0
    fields = ["date_etape", "statut_precedent", "statut", "instance_deliberation", "auteur", "commentaire"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # steps are recorded by the negotiation page, which checks their order


class AvenantCaomInline(admin.TabularInline):
    model = AvenantCaom
    extra = 0
    readonly_fields = ["numero", "avant", "auteur", "enregistre_le"]


@admin.register(Caom)
class CaomAdmin(RechercheSansAccentsAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "annee", "departement", "statut", "date_deliberation", "date_signature"]
    list_filter = ["annee", "statut", "departement__region"]
    list_select_related = ["departement"]
    search_fields = ["departement__nom", "departement__code"]
    readonly_fields = ["cree_le", "modifie_le"]
    inlines = [EtapeCaomInline, AvenantCaomInline]


@admin.register(AvenantCaom)
class AvenantCaomAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date_avenant", "nb_cae_cofinances", "nb_cie_cofinances"]
    list_select_related = ["caom__departement"]
    readonly_fields = ["avant", "auteur", "enregistre_le"]
