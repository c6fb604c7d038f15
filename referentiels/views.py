from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from cui_portal.permissions import perimetre_de, perimetre_requis
from referentiels.models import Organisation, TypeOrganisation


@perimetre_requis
def organisations(request):
    perimetre = perimetre_de(request)
    qs = (
        Organisation.objects.visibles_par(perimetre)
        .select_related("region", "departement")
        .annotate(nb_membres=Count("habilitations", filter=Q(habilitations__actif=True)))
        .order_by("nom")
    )
    recherche = request.GET.get("q", "").strip()[:100]
    type_ = request.GET.get("type", "")
    if recherche:
        qs = qs.filter(nom__icontains=recherche)
    if type_ in TypeOrganisation.values:
        qs = qs.filter(type=type_)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    params = "&".join(f"{k}={v}" for k, v in (("q", recherche), ("type", type_)) if v)
    return render(
        request,
        "referentiels/organisations.html",
        {
            "page_obj": page,
            "recherche": recherche,
            "type": type_,
            "types": TypeOrganisation.choices,
            "params": params,
            "title": "Organisations",
        },
    )


@perimetre_requis
def organisation(request, pk):
    perimetre = perimetre_de(request)
    objet = get_object_or_404(
        Organisation.objects.visibles_par(perimetre).select_related("region", "departement"), pk=pk
    )
    membres = objet.habilitations.filter(actif=True).select_related("utilisateur").order_by("utilisateur__nom")
    return render(
        request, "referentiels/organisation.html", {"organisation": objet, "membres": membres, "title": objet.nom}
    )
