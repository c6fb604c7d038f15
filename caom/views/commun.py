"""What the CAOM pages share: the year and region asked for, the CAOM a page shows (404 if not visible)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from cui_portal import horloge, parametres
from cui_portal.permissions import perimetre_de, region_choisie
from droit.nombres import DATE_CUI, annee_de_campagne
from referentiels.models import Region

from ..models import Caom


def annee_demandee(request) -> int:
    annee = parametres.annee(request.GET.get("annee"))
    return annee if annee is not None else annee_de_campagne(horloge.aujourdhui())


def annees_proposees(annee: int) -> list[int]:
    derniere = max(annee_de_campagne(horloge.aujourdhui()), annee)
    return list(range(DATE_CUI.year, derniere + 1))


def region_demandee(request, perimetre) -> Region | None:
    """The region asked for by a national user (None: France entière), or the person's own."""
    region_id = region_choisie(perimetre, request.GET.get("region", ""))
    return Region.objects.filter(pk=region_id).first() if region_id is not None else None


def caom_visible(request, pk) -> Caom:
    perimetre = perimetre_de(request)
    return get_object_or_404(Caom.objects.visibles_par(perimetre).select_related("departement__region"), pk=pk)


def url_conventions(caom: Caom) -> str:
    """The list of the conventions co-financed under this CAOM (a URL name, not an import of ``conventions``)."""
    return f"{reverse('conventions:liste')}?caom={caom.pk}"
