"""My notifications (the reminders sent to me) and deferred works (progress, download). Owner only, 404 otherwise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from cui_portal import horloge
from cui_portal.pagination import paginer
from cui_portal.permissions import exiger, perimetre_de
from cui_portal.travaux import type_de

from . import travaux
from .models import Rappel, StatutTravail, TravailDiffere


@login_required
def notifications(request):
    qs = Rappel.objects.pour(request.user).order_by("-envoye_le", "-pk")
    seulement_non_lues = request.GET.get("non_lues") == "1"
    page = paginer(request, qs.non_lus() if seulement_non_lues else qs)
    return render(
        request,
        "rappels/notifications.html",
        {
            "page_obj": page,
            "non_lus": qs.non_lus().count(),
            "seulement_non_lues": seulement_non_lues,
            "title": "Mes notifications",
        },
    )


@login_required
def ouvrir(request, pk):
    """Mark the notification as read and go to the page it is about."""
    rappel = get_object_or_404(Rappel.objects.pour(request.user), pk=pk)
    if rappel.lu_le is None:
        Rappel.objects.filter(pk=rappel.pk).update(lu_le=horloge.maintenant())
    lien = rappel.lien if url_has_allowed_host_and_scheme(rappel.lien, allowed_hosts=None) else ""
    return redirect(lien or "rappels:notifications")


@login_required
@require_POST
def tout_marquer_lu(request):
    nombre = Rappel.objects.pour(request.user).non_lus().update(lu_le=horloge.maintenant())
    messages.success(request, f"{nombre} notification(s) marquée(s) comme lue(s).")
    return redirect("rappels:notifications")


# --- deferred works ------------------------------------------------------------------------------------------


@login_required
@require_POST
def lancer_travail(request, type_travail):
    type_ = type_de(type_travail)
    if type_ is None:
        raise Http404("Type de travail inconnu.")
    perimetre = perimetre_de(request)
    exiger(type_.autorise(perimetre))
    parametres = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    travail = travaux.lancer(request.user, type_travail, parametres, perimetre)
    return redirect("rappels:travail", pk=travail.pk)


def _travail_de(request, pk) -> TravailDiffere:
    return get_object_or_404(TravailDiffere, pk=pk, proprietaire=request.user)


def _contexte(travail):
    type_ = type_de(travail.type)
    return {
        "travail": travail,
        "libelle": type_.libelle if type_ else travail.type,
        "Statut": StatutTravail,
        "conservation_jours": travaux.CONSERVATION_JOURS,
    }


@login_required
def travail(request, pk):
    travail = _travail_de(request, pk)
    return render(request, "rappels/travail.html", {**_contexte(travail), "title": "Travail en cours"})


@login_required
def travail_etat(request, pk):
    """The progress fragment polled by htmx every second until the work is finished."""
    return render(request, "rappels/_travail_etat.html", _contexte(_travail_de(request, pk)))


@login_required
def telecharger(request, pk):
    travail = _travail_de(request, pk)
    if travail.statut != StatutTravail.TERMINE or not travail.fichier:
        raise Http404("Ce fichier n'est pas disponible.")
    return FileResponse(travail.fichier.open("rb"), as_attachment=True, filename=travail.nom_fichier)
