"""The region's page of the reconciliation: the convention-months flagged (overpaid, or unpaid
``DELAI_PAIEMENT_AIDE_JOURS`` days after their end), with their counts, within the person's scope."""

from django.shortcuts import render

from cui_portal import horloge
from cui_portal.pagination import paginer
from cui_portal.permissions import (
    choisit_la_region,
    paiements_requis,
    perimetre_de,
    peut_importer_des_releves,
    region_choisie,
    regions_a_choisir,
)
from referentiels.models import Region

from ..rapprochement import (
    FILTRES,
    IMPAYE,
    comptes,
    mois_signales,
    paiements_hors_echeancier,
    signale,
    signale_hors_echeancier,
)

HORS_ECHEANCIER_MONTRES = 200


@paiements_requis
def signalements(request):
    perimetre = perimetre_de(request)
    jour = horloge.aujourdhui()
    region = request.GET.get("region", "")
    region_id = region_choisie(perimetre, region)
    signal = request.GET.get("signal", "")
    signal = signal if signal in FILTRES else ""
    page = paginer(request, mois_signales(region_id, jour, signal or None))
    hors = []
    if signal != IMPAYE:
        hors = [
            signale_hors_echeancier(ligne, jour)
            for ligne in paiements_hors_echeancier(region_id)[:HORS_ECHEANCIER_MONTRES]
        ]
    return render(
        request,
        "paiements/signalements.html",
        {
            "page_obj": page,
            "lignes": [signale(mois, jour) for mois in page.object_list],
            "hors_echeancier": hors,
            "hors_echeancier_montres": HORS_ECHEANCIER_MONTRES,
            "comptes": comptes(region_id, jour),
            "jour": jour,
            "signal": signal,
            "filtres": FILTRES,
            "region": region,
            "region_choisie": Region.objects.filter(pk=region_id).first() if region_id else None,
            "regions": regions_a_choisir(Region.objects.all(), perimetre) if choisit_la_region(perimetre) else None,
            "peut_importer": peut_importer_des_releves(perimetre),
            "title": "Paiements de l'ASP : mois signalés",
        },
    )
