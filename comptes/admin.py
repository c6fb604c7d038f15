from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from cui_portal.recherche import RechercheSansAccentsAdmin

from .models import Habilitation, Utilisateur
from .verrouillage import deverrouiller


class HabilitationInline(admin.TabularInline):
    model = Habilitation
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Utilisateur)
class UtilisateurAdmin(RechercheSansAccentsAdmin, UserAdmin):
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
    actions = ["debloquer_la_connexion"]

    @admin.action(description="Débloquer la connexion (oublier les échecs de connexion)")
    def debloquer_la_connexion(self, request, queryset):
        oublies = sum(deverrouiller(u.email) for u in queryset)
        self.message_user(
            request,
            f"Connexion débloquée pour {queryset.count()} compte(s) ; {oublies} échec(s) oublié(s).",
            messages.SUCCESS,
        )


@admin.register(Habilitation)
class HabilitationAdmin(admin.ModelAdmin):
    list_display = ["utilisateur", "organisation", "role", "actif"]
    list_filter = ["role"]
    list_select_related = ["utilisateur", "organisation"]
    autocomplete_fields = ["utilisateur", "organisation"]
