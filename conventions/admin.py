"""Administration of conventions: the NIR never appears in lists and is shown masked (read-only) in forms."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cui_portal.recherche import RechercheSansAccentsAdmin
from droit.vocabulaire import StatutConvention

from .models import Convention
from .models_cerfa import ActionAccompagnement, ActionFormation
from .models_evenements import Avenant, PeriodeImmersion, SequenceNumero
from .models_parties import Employeur, Salarie
from .models_recalcul import RecalculEcheanciers


@admin.register(Employeur)
class EmployeurAdmin(RechercheSansAccentsAdmin, SimpleHistoryAdmin):
    list_display = ["raison_sociale", "siret", "statut_juridique", "departement"]
    list_filter = ["statut_juridique", "departement__region"]
    search_fields = ["raison_sociale", "siret"]
    autocomplete_fields = ["departement"]
    readonly_fields = ["a_eu_contrats_aides"]  # derived from its earlier conventions (same SIRET)


@admin.register(Salarie)
class SalarieAdmin(RechercheSansAccentsAdmin, SimpleHistoryAdmin):
    list_display = ["nom", "prenom", "date_naissance", "departement"]
    search_fields = ["nom", "prenom"]
    exclude = ["nir"]
    readonly_fields = ["nir_masque", "anonymise_le"]

    @admin.display(description="NIR")
    def nir_masque(self, obj):
        return obj.nir_masque


class AvenantInline(admin.TabularInline):
    model = Avenant
    extra = 0
    fields = ["numero", "type", "date", "date_effet", "date_fin", "taux", "aide_mensuelle"]
    readonly_fields = fields
    can_delete = False


class PeriodeImmersionInline(admin.TabularInline):
    model = PeriodeImmersion
    extra = 0


class ConventionAdminForm(forms.ModelForm):
    """The admin writes a convention through the one check of every write (``services.verification``): the
    rules of a draft for a draft, those of a modification for a concluded convention (co-financing under a
    signed CAOM, rate, hours, length…), each violation at its field."""

    types_accompagnement = forms.MultipleChoiceField(
        label="Actions d'accompagnement (rubriques)",
        choices=ActionAccompagnement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    types_formation = forms.MultipleChoiceField(
        label="Actions de formation (rubriques)",
        choices=ActionFormation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Convention
        fields = "__all__"  # noqa: DJ007 — the admin shows every field, as before

    def _post_clean(self):
        super()._post_clean()
        from .regles.convention import AVENANT_MODIFICATION, BROUILLON_ENREGISTRE
        from .services.verification import verifier

        if self.errors or self.instance.employeur_id is None or self.instance.salarie_id is None:
            return
        brouillon = self.instance.statut == StatutConvention.BROUILLON
        violations = verifier(self.instance, BROUILLON_ENREGISTRE if brouillon else AVENANT_MODIFICATION)
        if not brouillon and CHAMPS_DU_TUTEUR & set(self.changed_data):
            from .regles.tuteur import verifier_tuteur
            from .services.verification import donnees_de

            d = donnees_de(self.instance)
            violations += verifier_tuteur(d.tuteur, d.type_contrat, d.date_debut, d.date_fin, complete=True)
        if not brouillon and CHAMPS_DU_CERFA & set(self.changed_data):
            from .regles.cerfa import verifier_cerfa
            from .services.verification import rubriques_de

            c = self.instance
            violations += verifier_cerfa(
                rubriques_de(c),
                c.type_contrat,
                c.type_contrat_travail,
                c.date_embauche,
                c.date_fin_contrat_travail,
                complete=True,
            )
        for violation in violations:
            champ = CHAMPS_DE_L_ADMIN.get(violation.champ, violation.champ)
            self.add_error(champ if champ in self.fields else None, violation.message)


CHAMPS_DU_TUTEUR = frozenset({"tuteur_nom", "tuteur_volontaire", "tuteur_experience_mois", "tuteur_est_employeur"})
# The rubrics of the Cerfa a concluded convention holds as signed (``regles.cerfa``)
CHAMPS_DU_CERFA = frozenset(
    {
        "emploi_intitule",
        "code_rome",
        "salaire_horaire_brut",
        "lieu_travail",
        "periode_essai_jours",
        "types_accompagnement",
        "types_formation",
        "actions_accompagnement",
        "actions_formation",
        "resultat_formation",
        "declaration_cotisations_a_jour",
        "declaration_sans_licenciement_economique",
        "declaration_sans_remplacement",
    }
)
# The event forms name the motive « motif »; the admin shows the convention's field.
CHAMPS_DE_L_ADMIN = {"motif": "motif_rupture"}


@admin.register(Convention)
class ConventionAdmin(RechercheSansAccentsAdmin, SimpleHistoryAdmin):
    form = ConventionAdminForm
    list_display = ["numero", "type_contrat", "statut", "employeur", "salarie", "prescripteur", "date_conclusion"]
    list_filter = ["type_contrat", "statut", "financement", "region"]
    search_fields = ["numero", "employeur__raison_sociale", "employeur__siret", "salarie__nom", "salarie__prenom"]
    list_select_related = ["employeur", "salarie", "prescripteur"]
    raw_id_fields = ["employeur", "salarie", "convention_precedente", "arrete", "caom"]
    autocomplete_fields = ["departement"]
    readonly_fields = [
        "numero",
        "smic_horaire",
        "contribution_cg_max",
        "aide_mensuelle",
        "part_etat",
        "part_conseil_general",
        "duree_mois",
        "engagement_etat",
        "engagement_conseil_general",
    ]
    inlines = [PeriodeImmersionInline, AvenantInline]
    date_hierarchy = "date_conclusion"


@admin.register(SequenceNumero)
class SequenceNumeroAdmin(admin.ModelAdmin):
    list_display = ["type_contrat", "departement", "annee", "dernier"]
    readonly_fields = ["dernier"]


@admin.register(RecalculEcheanciers)
class RecalculEcheanciersAdmin(admin.ModelAdmin):
    """Follow a national recomputation by blocks (``manage.py recalculer_echeanciers --blocs``): read only."""

    list_display = ("cree_le", "statut", "blocs", "conventions", "ecrites", "termine_le", "message")
    list_filter = ("statut",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
