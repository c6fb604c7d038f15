from django.shortcuts import get_object_or_404, render

from cui_portal.pagination import paginer
from cui_portal.permissions import perimetre_de, perimetre_requis
from referentiels.models import Organisation, TypeOrganisation

from .exports import TYPE_TRAVAIL, filtres_organisations, organisations_filtrees


@perimetre_requis
def organisations(request):
    perimetre = perimetre_de(request)
    filtres = filtres_organisations(request.GET)
    page = paginer(request, organisations_filtrees(perimetre, filtres))
    return render(
        request,
        "referentiels/organisations.html",
        {
            "page_obj": page,
            "recherche": filtres["q"],
            "type": filtres["type"],
            "types": TypeOrganisation.choices,
            "type_travail": TYPE_TRAVAIL,
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
