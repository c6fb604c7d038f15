"""GET /api/aides/simulation: the aid simulator as JSON, public, validated by the page's own ``SimulationForm``."""

from django import forms
from django.utils.choices import CallableChoiceIterator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from droit.nombres import HEURES_MAX_PRISES_EN_CHARGE, PART_CG_DU_RSA, PLAFOND_CAE_ACI, PLAFOND_CIE, nombre, pourcentage

from .forms import HEURES_MIN_SIMULATION, Booleen, NombreDecimal, SimulationForm

EXEMPLES = {
    "contrat": "CAE",
    "taux": 90,
    "heures": 26,
    "date": "2009-12-01",
    "aci": 0,
    "cofinancement_cg": 1,
}


def _parametre(nom: str, champ: forms.Field) -> OpenApiParameter:
    """One query parameter documented from the form field that validates it (label, help text, type, choices)."""
    enum = None
    if nom == "taux":  # bounds for the documentation; the law's ceiling by contract is checked by the form
        type_ = {"type": "number", "minimum": 0.01, "maximum": float(PLAFOND_CAE_ACI)}
    elif nom == "heures":
        type_ = {
            "type": "number",
            "minimum": float(HEURES_MIN_SIMULATION),
            "maximum": float(HEURES_MAX_PRISES_EN_CHARGE),
        }
    elif isinstance(champ, NombreDecimal):
        type_ = OpenApiTypes.NUMBER
    elif isinstance(champ, Booleen):
        type_, enum = OpenApiTypes.INT, [0, 1]
    elif isinstance(champ, forms.DateField):
        type_ = OpenApiTypes.DATE
    else:
        type_ = OpenApiTypes.STR
        if isinstance(champ, forms.ChoiceField) and not isinstance(champ.choices, CallableChoiceIterator):
            enum = [valeur for valeur, _ in champ.choices if valeur]
    description = str(champ.label)
    if champ.help_text:
        description += f". {champ.help_text}"
    if nom == "region":
        description += " Code INSEE de la région de 2009, par exemple « 11 » (Île-de-France)."
    elif nom == "public":
        description += " Code d'un public prioritaire, par exemple « beneficiaires-rsa »."
    elif isinstance(champ, Booleen):
        description += " 0 (non, par défaut) ou 1 (oui)."
    return OpenApiParameter(
        nom,
        type_,
        OpenApiParameter.QUERY,
        required=champ.required,
        description=description,
        enum=enum,
        examples=[OpenApiExample("Exemple", value=EXEMPLES[nom])] if nom in EXEMPLES else None,
    )


def parametres_openapi() -> list[OpenApiParameter]:
    return [_parametre(nom, champ) for nom, champ in SimulationForm.base_fields.items()]


def _montant(description: str) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=2, coerce_to_string=True, help_text=description)


class SimulationSerializer(serializers.Serializer):
    """Résultat de la simulation : montants en chaînes à deux décimales avec un point (« 894.35 »), règles appliquées
    en phrases françaises."""

    contrat = serializers.CharField(help_text="CAE ou CIE.")
    date = serializers.DateField(help_text="Date de conclusion retenue pour le SMIC, le RSA et l'arrêté.")
    smic_horaire = _montant("SMIC horaire brut en vigueur à la date, en euros.")
    taux = _montant("Taux de prise en charge retenu, en pourcentage du SMIC.")
    heures = _montant("Heures hebdomadaires prises en charge retenues.")
    aide_mensuelle = _montant("Aide mensuelle totale, en euros.")
    part_conseil_general = _montant("Part du conseil général, en euros par mois.")
    part_etat = _montant("Part de l'État, en euros par mois.")
    regles = serializers.ListField(child=serializers.CharField(), help_text="Les règles appliquées, en français.")


ErreursSerializer = inline_serializer(
    "ErreursSimulation",
    {
        "erreurs": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="Pour chaque paramètre refusé, ses messages en français.",
        )
    },
)


class SimulationAPIView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and read-only: no session, no CSRF
    metadata_class = None  # OPTIONS answers 405 like any other method but GET (and HEAD)

    @extend_schema(
        operation_id="simuler_aide",
        summary="Simuler l'aide mensuelle d'un CAE ou d'un CIE",
        description=(
            "Calcule l'aide à l'employeur du contrat unique d'insertion : taux de prise en charge × SMIC horaire "
            "brut × heures hebdomadaires prises en charge × 52 / 12, arrondie au centime, puis sa répartition "
            f"entre le conseil général ({pourcentage(PART_CG_DU_RSA)} du RSA forfaitaire, dans la limite de l'aide) "
            "et l'État. Indiquez soit "
            "`taux`, soit `region` et `public` (taux de l'arrêté régional en vigueur à `date`). Une entrée refusée "
            "reçoit une réponse 400 dont chaque message, en français, est rangé sous le paramètre en cause."
        ),
        tags=["Simulateur d'aide"],
        auth=[],
        parameters=parametres_openapi(),
        responses={200: SimulationSerializer, 400: ErreursSerializer},
        examples=[
            OpenApiExample(
                "CAE à 90 %, 26 h, cofinancé par le conseil général",
                value={
                    "contrat": "CAE",
                    "date": "2009-12-01",
                    "smic_horaire": "8.82",
                    "taux": "90.00",
                    "heures": "26.00",
                    "aide_mensuelle": "894.35",
                    "part_conseil_general": "400.07",
                    "part_etat": "494.28",
                    "regles": ["SMIC horaire brut en vigueur le 01/12/2009 : 8,82 €."],
                },
                response_only=True,
                status_codes=["200"],
            ),
            OpenApiExample(
                "Taux au-dessus du plafond",
                value={
                    "erreurs": {
                        "taux": [
                            f"Le taux de prise en charge d'un CIE est plafonné à {nombre(PLAFOND_CIE)} % du SMIC …"
                        ]
                    }
                },
                response_only=True,
                status_codes=["400"],
            ),
        ],
    )
    def get(self, request):
        formulaire = SimulationForm(request.query_params)
        if not formulaire.is_valid():
            return Response({"erreurs": formulaire.erreurs()}, status=400)
        return Response(SimulationSerializer(formulaire.simulation).data)
