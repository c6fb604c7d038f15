"""The ASP's statements of a region: list, import (deposit, preview of every row with its errors, progress of a
long check, confirmation that writes all or nothing) and a model file to fill in.

The file is read once and kept server-side (``ReleveAsp``) between the preview and the confirmation; nothing is
written unless every row is valid.
"""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from cui_portal import horloge
from cui_portal.exports import reponse_xlsx
from cui_portal.pagination import paginer
from cui_portal.permissions import (
    choisit_la_region,
    exiger,
    paiements_requis,
    perimetre_de,
    peut_importer_des_releves,
    peut_importer_releve_asp,
    region_choisie,
    region_des_releves,
    regions_a_choisir,
    regions_des_releves,
    releves_a_importer_requis,
)
from referentiels.models import Region

from ..forms import ImportReleveForm
from ..importation import COLONNES, LIBELLES_COLONNES
from ..models import ReleveAsp, StatutReleve
from ..regles import RegleReleveError
from ..services import (
    DELAI_VERIFICATION_INTERROMPUE,
    confirmer_releve,
    deposer_releve,
    relancer_verification,
    verification_interrompue,
)


def fil() -> list[tuple[str, str]]:
    return [(reverse("paiements:signalements"), "Paiements de l'ASP"), (reverse("paiements:releves"), "Relevés")]


@paiements_requis
def liste(request):
    perimetre = perimetre_de(request)
    region = request.GET.get("region", "")
    qs = ReleveAsp.objects.visibles_par(perimetre).select_related("region", "auteur")
    region_id = region_choisie(perimetre, region)
    if region_id is not None:
        qs = qs.filter(region_id=region_id)
    qs = qs.annotate(nombre_paiements=Count("paiements")).defer("contenu", "lignes")
    return render(
        request,
        "paiements/releves.html",
        {
            "page_obj": paginer(request, qs.order_by("-cree_le", "-pk")),
            "region": region,
            "regions": regions_a_choisir(Region.objects.all(), perimetre) if choisit_la_region(perimetre) else None,
            "peut_importer": peut_importer_des_releves(perimetre),
            "fil": fil()[:1],
            "title": "Relevés de paiements de l'ASP",
        },
    )


@releves_a_importer_requis
def importer(request):
    perimetre = perimetre_de(request)
    region_imposee = region_des_releves(perimetre)
    regions = None if region_imposee else regions_des_releves(Region.objects.all(), perimetre)
    if request.method == "POST":
        form = ImportReleveForm(request.POST, request.FILES, regions=regions)
        if form.is_valid():
            region = (
                form.cleaned_data["region"] if regions is not None else get_object_or_404(Region, pk=region_imposee)
            )
            exiger(peut_importer_releve_asp(perimetre, region.pk))
            fichier = form.cleaned_data["fichier"]
            try:
                releve = deposer_releve(region, fichier.name, form.format, fichier.read(), request.user)
            except RegleReleveError as exc:
                messages.error(request, str(exc))
            else:
                return redirect("paiements:apercu", pk=releve.pk)
    else:
        form = ImportReleveForm(regions=regions)
    return render(
        request,
        "paiements/import.html",
        {
            "form": form,
            "region_imposee": Region.objects.filter(pk=region_imposee).first() if region_imposee else None,
            "colonnes": COLONNES,
            "fil": fil(),
            "title": "Importer un relevé de paiements de l'ASP",
        },
    )


def _releve(request, pk, *, pour_importer: bool = False, avec_lignes: bool = False) -> ReleveAsp:
    """The statement if the person may see it (404 otherwise); with ``pour_importer``, one they may confirm (403).
    The file (kept until checked) is never read here; the rows only with ``avec_lignes`` (the preview)."""
    perimetre = perimetre_de(request)
    qs = ReleveAsp.objects.visibles_par(perimetre).select_related("region").defer("contenu")
    releve = get_object_or_404(qs if avec_lignes else qs.defer("lignes"), pk=pk)
    if pour_importer:
        exiger(peut_importer_releve_asp(perimetre, releve.region_id))
    return releve


FILTRES = {"refusees": "Lignes refusées", "toutes": "Toutes les lignes"}


@paiements_requis
def apercu(request, pk):
    releve = _releve(request, pk, avec_lignes=True)
    perimetre = perimetre_de(request)
    lignes = releve.lignes
    nb_refusees = sum(1 for ligne in lignes if ligne["erreurs"])
    filtre = request.GET.get("lignes", "refusees" if nb_refusees else "toutes")
    filtre = filtre if filtre in FILTRES else "toutes"
    montrees = [ligne for ligne in lignes if ligne["erreurs"]] if filtre == "refusees" else lignes
    page = paginer(request, montrees)
    page_lignes = [
        {
            "numero": ligne["numero"],
            "erreurs": ligne["erreurs"],
            "cellules": [
                (valeur, ligne["erreurs"].get(colonne))
                for colonne, valeur in zip(COLONNES, ligne["valeurs"], strict=True)
            ],
            "messages": [(LIBELLES_COLONNES[c], m) for c, m in ligne["erreurs"].items()],
        }
        for ligne in page.object_list
    ]
    return render(
        request,
        "paiements/apercu.html",
        {
            "releve": releve,
            "page_obj": page,
            "lignes": page_lignes,
            "filtre": filtre,
            "filtres": FILTRES,
            "nb_lignes": len(lignes),
            "nb_refusees": nb_refusees,
            "nb_valides": len(lignes) - nb_refusees,
            "entetes": [LIBELLES_COLONNES[c] for c in COLONNES],
            "peut_importer": peut_importer_releve_asp(perimetre, releve.region_id),
            "interrompue": verification_interrompue(releve),
            "delai_minutes": int(DELAI_VERIFICATION_INTERROMPUE.total_seconds() // 60),
            "fil": fil(),
            "title": "Aperçu du relevé de l'ASP" + (" : erreurs à corriger" if nb_refusees else ""),
        },
    )


@paiements_requis
def progression(request, pk):
    """Polled by htmx while a long file is checked; once done, the page reloads to show every row."""
    releve = _releve(request, pk)
    if releve.statut != StatutReleve.EN_COURS or verification_interrompue(releve):
        return HttpResponseClientRefresh()
    return render(request, "paiements/_progression.html", {"releve": releve})


@require_POST
@paiements_requis
def relancer(request, pk):
    """Check again, in the request, a statement whose check was interrupted or failed."""
    releve = _releve(request, pk, pour_importer=True)
    try:
        relancer_verification(releve)
    except RegleReleveError as exc:
        messages.error(request, str(exc))
    return redirect("paiements:apercu", pk=releve.pk)


@require_POST
@paiements_requis
def confirmer(request, pk):
    releve = _releve(request, pk, pour_importer=True)
    try:
        nombre = confirmer_releve(releve)
    except RegleReleveError as exc:
        messages.error(request, f"Rien n'a été enregistré. {exc}")
        return redirect("paiements:apercu", pk=releve.pk)
    messages.success(
        request,
        f"{nombre} paiement{'s' if nombre > 1 else ''} de l'ASP enregistré{'s' if nombre > 1 else ''} "
        f"depuis « {releve.nom_fichier} » ({releve.region.nom}).",
    )
    return redirect("paiements:releves")


@releves_a_importer_requis
def modele(request):
    """A spreadsheet to fill in: the header and one example row."""
    exemple = [("CAE-075-2010-000123", f"{horloge.aujourdhui():%m/%Y}", "1043,38", "0,00")]
    return reponse_xlsx("releve-asp-modele", [("Relevé", list(COLONNES), exemple)])
