"""Write a draft's text and rates, publish it, delete it, or start the draft that replaces a published arrêté."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes.envois import deja_envoye, une_fois
from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.permissions import (
    arretes_a_preparer_requis,
    choisit_la_region,
    exiger,
    perimetre_de,
    perimetre_requis,
    peut_gerer_region,
    region_geree,
)
from referentiels.models import Region

from ..forms import ArreteForm, GrilleTauxForm, PublicationForm
from ..models import Arrete, PorteeArrete
from ..regles import RegleArreteError
from ..services import preparer_remplacement, publier, remplacer_taux, supprimer_brouillon
from .commun import arrete_visible, fil


@arretes_a_preparer_requis
def creer(request):
    perimetre = perimetre_de(request)
    # An administrator chooses the region; a gestionnaire prepares the arrêtés of theirs.
    region = None if choisit_la_region(perimetre) else get_object_or_404(Region, pk=region_geree(perimetre))
    return _editer(request, Arrete(region=region) if region else Arrete(), region)


@perimetre_requis
def modifier(request, pk):
    arrete = arrete_visible(request, pk, pour_modifier=True)
    return _editer(request, arrete, None)


def _editer(request, arrete: Arrete, region_imposee):
    nouveau = arrete.pk is None
    if nouveau and request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)
    if request.method == "POST":
        form = ArreteForm(request.POST, instance=arrete, region_imposee=region_imposee)
        portee = request.POST.get("portee") if request.POST.get("portee") in PorteeArrete.values else arrete.portee
        grille = GrilleTauxForm(
            request.POST, arrete=arrete, avec_cie=portee == PorteeArrete.CAE_CIE, contrats=("CAE", "CIE")
        )
        if form.is_valid() and grille.is_valid():

            def enregistrer() -> str:
                with transaction.atomic():
                    enregistre = form.save()
                    remplacer_taux(enregistre, grille.lignes_a_enregistrer(), motif="Saisie du texte et des taux")
                return reverse("arretes:detail", args=[enregistre.pk])

            try:
                destination, premier = une_fois(request, form, enregistrer)  # a new arrêté: once per page shown
            except RegleArreteError as exc:
                messages.error(request, str(exc))
            else:
                if destination is not None:
                    if premier:
                        messages.success(request, "Arrêté enregistré." if nouveau else "Modifications enregistrées.")
                    return redirect(destination)
    else:
        form = ArreteForm(instance=arrete, region_imposee=region_imposee)
        grille = GrilleTauxForm(arrete=arrete)
    titre = "Nouvel arrêté régional" if nouveau else f"Modifier l'{arrete}"
    return render(
        request,
        "arretes/formulaire.html",
        {"form": form, "grille": grille, "arrete": arrete, "title": titre, "fil": fil(arrete)},
    )


@require_POST
@perimetre_requis
def publier_vue(request, pk):
    arrete = arrete_visible(request, pk, pour_modifier=True)
    form = PublicationForm(request.POST, arrete=arrete)
    if not form.is_valid():
        for erreurs in form.errors.values():
            for erreur in erreurs:
                messages.error(request, erreur)
        return redirect("arretes:detail", pk=arrete.pk)
    if (page := demander_confirmation(request, form.confirmation(fil(arrete)))) is not None:
        return page  # what publishing does, « Publier » and a way back; nothing is done without it
    try:
        publier(arrete, form.cleaned_data["date_publication"])
    except RegleArreteError as exc:
        messages.error(request, f"Publication impossible. {exc}")
    else:
        messages.success(request, f"L'arrêté n° {arrete.numero} est publié.")
    return redirect("arretes:detail", pk=arrete.pk)


@perimetre_requis
def supprimer(request, pk):
    """Delete a draft (its rates and imports with it), after a confirmation page."""
    arrete = arrete_visible(request, pk, pour_modifier=True)
    if request.method == "POST" and confirme(request):
        supprimer_brouillon(arrete, auteur=request.user)
        messages.success(request, "Le brouillon d'arrêté est supprimé.")
        return redirect("arretes:liste")
    return demander_confirmation(
        request,
        Confirmation(
            titre="Supprimer le brouillon d'arrêté ?",
            action="Oui, supprimer le brouillon",
            consequences=[
                f"Le brouillon {arrete.titre or 'sans titre'} ({arrete.region}, {arrete.annee}) est supprimé avec sa "
                f"grille de taux ({arrete.taux.count()} taux) et ses imports.",
                "La suppression reste dans l'historique, avec votre nom.",
            ],
            irreversible="Un brouillon supprimé ne peut pas être retrouvé : il faudra saisir à nouveau son texte et "
            "ses taux.",
            retour=reverse("arretes:detail", args=[arrete.pk]),
            fil=fil(arrete),
        ),
    )


@require_POST
@perimetre_requis
def remplacer(request, pk):
    arrete = arrete_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), arrete.region_id))
    try:
        nouveau = preparer_remplacement(arrete)
    except RegleArreteError as exc:
        messages.error(request, str(exc))
        return redirect("arretes:detail", pk=arrete.pk)
    messages.success(
        request, "Un nouvel arrêté en brouillon reprend le texte et les taux : corrigez-le puis publiez-le."
    )
    return redirect("arretes:modifier", pk=nouveau.pk)
