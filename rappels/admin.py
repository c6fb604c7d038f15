from django.contrib import admin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import Rappel, TravailDiffere


@admin.register(Rappel)
class RappelAdmin(RechercheSansAccentsAdmin, admin.ModelAdmin):
    list_display = ["type", "niveau", "destinataire", "echeance", "envoye_le", "lu_le", "tentatives"]
    list_filter = ["type", "niveau", ("envoye_le", admin.EmptyFieldListFilter)]
    search_fields = ["destinataire", "cle", "libelle"]
    date_hierarchy = "echeance"
    readonly_fields = [f.name for f in Rappel._meta.concrete_fields]


@admin.register(TravailDiffere)
class TravailDiffereAdmin(admin.ModelAdmin):
    list_display = ["type", "proprietaire", "statut", "progression", "cree_le", "termine_le"]
    list_filter = ["type", "statut"]
    readonly_fields = [f.name for f in TravailDiffere._meta.concrete_fields]
