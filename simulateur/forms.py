"""The simulator's one validation, shared by the page, its htmx fragment and the JSON API.

Why a Django ``Form`` rather than a DRF ``Serializer``: the page must be laid out by crispy-forms (``{{ form|crispy }}``
with the DSFR pack) and show each error at its field, which only a Form does; a DRF view validates a Form just as
well (``SimulationForm(request.query_params)``), and the API's OpenAPI parameters are derived from the Form's fields
(``simulateur.api.parametres_openapi``), so the rules and their documentation live in this one class. The law itself
stays in ``referentiels.aide``, called through ``simulateur.simulation.simuler``.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from cui_portal.formulaires import DatesEnTexte
from droit.nombres import HEURES_MAX_PRISES_EN_CHARGE, HEURES_MIN, PLAFOND_CAE_ACI, nombre
from droit.vocabulaire import Contrat
from referentiels.models import PublicPrioritaire, Region
from referentiels.regles_heures import verifier_heures

from .simulation import Simulation, SimulationImpossible, erreurs_du_taux, simuler

LONGUEUR_MAX_NOMBRE = 20
CHIFFRES_MAX = 6
HEURES_MIN_SIMULATION = Decimal(1)  # our own floor: an aid on less than an hour a week means a typing slip
VRAI = {"1", "true", "on", "oui"}
FAUX = {"0", "false", "off", "non", ""}


class NombreDecimal(forms.DecimalField):
    """A decimal typed with a comma or a point; absurdly long input is refused before it is parsed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
            if len(value) > LONGUEUR_MAX_NOMBRE:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        valeur = super().to_python(value)
        # 1e999999 is a valid decimal; refused here so that no message ever spells out its million digits.
        if valeur is not None and valeur.is_finite() and valeur != 0 and valeur.adjusted() >= CHIFFRES_MAX:
            raise ValidationError(
                "Saisissez un nombre raisonnable : celui-ci est beaucoup trop grand.", code="trop_grand"
            )
        return valeur

    def widget_attrs(self, widget):
        return {}  # no min/max/step: the server gives the French message, the browser does not block


class CaseACocher(forms.CheckboxInput):
    """A checkbox whose raw value reaches the field, so that ``0`` means no (Django's widget reads it as ticked)."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=lambda v: v is True or str(v).strip().lower() in VRAI)

    def value_from_datadict(self, data, files, name):
        return data.get(name)

    def format_value(self, value):
        return "1"


class Booleen(forms.Field):
    """Yes or no: ``1``/``0`` from the API, ``1`` from the ticked box, nothing when unticked."""

    widget = CaseACocher

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None or value is False:
            return False
        if value is True:
            return True
        texte = str(value).strip().lower()
        if texte in VRAI:
            return True
        if texte in FAUX:
            return False
        raise ValidationError("Valeur attendue : 0 (non) ou 1 (oui).", code="invalid")

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


def _choix_regions():
    regions = Region.objects.order_by("code_insee").values_list("code_insee", "nom")
    return [("", "Aucune : taux saisi"), *((code, f"{code} – {nom}") for code, nom in regions)]


def _choix_publics():
    publics = PublicPrioritaire.objects.filter(actif=True).order_by("ordre", "libelle").values_list("code", "libelle")
    return [("", "Aucun : taux saisi"), *publics]


class SimulationForm(DatesEnTexte, forms.Form):
    contrat = forms.ChoiceField(
        label="Contrat",
        choices=[
            (Contrat.CAE.value, "CAE – contrat d'accompagnement dans l'emploi"),
            (Contrat.CIE.value, "CIE – contrat initiative emploi"),
        ],
        error_messages={
            "required": "Choisissez le contrat : CAE ou CIE.",
            "invalid_choice": "Contrat inconnu : seuls le CAE et le CIE ouvrent droit à l'aide du CUI.",
        },
    )
    taux = NombreDecimal(
        label="Taux de prise en charge (% du SMIC)",
        required=False,
        decimal_places=2,
        help_text="Par exemple 90. Laissez vide pour prendre le taux de l'arrêté de la région pour le public choisi.",
        error_messages={
            "invalid": "Saisissez le taux en pourcentage, par exemple 90 ou 47,5.",
            "max_decimal_places": "Le taux a au plus 2 chiffres après la virgule.",
        },
    )
    region = forms.ChoiceField(
        label="Région (taux de l'arrêté)",
        required=False,
        choices=_choix_regions,
        help_text="Seulement si le taux n'est pas saisi.",
        error_messages={
            "invalid_choice": "Région inconnue : indiquez le code INSEE d'une région de 2009, par exemple 11 pour "
            "l'Île-de-France."
        },
    )
    public = forms.ChoiceField(
        label="Public prioritaire (taux de l'arrêté)",
        required=False,
        choices=_choix_publics,
        help_text="Seulement si le taux n'est pas saisi.",
        error_messages={
            "invalid_choice": "Public prioritaire inconnu : indiquez le code d'un public des arrêtés, par exemple "
            "« beneficiaires-rsa »."
        },
    )
    heures = NombreDecimal(
        label="Heures hebdomadaires prises en charge",
        decimal_places=2,
        help_text=f"De {nombre(HEURES_MIN_SIMULATION)} à {nombre(HEURES_MAX_PRISES_EN_CHARGE)} heures par semaine "
        f"({nombre(HEURES_MIN)} heures au moins pour un CIE).",
        error_messages={
            "required": "Indiquez le nombre d'heures prises en charge par semaine.",
            "invalid": "Saisissez un nombre d'heures par semaine, par exemple 26 ou 17,5.",
            "max_decimal_places": "Le nombre d'heures a au plus 2 chiffres après la virgule.",
        },
    )
    date = forms.DateField(
        label="Date de conclusion de la convention",
        help_text="Le SMIC, le RSA et l'arrêté retenus sont ceux en vigueur à cette date.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Indiquez la date de conclusion de la convention.",
            "invalid": "Saisissez une date valide, au format jj/mm/aaaa ou aaaa-mm-jj.",
        },
    )
    aci = Booleen(
        label="Atelier et chantier d'insertion (ACI)",
        help_text=f"CAE seulement : plafond du taux à {nombre(PLAFOND_CAE_ACI)} %.",
    )
    cofinancement_cg = Booleen(
        label="Cofinancement du conseil général",
        help_text="Bénéficiaire du RSA dont le conseil général cofinance le contrat dans le cadre de sa CAOM.",
    )

    simulation: Simulation | None = None

    def clean_heures(self):
        heures = self.cleaned_data["heures"]
        if heures < HEURES_MIN_SIMULATION:
            raise ValidationError(
                f"Indiquez au moins {nombre(HEURES_MIN_SIMULATION)} heure prise en charge par semaine "
                f"({nombre(heures)} h saisies).",
                code="min_value",
            )
        # The ceiling of the hours taken in charge, whatever the contract: the conventions' own rule.
        for violation in verifier_heures("", None, heures):
            raise ValidationError(violation.message, code="max_value")
        return heures

    def clean(self):
        donnees = super().clean()
        taux, region, public = donnees.get("taux"), donnees.get("region"), donnees.get("public")
        if not {"taux", "region", "public"} & self.errors.keys():
            if taux is not None and (region or public):
                self.add_error(
                    "taux",
                    "Indiquez soit un taux, soit une région et un public pour prendre le taux de l'arrêté, "
                    "pas les deux.",
                )
            elif taux is None and not (region or public):
                self.add_error(
                    "taux",
                    "Indiquez le taux de prise en charge, ou bien une région et un public pour prendre le taux "
                    "de l'arrêté en vigueur.",
                )
            elif taux is None and not region:
                self.add_error("region", "Indiquez la région dont l'arrêté fixe le taux pour ce public.")
            elif taux is None and not public:
                self.add_error("public", "Indiquez le public prioritaire pour prendre le taux de l'arrêté.")
        if self.errors:
            # The rate's checks need neither the SMIC nor an arrêté: shown with the other errors, all at once.
            if donnees.get("contrat") and "taux" not in self.errors:
                for champ, message in erreurs_du_taux(donnees["contrat"], taux, bool(donnees.get("aci"))):
                    if champ not in self.errors:
                        self.add_error(champ, message)
            return donnees
        try:
            self.simulation = simuler(
                contrat=donnees["contrat"],
                jour=donnees["date"],
                heures=donnees["heures"],
                aci=donnees["aci"],
                cofinancement_cg=donnees["cofinancement_cg"],
                taux=taux,
                region=region,
                public=public,
                libelle_region=_libelle(self.fields["region"], region),
                libelle_public=_libelle(self.fields["public"], public),
            )
        except SimulationImpossible as exc:
            for champ, message in exc.erreurs:
                self.add_error(champ, message)
        return donnees

    def erreurs(self) -> dict[str, list[str]]:
        """``{"champ": ["message", …]}``, the shape the API answers with."""
        return {champ: [str(m) for m in messages] for champ, messages in self.errors.items()}


def _libelle(champ: forms.ChoiceField, valeur: str) -> str:
    if not valeur:
        return ""
    libelle = dict(champ.choices).get(valeur, "")
    return libelle.split(" – ", 1)[-1]
