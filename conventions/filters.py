"""Filters of the list of conventions (django-filter): contract, status, territory, employer, public, dates of
conclusion, immersion, CAE-jeunes, CAOM, and a search on the number, the employer's and the employee's names.

A NIR is never searched through ``q`` (it would travel in a URL): the list POSTs its form and turns a NIR into
a token of the session (``conventions/recherche_nir.py``).
"""

import re

import django_filters
from django import forms
from django.db.models import F, Q
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from cui_portal import parametres
from cui_portal.permissions import departements_a_choisir, regions_a_choisir
from cui_portal.recherche import contient, texte_recherche
from droit.nombres import AGE_MAX_CAE_JEUNES, DUREE_MIN_CAE_JEUNES_MOIS
from droit.vocabulaire import STATUTS_CAE_JEUNES, StatutConvention, TypeContrat
from referentiels.models import Departement, PublicPrioritaire, Region

from . import texte_de_recherche
from .forms import FORMATS_DATE
from .models import Convention
from .models_parties import Employeur

OUI_NON = [("", "Toutes"), ("oui", "Oui"), ("non", "Non")]
RESSEMBLE_A_UN_NIR = re.compile(r"^[12378]\s?\d{2}\s?(\d{2}|2[AB])")


def ressemble_a_un_nir(texte: str) -> bool:
    compact = re.sub(r"\s", "", texte or "")
    return len(compact) >= 13 and bool(RESSEMBLE_A_UN_NIR.match(compact)) and compact[5:].isdigit()


def _employeurs(texte: str):
    """The employers' records whose raison sociale holds the text, without case nor accents."""
    return Employeur.objects.filter(contient("raison_sociale", texte)).values("pk")


def _date(libelle, champ="date_conclusion"):
    return django_filters.DateFilter(
        field_name=champ,
        label=libelle,
        input_formats=FORMATS_DATE,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "jj/mm/aaaa"}),
        help_text="Format attendu : jj/mm/aaaa.",
    )


class ConventionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Rechercher",
        method="rechercher",
        help_text=(
            "Numéro de convention, employeur ou nom du salarié (chaque mot tapé est cherché), "
            "ou NIR (jamais gardé dans l'adresse)."
        ),
    )
    type_contrat = django_filters.ChoiceFilter(
        label="Contrat", choices=TypeContrat.choices, empty_label="Tous les contrats"
    )
    statut = django_filters.ChoiceFilter(
        label="Statut", choices=StatutConvention.choices, empty_label="Tous les statuts", method="filtrer_statut"
    )
    region = django_filters.ModelChoiceFilter(label="Région", queryset=Region.objects.all(), empty_label="Toutes")
    departement = django_filters.ModelChoiceFilter(
        label="Département", queryset=Departement.objects.all(), empty_label="Tous"
    )
    employeur = django_filters.CharFilter(label="Employeur (nom ou SIRET)", method="filtrer_employeur")
    public = django_filters.ModelChoiceFilter(
        label="Public prioritaire", queryset=PublicPrioritaire.objects.all(), empty_label="Tous"
    )
    conclue_du = _date("Conclue à partir du")
    conclue_au = _date("Conclue jusqu'au")
    fin_du = _date("Finissant à partir du", "date_fin")
    fin_au = _date("Finissant jusqu'au", "date_fin")
    immersion = django_filters.ChoiceFilter(
        label="Immersion", choices=OUI_NON[1:], empty_label="Toutes", method="filtrer_immersion"
    )
    cae_jeunes = django_filters.ChoiceFilter(
        label="CAE-jeunes", choices=OUI_NON[1:], empty_label="Toutes", method="filtrer_cae_jeunes"
    )
    en_vigueur = django_filters.ChoiceFilter(
        label="En vigueur ce jour",
        choices=OUI_NON[1:],
        empty_label="Toutes",
        method="filtrer_en_vigueur",
        help_text="Conclue, en cours ou suspendue au jour du portail.",
    )
    caom = django_filters.NumberFilter(field_name="caom_id", widget=forms.HiddenInput)
    tri = django_filters.OrderingFilter(
        label="Trier par",
        fields=(("date_conclusion", "date_conclusion"), ("date_debut", "date_debut")),
        field_labels={
            "date_conclusion": "Date de conclusion (plus ancienne d'abord)",
            "-date_conclusion": "Date de conclusion (plus récente d'abord)",
            "date_debut": "Début de la convention (plus ancien d'abord)",
            "-date_debut": "Début de la convention (plus récent d'abord)",
        },
        empty_label="Date de conclusion (plus récente d'abord)",
    )

    class Meta:
        model = Convention
        fields = []

    IDENTIFIANTS = ("region", "departement", "public", "caom")

    def __init__(self, data=None, *args, perimetre=None, **kwargs):
        if data is not None:
            # An identifier beyond 64 bits never reaches the database (SQLite would overflow): it is ignored.
            data = data.copy()
            for nom in self.IDENTIFIANTS:
                if data.get(nom) and parametres.identifiant(data.get(nom)) is None:
                    data.pop(nom)
        super().__init__(data, *args, **kwargs)
        self.filters["conclue_du"].lookup_expr = "gte"
        self.filters["conclue_au"].lookup_expr = "lte"
        self.filters["fin_du"].lookup_expr = "gte"
        self.filters["fin_au"].lookup_expr = "lte"
        if perimetre is not None:
            # Only the territory one may see: a region its départements, others nothing to choose.
            self.filters["departement"].queryset = departements_a_choisir(Departement.objects.all(), perimetre)
            self.filters["region"].queryset = regions_a_choisir(Region.objects.all(), perimetre)

    def filtrer_statut(self, queryset, name, value):
        """The status on the clock's day (computed from the dates), not the one a job last stored."""
        return queryset.au_statut(value)

    def filtrer_en_vigueur(self, queryset, name, value):
        """In force on the clock's day (concluded, in progress or suspended), from the dates."""
        actives = queryset.actives()
        return actives if value == "oui" else queryset.exclude(pk__in=actives.values("pk"))

    def rechercher(self, queryset, name, value):
        """Number, employer or the employee's names, without case nor accents, each word found
        (``texte_de_recherche``: one column and its trigram index). A NIR is never searched here."""
        texte = texte_recherche(value)
        if not texte or ressemble_a_un_nir(texte):
            return queryset
        return queryset.filter(texte_de_recherche.condition(value))

    def filtrer_employeur(self, queryset, name, value):
        value = texte_recherche(value)
        if not value:
            return queryset
        compact = value.replace(" ", "")
        if compact.isdigit():
            return queryset.filter(employeur__siret__startswith=compact)
        return queryset.filter(employeur__in=_employeurs(value))

    def filtrer_immersion(self, queryset, name, value):
        if value == "oui":
            return queryset.filter(immersion=True)
        if value == "non":
            return queryset.filter(immersion=False)
        return queryset

    def filtrer_cae_jeunes(self, queryset, name, value):
        """CAE, employee under 26 at hiring, at least 12 months, collectivité or association (circular
        2009-38); the age is computed in the database from the years, months and days (portable)."""
        if value not in ("oui", "non"):
            return queryset
        annotee = queryset.annotate(
            _ecart=ExtractYear("date_embauche") - ExtractYear("salarie__date_naissance"),
            _m_e=ExtractMonth("date_embauche"),
            _m_n=ExtractMonth("salarie__date_naissance"),
            _j_e=ExtractDay("date_embauche"),
            _j_n=ExtractDay("salarie__date_naissance"),
        )
        moins_de_26 = Q(_ecart__lt=AGE_MAX_CAE_JEUNES) | Q(_ecart=AGE_MAX_CAE_JEUNES) & (
            Q(_m_e__lt=F("_m_n")) | Q(_m_e=F("_m_n"), _j_e__lt=F("_j_n"))
        )
        condition = (
            Q(type_contrat=TypeContrat.CAE, employeur__statut_juridique__in=STATUTS_CAE_JEUNES)
            & Q(duree_mois__gte=DUREE_MIN_CAE_JEUNES_MOIS)
            & moins_de_26
        )
        return annotee.filter(condition) if value == "oui" else annotee.exclude(condition)
