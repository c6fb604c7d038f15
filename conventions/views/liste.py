"""The list of the conventions a person may see (``visibles_par``), filtered, searched, sorted and paginated
(25 a page; a constant number of queries whatever the number of rows), and its XLSX export without the NIR.

The filter form is POSTed and answered by a redirection to the filtered address, so that a NIR typed in the
search box never appears in a URL: it becomes a token of the session (``conventions/recherche_nir.py``)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify

from cui_portal.exports import TYPE_XLSX
from cui_portal.pagination import paginer
from cui_portal.permissions import ROLES_LISTE_CONVENTIONS, perimetre_de, peut_creer_convention, roles_requis
from cui_portal.recherche import texte_recherche

from .. import recherche_nir
from ..filters import ConventionFilter, ressemble_a_un_nir
from ..models import Convention
from .export import SEUIL_DIFFERE, TYPE_TRAVAIL, classeur, nom_fichier, queryset_export


def _parametres(request) -> dict:
    return {k: v for k, v in request.GET.items() if k != "page" and v}


def _rediriger_la_recherche(request):
    """The POSTed filters become the list's address (303); a NIR in the search box a token of the session."""
    champs = {k: v[:200] for k, v in request.POST.items() if k in ConventionFilter.base_filters and v}
    if ressemble_a_un_nir(champs.get("q", "")):
        champs[recherche_nir.PARAMETRE] = recherche_nir.memoriser(request.session, champs.pop("q"))
    reponse = redirect(f"{request.path}?{urlencode(champs)}" if champs else request.path)
    reponse.status_code = 303
    return reponse


def _nir_recherche(request) -> str | None:
    """The NIR searched for, read back from the session through the address's token."""
    jeton = request.GET.get(recherche_nir.PARAMETRE)
    nir = recherche_nir.retrouver(request.session, jeton)
    if jeton and nir is None:
        messages.warning(request, "Cette recherche par NIR n'est plus disponible : saisissez de nouveau le NIR.")
    return nir


def _sans_nir(request):
    """A search that looks like a NIR is dropped (and the address bar cleaned): no NIR in URLs."""
    if ressemble_a_un_nir(request.GET.get("q", "")):
        messages.warning(request, "Un NIR ne se cherche pas dans l'adresse : saisissez-le dans « Rechercher ».")
        reste = {k: v for k, v in _parametres(request).items() if k != "q"}
        return redirect(f"{request.path}?{urlencode(reste)}" if reste else request.path)
    return None


def url_travail_differe() -> str:
    """The page of the ``rappels`` app that starts a deferred export (the project always installs it: a missing
    URL is a bug to see, not to hide)."""
    return reverse("rappels:lancer_travail", args=[TYPE_TRAVAIL])


@roles_requis(*ROLES_LISTE_CONVENTIONS)
def liste(request):
    if request.method == "POST":
        return _rediriger_la_recherche(request)
    if (reponse := _sans_nir(request)) is not None:
        return reponse
    perimetre = perimetre_de(request)
    qs = Convention.objects.visibles_par(perimetre).pour_la_liste()
    if nir := _nir_recherche(request):
        qs = recherche_nir.filtrer_par_nir(qs, nir)
    filtre = ConventionFilter(request.GET or None, queryset=qs.order_by("-date_conclusion", "-pk"), perimetre=perimetre)
    resultats = filtre.qs
    # A search is counted less far than a list: beyond a thousand people found, one refines the words typed.
    cherche = bool(texte_recherche(request.GET.get("q")))
    page = paginer(
        request, resultats, plafond=settings.PLAFOND_DU_DECOMPTE_RECHERCHE if cherche else settings.PLAFOND_DU_DECOMPTE
    )
    parametres = _parametres(request)
    # The deferred export runs without the session: it gets the NIR's keyed hash instead of the token.
    parametres_differes = {k: v for k, v in parametres.items() if k != recherche_nir.PARAMETRE}
    if nir:
        parametres_differes[recherche_nir.EMPREINTE] = recherche_nir.empreinte(nir)
    total = page.paginator.count
    return render(
        request,
        "conventions/liste.html",
        {
            "title": "Conventions individuelles",
            "filtre": filtre,
            "page_obj": page,
            "total": total,
            "plafonne": page.paginator.plafonne,
            "plafond": page.paginator.plafond,
            "cherche": cherche,
            "params": urlencode(parametres),
            "parametres": parametres_differes,
            "recherche_nir": nir and recherche_nir.masque(nir),
            "peut_creer": peut_creer_convention(perimetre),
            "export_differe": (page.paginator.plafonne or total > SEUIL_DIFFERE) and url_travail_differe(),
            "seuil_differe": SEUIL_DIFFERE,
        },
    )


@roles_requis(*ROLES_LISTE_CONVENTIONS)
def export(request):
    if (reponse := _sans_nir(request)) is not None:
        return reponse
    qs = queryset_export(perimetre_de(request), request.GET or None, nir=_nir_recherche(request))
    reponse = HttpResponse(classeur(qs), content_type=TYPE_XLSX)
    reponse["Content-Disposition"] = f'attachment; filename="{slugify(nom_fichier())}.xlsx"'
    return reponse
