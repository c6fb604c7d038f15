"""Read-only JSON API of the CAE-jeunes indicators (session authentication, scoped like the pages)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from cui_portal import horloge, parametres
from cui_portal.permissions import perimetre_de, peut_lire_national, peut_voir_programme, regions_du_programme
from referentiels.models import Region

from . import indicateurs
from .services_indicateurs import fraicheur

_CHIFFRES = inline_serializer(
    "ChiffresContrat",
    {
        "entrees": serializers.IntegerField(),
        "objectif": serializers.IntegerField(allow_null=True),
        "realisation_pourcent": serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True),
        "taux_moyen": serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True),
        "heures_hebdo_moyennes": serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True),
        "duree_moyenne_mois": serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True),
    },
)
_CHAMPS_TERRITOIRE = {
    "territoire": serializers.CharField(),
    "code_region": serializers.CharField(allow_null=True),
    "cae": _CHIFFRES,
    "cie": _CHIFFRES,
    "cae_jeunes": serializers.IntegerField(),
    "objectif_cae_jeunes": serializers.IntegerField(allow_null=True),
    "cae_jeunes_immersion": serializers.IntegerField(),
    "taux_immersion_pourcent": serializers.DecimalField(max_digits=6, decimal_places=1, allow_null=True),
    "periodes_immersion": serializers.IntegerField(),
}


class IndicateursView(APIView):
    """Indicators of the regions the person may see (all for national users, their own for a region)."""

    @extend_schema(
        summary="Indicateurs du programme CAE-jeunes par région",
        description=(
            "Entrées en CAE et CIE contre les objectifs régionaux, CAE-jeunes, taux d'immersion, taux, durée "
            "hebdomadaire et durée moyens, calculés depuis les agrégats (voir `donnees_a_jour_au`). Les "
            "utilisateurs nationaux reçoivent toutes les régions et le total national ; un utilisateur "
            "régional, sa région seulement. Les autres rôles reçoivent 403."
        ),
        parameters=[OpenApiParameter("annee", OpenApiTypes.INT, description="Année (par défaut : l'année en cours).")],
        responses=inline_serializer(
            "IndicateursCaeJeunes",
            {
                "annee": serializers.IntegerField(),
                "donnees_a_jour_au": serializers.DateTimeField(allow_null=True),
                "regions": inline_serializer("IndicateursTerritoire", _CHAMPS_TERRITOIRE, many=True),
                "national": inline_serializer("IndicateursNational", _CHAMPS_TERRITOIRE, allow_null=True),
            },
        ),
        tags=["tableau de bord CAE-jeunes"],
    )
    def get(self, request):
        perimetre = perimetre_de(request)
        if not peut_voir_programme(perimetre):
            raise PermissionDenied("Ces indicateurs sont réservés aux services régionaux et nationaux.")
        annee = parametres.annee(request.query_params.get("annee")) or horloge.aujourdhui().year
        regions = regions_du_programme(Region.objects.all(), perimetre)
        territoires, national = indicateurs.par_region(annee, regions=regions)
        return Response(
            {
                "annee": annee,
                "donnees_a_jour_au": fraicheur(),
                "regions": [t.en_dict() for t in territoires],
                "national": national.en_dict() if peut_lire_national(perimetre) else None,
            }
        )
