"""Enter a CAOM, change it before its signature, change its volumes by avenant after, delete one entered by
mistake."""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from comptes.envois import deja_envoye, une_fois
from cui_portal import horloge, parametres
from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.contraintes import message_d_integrite
from cui_portal.permissions import caom_requis, exiger, perimetre_de, perimetre_requis, peut_gerer_region
from droit.nombres import PLAFOND_CAE

from .. import services
from ..forms import AvenantForm, CaomForm
from ..models import Caom, date_reference_par_defaut
from ..rapport import departements_visibles
from ..regles import RegleCaomError
from .commun import annee_demandee, caom_visible


@caom_requis
def creer(request):
    perimetre = perimetre_de(request)
    annee = annee_demandee(request)
    demande = request.GET.get("departement") or request.POST.get("departement")
    departement = get_object_or_404(departements_visibles(perimetre), pk=parametres.identifiant(demande))
    exiger(peut_gerer_region(perimetre, departement.region_id))
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same page sent twice: one CAOM
    existante = Caom.objects.filter(departement=departement, annee=annee).first()
    if existante:
        return redirect("caom:detail", existante.pk)
    caom = Caom(departement=departement, annee=annee)
    initial = {}
    taux = services.taux_arrete_par_defaut(departement.region_id, annee)
    if taux is not None and taux <= PLAFOND_CAE:
        initial["taux_etat_cae"] = taux
    initial["date_reference"] = date_reference_par_defaut(annee)
    return _formulaire(request, caom, initial, f"Nouvelle CAOM {annee} – {departement}")


@perimetre_requis
def modifier(request, pk):
    caom = caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if not caom.modifiable:
        messages.warning(request, "La CAOM est signée : ses volumes ne changent plus que par avenant.")
        return redirect("caom:detail", caom.pk)
    return _formulaire(request, caom, {}, f"Modifier la {caom}")


@perimetre_requis
def supprimer(request, pk):
    """Delete a CAOM entered by mistake (not signed nor failed, no convention under it), after a confirmation."""
    caom = caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if raison := services.raison_de_garder_la_caom(caom):
        messages.warning(request, raison)
        return redirect("caom:detail", caom.pk)
    if request.method == "POST" and confirme(request):
        services.supprimer_caom(caom, auteur=request.user)
        messages.success(request, f"La {caom} est supprimée.")
        return redirect(f"{reverse('caom:liste')}?annee={caom.annee}")
    return demander_confirmation(
        request,
        Confirmation(
            titre="Supprimer la CAOM ?",
            action="Oui, supprimer la CAOM",
            consequences=[
                f"{caom} est supprimée avec ses étapes de négociation ({caom.etapes.count()}) ; le département "
                "pourra en saisir une nouvelle pour la même année.",
                "La suppression reste dans l'historique, avec votre nom.",
            ],
            irreversible="Une CAOM supprimée ne peut pas être retrouvée : ses volumes et ses étapes seront à saisir "
            "à nouveau.",
            retour=reverse("caom:detail", args=[caom.pk]),
            fil=[(reverse("caom:liste"), "CAOM"), (reverse("caom:detail", args=[caom.pk]), str(caom))],
        ),
    )


def _formulaire(request, caom, initial, titre):
    form = CaomForm(request.POST or None, instance=caom, initial=initial)
    if request.method == "POST" and form.is_valid():

        def enregistrer() -> str:
            return reverse(
                "caom:detail", args=[services.enregistrer_caom(form.save(commit=False), auteur=request.user).pk]
            )

        try:
            destination, premier = une_fois(request, form, enregistrer)  # a new CAOM: once per page shown
        except RegleCaomError as exc:
            form.add_error(None, str(exc))
        except IntegrityError as exc:
            # A concurrent write between the form's checks and the save: the constraint's own French message.
            form.add_error(None, message_d_integrite(Caom, exc))
        else:
            if destination is not None:
                if premier:
                    messages.success(request, "La CAOM est enregistrée.")
                return redirect(destination)
    return render(
        request,
        "caom/formulaire.html",
        {"title": titre, "form": form, "caom": caom, "departement": caom.departement},
    )


@perimetre_requis
def avenant(request, pk):
    caom = caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if not caom.signee:
        messages.warning(request, "Un avenant ne concerne qu'une CAOM signée : modifiez directement la CAOM.")
        return redirect("caom:detail", caom.pk)
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same page sent twice: one avenant
    initial = {c: getattr(caom, c) for c in services.CHAMPS_VOLUMES} | {"date_avenant": horloge.aujourdhui()}
    form = AvenantForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def enregistrer() -> str:
            services.enregistrer_avenant(
                caom,
                date_avenant=d["date_avenant"],
                objet=d["objet"],
                volumes={c: d[c] for c in services.CHAMPS_VOLUMES},
                auteur=request.user,
            )
            return reverse("caom:detail", args=[caom.pk])

        try:
            destination, premier = une_fois(request, form, enregistrer)
        except RegleCaomError as exc:
            form.add_error(None, str(exc))
        else:
            if destination is not None:
                if premier:
                    messages.success(request, "L'avenant est enregistré.")
                return redirect(destination)
    return render(
        request,
        "caom/formulaire.html",
        {"title": f"Avenant à la {caom}", "form": form, "caom": caom, "departement": caom.departement},
    )
