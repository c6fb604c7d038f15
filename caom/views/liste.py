"""The CAOM of a year, département by département (a region's, or France entière for national roles)."""

from django.shortcuts import render

from cui_portal.permissions import (
    caom_requis,
    choisit_la_region,
    perimetre_de,
    peut_gerer_region,
    peut_lire_rapport_caom,
)
from referentiels.models import Region

from ..consommation import consommation_disponible
from ..rapport import departements_visibles, lignes
from ..regles import echeance_signature
from .commun import annee_demandee, annees_proposees, region_demandee


@caom_requis
def liste(request):
    perimetre = perimetre_de(request)
    annee = annee_demandee(request)
    region = region_demandee(request, perimetre)
    lignes_caom = lignes(departements_visibles(perimetre, region.pk if region else None), annee)
    a_faire = request.GET.get("a_faire") == "1"
    if a_faire:
        lignes_caom = [ligne for ligne in lignes_caom if ligne.a_faire_avancer]
    return render(
        request,
        "caom/liste.html",
        {
            "title": f"CAOM {annee}",
            "annee": annee,
            "annees": annees_proposees(annee),
            "region": region,
            "regions": Region.objects.all() if choisit_la_region(perimetre) else [],
            "lignes": lignes_caom,
            "a_faire": a_faire,
            "peut_gerer": peut_gerer_region(perimetre, region.pk if region else None),
            "consommation_disponible": consommation_disponible(),
            "echeance": echeance_signature(annee),
            "rapport_visible": peut_lire_rapport_caom(perimetre),
        },
    )
