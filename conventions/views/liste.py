"""The list of the conventions a person may see (``visibles_par``), filtered, searched, sorted and paginated
(25 a page; a constant number of queries whatever the number of rows), and its XLSX export without the NIR."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify

from cui_portal.exports import TYPE_XLSX
from cui_portal.pagination import paginer
from cui_portal.permissions import ROLES_LISTE_CONVENTIONS, perimetre_de, peut_creer_convention, roles_requis

from ..filters import ConventionFilter, ressemble_a_un_nir
from ..models import Convention
from .export import SEUIL_DIFFERE, TYPE_TRAVAIL, classeur, nom_fichier, queryset_export


def _parametres(request) -> dict:
    return {k: v for k, v in request.GET.items() if k != "page" and v}


def _sans_nir(request):
    """A search that looks like a NIR is dropped (and the address bar cleaned): no NIR in URLs."""
    if ressemble_a_un_nir(request.GET.get("q", "")):
        messages.warning(request, "La recherche par NIR n'est pas possible : cherchez par nom ou par numéro.")
        reste = {k: v for k, v in _parametres(request).items() if k != "q"}
        return redirect(f"{request.path}?{urlencode(reste)}" if reste else request.path)
    return None


def url_travail_differe() -> str:
    """The page of the ``rappels`` app that starts a deferred export (the project always installs it: a missing
    URL is a bug to see, not to hide)."""
    return reverse("rappels:lancer_travail", args=[TYPE_TRAVAIL])


@roles_requis(*ROLES_LISTE_CONVENTIONS)
def liste(request):
    if (reponse := _sans_nir(request)) is not None:
        return reponse
    perimetre = perimetre_de(request)
    qs = Convention.objects.visibles_par(perimetre).select_related(
        "employeur", "salarie", "prescripteur", "departement", "public"
    )
    filtre = ConventionFilter(request.GET or None, queryset=qs.order_by("-date_conclusion", "-pk"), perimetre=perimetre)
    resultats = filtre.qs
    page = paginer(request, resultats)
    parametres = _parametres(request)
    total = page.paginator.count
    return render(
        request,
        "conventions/liste.html",
        {
            "title": "Conventions individuelles",
            "filtre": filtre,
            "page_obj": page,
            "total": total,
            "params": urlencode(parametres),
            "parametres": parametres,
            "peut_creer": peut_creer_convention(perimetre),
            "export_differe": total > SEUIL_DIFFERE and url_travail_differe(),
            "seuil_differe": SEUIL_DIFFERE,
        },
    )


@roles_requis(*ROLES_LISTE_CONVENTIONS)
def export(request):
    if (reponse := _sans_nir(request)) is not None:
        return reponse
    qs = queryset_export(perimetre_de(request), request.GET or None)
    reponse = HttpResponse(classeur(qs), content_type=TYPE_XLSX)
    reponse["Content-Disposition"] = f'attachment; filename="{slugify(nom_fichier())}.xlsx"'
    return reponse
