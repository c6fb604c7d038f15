"""The steps of a CAOM's negotiation: a final one (signée, échec) is confirmed first, since no later step undoes it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes.envois import EXPIRE, deja_envoye, une_fois
from cui_portal import horloge
from cui_portal.confirmation import Confirmation, demander_confirmation
from cui_portal.permissions import exiger, perimetre_de, perimetre_requis, peut_gerer_region

from .. import services
from ..forms import EtapeForm
from ..models import Caom, StatutCaom
from ..regles import RegleCaomError
from .commun import caom_visible
from .detail import rendre_detail

CONSEQUENCES_FINALES = {
    StatutCaom.SIGNEE: (
        "Les conventions des bénéficiaires du RSA du département peuvent être cofinancées par le conseil général.",
        "Une CAOM signée ne revient à aucun état antérieur : ses volumes et paramètres ne changent plus que par "
        "avenant.",
    ),
    StatutCaom.ECHEC: (
        "Aucune convention du département ne peut être cofinancée par le conseil général sous cette CAOM.",
        "Une négociation en échec ne reprend pas : la CAOM reste dans cet état.",
    ),
}


def confirmation_etape(caom: Caom, statut: str, date_etape) -> Confirmation:
    """The confirmation of a final step (signée or échec), which no later step undoes."""
    consequence, irreversible = CONSEQUENCES_FINALES[statut]
    libelle = StatutCaom(statut).label
    return Confirmation(
        titre=f"Passer la CAOM à l'état « {libelle} » ?",
        action=f"Oui, enregistrer l'état « {libelle} »",
        consequences=[f"{caom} passe à l'état « {libelle} » le {date_etape:%d/%m/%Y}.", consequence],
        irreversible=irreversible,
        retour=reverse("caom:detail", args=[caom.pk]),
        fil=[(reverse("caom:liste"), "CAOM"), (reverse("caom:detail", args=[caom.pk]), str(caom))],
    )


@require_POST
@perimetre_requis
def etape(request, pk):
    caom = caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if destination := deja_envoye(request):
        return redirect(destination)  # the same step sent twice (double click, twenty at once): recorded once
    form = EtapeForm(request.POST, caom=caom)
    if form.is_valid():
        d = form.cleaned_data
        try:  # the rules first, at their field: a step they refuse is never confirmed, then refused
            services.verifier_changement_de_statut(
                caom,
                d["statut"],
                date_etape=d["date_etape"],
                aujourd_hui=horloge.aujourdhui(),
                date_deliberation=d["date_deliberation"],
                instance_deliberation=d["instance_deliberation"],
            )
        except RegleCaomError as exc:
            form.add_error(exc.champ if exc.champ in form.fields else None, str(exc))
            return rendre_detail(request, caom, status=400, form_etape=form)
        if d["statut"] in CONSEQUENCES_FINALES:
            page = demander_confirmation(request, confirmation_etape(caom, d["statut"], d["date_etape"]))
            if page is not None:
                return page

        def enregistrer() -> str:
            services.changer_statut(
                caom,
                d["statut"],
                date_etape=d["date_etape"],
                auteur=request.user,
                aujourd_hui=horloge.aujourdhui(),
                date_deliberation=d["date_deliberation"],
                instance_deliberation=d["instance_deliberation"],
                commentaire=d["commentaire"],
            )
            return reverse("caom:detail", args=[caom.pk])

        try:
            destination, premier = une_fois(request, form, enregistrer)
        except RegleCaomError as exc:
            messages.error(request, str(exc))
        else:
            if destination is None:
                messages.error(request, f"L'étape n'est pas enregistrée : {EXPIRE}")
            elif premier:
                messages.success(request, "L'étape de la négociation est enregistrée.")
    else:
        erreurs = "; ".join(
            f"{form.fields[c].label} : {' '.join(e)}" if c in form.fields else " ".join(e)
            for c, e in form.errors.items()
        )
        messages.error(request, f"L'étape n'est pas enregistrée : {erreurs}")
    return redirect("caom:detail", caom.pk)
