"""The ASP's statements are recorded through their import (all or nothing); the administration reads them."""

from django.contrib import admin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import PaiementAsp, ReleveAsp


class LectureSeule:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReleveAsp)
class ReleveAspAdmin(RechercheSansAccentsAdmin, LectureSeule, admin.ModelAdmin):
    list_display = ["nom_fichier", "region", "statut", "total", "cree_le", "enregistre_le", "auteur"]
    list_filter = ["statut", "region"]
    list_select_related = ["region", "auteur"]
    search_fields = ["nom_fichier", "empreinte"]
    exclude = ["contenu", "lignes"]


@admin.register(PaiementAsp)
class PaiementAspAdmin(RechercheSansAccentsAdmin, LectureSeule, admin.ModelAdmin):
    list_display = ["convention", "mois", "montant_etat", "montant_conseil_general", "region", "releve"]
    list_filter = ["region", "mois"]
    list_select_related = ["convention", "region", "releve"]
    search_fields = ["convention__numero"]
    raw_id_fields = ["convention", "releve"]
    date_hierarchy = "mois"

    def has_delete_permission(self, request, obj=None):
        return False  # a statement's payments go with their statement
