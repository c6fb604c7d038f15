"""The conseil général's word on its CAOM: comment a step, approve the text proposed for signature (POST only)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from cui_portal.permissions import exiger, perimetre_de, perimetre_requis, peut_donner_avis_caom

from .. import services_avis
from ..regles_avis import RegleAvisError
from .commun import caom_visible


@require_POST
@perimetre_requis
def commenter_etape(request, pk, etape):
    caom = caom_visible(request, pk)
    exiger(peut_donner_avis_caom(perimetre_de(request), caom.departement_id))
    etape_caom = get_object_or_404(caom.etapes, pk=etape)
    try:
        services_avis.commenter_etape(etape_caom, request.user, request.POST.get("texte", ""))
    except RegleAvisError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Votre commentaire de l'étape du {etape_caom.date_etape:%d/%m/%Y} est enregistré.")
    return redirect("caom:detail", caom.pk)


@require_POST
@perimetre_requis
def approuver_texte(request, pk):
    caom = caom_visible(request, pk)
    exiger(peut_donner_avis_caom(perimetre_de(request), caom.departement_id))
    try:
        services_avis.approuver_texte(caom, request.user)
    except RegleAvisError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Le texte proposé à la signature est approuvé par le conseil général.")
    return redirect("caom:detail", caom.pk)
