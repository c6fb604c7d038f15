"""Correct and undo a comité de pilotage: change it, or cancel it (with its reason, after a confirmation): a
cancelled committee stays in the DGEFP's calendar, marked « Annulé »."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from cui_portal.confirmation import Confirmation, demander_confirmation
from cui_portal.permissions import exiger, perimetre_de, peut_modifier_comite, programme_requis

from .. import services
from ..forms import AnnulationComiteForm, ComitePilotageForm
from ..models import ComitePilotage
from .operateurs import _formulaire


def _comite(request, pk) -> ComitePilotage:
    perimetre = perimetre_de(request)
    comite = get_object_or_404(ComitePilotage.objects.visibles_par(perimetre).select_related("region"), pk=pk)
    exiger(peut_modifier_comite(perimetre, comite))
    return comite


@programme_requis
def modifier_comite(request, pk):
    comite = _comite(request, pk)
    return _formulaire(request, comite.region_id, ComitePilotageForm, "Modifier le comité de pilotage", instance=comite)


@programme_requis
def annuler_comite(request, pk):
    comite = _comite(request, pk)
    form = AnnulationComiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        motif = form.cleaned_data["motif"]
        erreurs = services.regles.verifier_annulation_comite(comite.annule, motif)
        for champ, message in erreurs.items():
            form.add_error(champ if champ in form.fields else None, message)
        if not erreurs:
            page = demander_confirmation(
                request,
                Confirmation(
                    titre="Annuler le comité de pilotage ?",
                    action="Oui, annuler le comité",
                    consequences=[
                        f"Le {comite} est annulé (raison : {motif.strip()}).",
                        "Il reste au calendrier de la DGEFP, marqué « Annulé », avec sa raison.",
                    ],
                    irreversible="Un comité annulé ne se rétablit pas : annoncez-en un nouveau si besoin.",
                    retour=reverse("tableau_de_bord:comites"),
                    fil=[(reverse("tableau_de_bord:comites"), "Comités de pilotage")],
                ),
            )
            if page is not None:
                return page
            try:
                services.annuler_comite(comite, motif=motif, auteur=request.user)
            except services.ErreursComite as exc:  # cancelled meanwhile by someone else
                for champ, message in exc.erreurs.items():
                    form.add_error(champ if champ in form.fields else None, message)
            else:
                messages.success(request, "Le comité de pilotage est annulé ; la DGEFP le voit au calendrier.")
                return redirect("tableau_de_bord:comites")
    return render(
        request,
        "tableau_de_bord/formulaire.html",
        {
            "form": form,
            "region": comite.region,
            "title": f"Annuler le {comite}",
            "retour": reverse("tableau_de_bord:comites"),
        },
    )
