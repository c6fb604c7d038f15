"""Import of the rates of a draft from a CSV or XLSX file: deposit, preview of every row, confirmation.

The file is read once and kept server-side (``ImportTaux``) between the preview and the confirmation; nothing
is written unless every row is valid. A long file is checked by a task and the preview shows its progress.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from cui_portal.exports import reponse_xlsx
from cui_portal.permissions import perimetre_requis
from referentiels.models import PublicPrioritaire

from ..forms import ImportTauxForm
from ..importation import COLONNES, LIBELLES_COLONNES
from ..models import StatutImport
from ..regles import RegleArreteError
from ..services import (
    DELAI_VERIFICATION_INTERROMPUE,
    confirmer_import,
    deposer_import,
    relancer_verification,
    verification_interrompue,
)
from .commun import arrete_visible, fil

TAUX_PAR_DEFAUT = {"CAE": 90, "CIE": 30}


@perimetre_requis
def importer(request, pk):
    arrete = arrete_visible(request, pk, pour_modifier=True)
    if request.method == "POST":
        form = ImportTauxForm(request.POST, request.FILES)
        if form.is_valid():
            fichier = form.cleaned_data["fichier"]
            try:
                depot = deposer_import(arrete, fichier.name, form.format, fichier.read(), request.user)
            except RegleArreteError as exc:
                messages.error(request, str(exc))
            else:
                return redirect("arretes:import_apercu", pk=arrete.pk, import_pk=depot.pk)
    else:
        form = ImportTauxForm()
    return render(
        request,
        "arretes/import.html",
        {
            "arrete": arrete,
            "form": form,
            "colonnes": COLONNES,
            "title": "Importer les taux d'un arrêté",
            "fil": fil(arrete),
        },
    )


def _depot(request, pk, import_pk):
    arrete = arrete_visible(request, pk, pour_modifier=True)
    return arrete, get_object_or_404(arrete.imports, pk=import_pk)


@perimetre_requis
def apercu(request, pk, import_pk):
    arrete, depot = _depot(request, pk, import_pk)
    lignes = [
        {
            **ligne,
            "cellules": [(c, ligne["valeurs"].get(c, ""), ligne["erreurs"].get(c)) for c in COLONNES],
            "messages": [(LIBELLES_COLONNES[c], m) for c, m in ligne["erreurs"].items()],
        }
        for ligne in depot.lignes
    ]
    nb_refusees = sum(1 for ligne in lignes if ligne["erreurs"])
    return render(
        request,
        "arretes/import_apercu.html",
        {
            "arrete": arrete,
            "depot": depot,
            "lignes": lignes,
            "nb_refusees": nb_refusees,
            "nb_valides": len(lignes) - nb_refusees,
            "entetes": [LIBELLES_COLONNES[c] for c in COLONNES],
            "fil": fil(arrete),
            "interrompue": verification_interrompue(depot),
            "delai_minutes": int(DELAI_VERIFICATION_INTERROMPUE.total_seconds() // 60),
            "title": "Aperçu de l'import des taux" + (" : erreurs à corriger" if nb_refusees else ""),
        },
    )


# htmx stops polling on this status (and still swaps the explanation in).
HTMX_ARRET_DU_SONDAGE = 286


@perimetre_requis
def progression(request, pk, import_pk):
    """Polled by htmx while a long file is checked; once done, failed or interrupted, the page reloads to show
    why; an import replaced by a newer deposit stops the polling with an explanation."""
    arrete = arrete_visible(request, pk, pour_modifier=True)
    depot = arrete.imports.filter(pk=import_pk).first()
    if depot is None:
        return render(request, "arretes/_import_remplace.html", {"arrete": arrete}, status=HTMX_ARRET_DU_SONDAGE)
    if depot.statut != StatutImport.EN_COURS or verification_interrompue(depot):
        return HttpResponseClientRefresh()
    return render(request, "arretes/_import_progression.html", {"arrete": arrete, "depot": depot})


@require_POST
@perimetre_requis
def relancer(request, pk, import_pk):
    """Check again, in the request, a file whose check was interrupted (its worker died, or none took it)."""
    arrete, depot = _depot(request, pk, import_pk)
    try:
        relancer_verification(depot)
    except RegleArreteError as exc:
        messages.error(request, str(exc))
    return redirect("arretes:import_apercu", pk=arrete.pk, import_pk=depot.pk)


@require_POST
@perimetre_requis
def confirmer(request, pk, import_pk):
    arrete, depot = _depot(request, pk, import_pk)
    try:
        nombre = confirmer_import(depot)
    except RegleArreteError as exc:
        messages.error(request, f"Rien n'a été enregistré. {exc}")
        return redirect("arretes:import_apercu", pk=arrete.pk, import_pk=depot.pk)
    messages.success(request, f"{nombre} taux de prise en charge enregistrés depuis « {depot.nom_fichier} ».")
    return redirect("arretes:detail", pk=arrete.pk)


@perimetre_requis
def modele(request, pk):
    """A spreadsheet to fill in: one row per contract and public, with the draft's current rates if any."""
    arrete = arrete_visible(request, pk, pour_modifier=True)
    existants = {(t.contrat, t.public_id): t for t in arrete.taux.all()}
    lignes = []
    for contrat in ("CAE", "CIE") if arrete.avec_cie else ("CAE",):
        for public in PublicPrioritaire.objects.filter(actif=True):
            t = existants.get((contrat, public.pk))
            lignes.append((contrat, public.code, t.taux if t else TAUX_PAR_DEFAUT[contrat], t.heures_max if t else 20))
    return reponse_xlsx(f"taux-arrete-{arrete.region.code_insee}-{arrete.annee}", [("Taux", list(COLONNES), lignes)])
