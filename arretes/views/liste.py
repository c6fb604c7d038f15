"""The arrêtés a person may see, filtered by year, status and (for national roles) region."""

from django.shortcuts import render

from cui_portal import parametres
from cui_portal.pagination import paginer
from cui_portal.permissions import (
    choisit_la_region,
    perimetre_de,
    perimetre_requis,
    peut_creer_arrete,
    peut_lire_national,
    region_choisie,
)
from referentiels.models import Region

from ..models import Arrete, StatutArrete


@perimetre_requis
def liste(request):
    perimetre = perimetre_de(request)
    qs = Arrete.objects.visibles_par(perimetre).select_related("region", "remplace_par")
    annee, statut, region = request.GET.get("annee", ""), request.GET.get("statut", ""), request.GET.get("region", "")
    if (annee_demandee := parametres.annee(annee)) is not None:
        qs = qs.filter(annee=annee_demandee)
    if statut in StatutArrete.values:
        qs = qs.filter(statut=statut)
    region_id = region_choisie(perimetre, region)
    if region_id is not None:
        qs = qs.filter(region_id=region_id)
    annees = sorted(set(Arrete.objects.visibles_par(perimetre).values_list("annee", flat=True)), reverse=True)
    page = paginer(request, qs.order_by("-annee", "region__nom", "-pk"))
    return render(
        request,
        "arretes/liste.html",
        {
            "page_obj": page,
            "annees": annees,
            "annee": annee,
            "statut": statut,
            "region": region,
            "statuts": StatutArrete.choices,
            "regions": Region.objects.all() if choisit_la_region(perimetre) else None,
            "peut_creer": peut_creer_arrete(perimetre),
            "peut_suivre_national": peut_lire_national(perimetre),
            "title": "Arrêtés régionaux",
        },
    )
