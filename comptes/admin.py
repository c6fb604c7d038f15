from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Habilitation, Utilisateur


class HabilitationInline(admin.TabularInline):
    model = Habilitation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Utilisateur)
class UtilisateurAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "prenom", "nom", "is_active", "is_staff"]
    search_fields = ["email", "prenom", "nom"]
    inlines = [HabilitationInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Identité", {"fields": ("prenom", "nom")}),
        ("Droits", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ("groups",)


@admin.register(Habilitation)
class HabilitationAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "organisation", "role", "actif"]
    list_filter = ["role"]
    list_select_related = ["utilisateur", "organisation"]
    autocomplete_fields = ["utilisateur", "organisation"]
