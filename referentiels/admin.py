from django.contrib import admin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import Bareme, CorrespondantMip, Departement, Organisation, PublicPrioritaire, Region, ValeurBareme


@admin.register(CorrespondantMip)
class CorrespondantMipAdmin(admin.ModelAdmin):
    list_display = ["nom", "email"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["nom", "code_insee", "correspondant_mip", "outre_mer"]
    list_select_related = ["correspondant_mip"]


@admin.register(Departement)
class DepartementAdmin(RechercheSansAccentsAdmin, admin.ModelAdmin):
    list_display = ["code", "nom", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["code", "nom"]


@admin.register(Organisation)
class OrganisationAdmin(RechercheSansAccentsAdmin, admin.ModelAdmin):
    list_display = ["nom", "type", "region", "departement"]
    list_filter = ["type", "region"]
    list_select_related = ["region", "departement"]
    search_fields = ["nom"]
    autocomplete_fields = ["departement"]


@admin.register(PublicPrioritaire)
class PublicPrioritaireAdmin(admin.ModelAdmin):
    list_display = ["libelle", "code", "ordre", "actif"]
    prepopulated_fields = {"code": ["libelle"]}


class ValeurBaremeInline(admin.TabularInline):
    model = ValeurBareme
    extra = 0


@admin.register(Bareme)
class BaremeAdmin(admin.ModelAdmin):
    list_display = ["code", "connu_jusqu_au", "source"]
    inlines = [ValeurBaremeInline]
