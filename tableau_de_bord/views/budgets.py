"""The money of the aid: the national budget page (every region: objectives, entries, State envelope,
committed, due, paid, to recover), a region's page (its départements and its CAOM) and the objectives the DGEFP
sets for each region. Every figure comes from ``paiements.budgets`` through ``tableau_de_bord.budgets``."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from caom.consommation import budgets as budgets_caom
from caom.models import Caom
from cui_portal import horloge, parametres
from cui_portal.exports import reponse_xlsx
from cui_portal.permissions import (
    perimetre_de,
    permission_requise,
    peut_fixer_objectifs,
    peut_lire_national,
    peut_voir_budgets,
    regions_des_budgets,
)
from paiements import budgets as source
from referentiels.models import Region

from ..budgets import lignes_budget, total_national
from ..forms import ObjectifRegionalForm
from ..models import ObjectifRegional

budgets_requis = permission_requise(peut_voir_budgets)


def _annee(request) -> int:
    return parametres.annee(request.GET.get("annee")) or horloge.aujourdhui().year


def _contexte(request):
    perimetre = perimetre_de(request)
    annee, jour = _annee(request), horloge.aujourdhui()
    regions = regions_des_budgets(Region.objects.order_by("nom"), perimetre)
    lignes = lignes_budget(annee, jour, regions)
    alerte = request.GET.get("alerte") == "1"
    if alerte:  # the home card's link: the regions whose State envelope is 90 % committed or more
        lignes = [ligne for ligne in lignes if ligne.en_alerte]
    return {
        "alerte": alerte,
        "annee": annee,
        "annees": range(annee - 1, annee + 2),
        "jour": jour,
        "lignes": lignes,
        "total": total_national(lignes),
        "national_": peut_lire_national(perimetre),
        "peut_fixer": peut_fixer_objectifs(perimetre),
    }


@budgets_requis
def budgets(request):
    contexte = _contexte(request)
    contexte["title"] = f"Budgets de l'aide {contexte['annee']}"
    return render(request, "tableau_de_bord/budgets.html", contexte)


ENTETES = [
    "Région",
    "Objectif CAE",
    "Entrées CAE (initiales)",
    "Renouvellements CAE",
    "Objectif CIE",
    "Entrées CIE (initiales)",
    "Renouvellements CIE",
    "Enveloppe de l'État (€)",
    "Engagé État (€)",
    "Engagé conseil général (€)",
    "Dû à ce jour (€)",
    "Payé par l'ASP (€)",
    "À récupérer (€)",
    "Enveloppe consommée (%)",
]


@budgets_requis
def budgets_xlsx(request):
    c = _contexte(request)
    lignes = [
        [
            ligne.region.nom,
            ligne.objectif.objectif_cae if ligne.objectif else None,
            ligne.entrees.initiales["CAE"],
            ligne.entrees.renouvellements["CAE"],
            ligne.objectif.objectif_cie if ligne.objectif else None,
            ligne.entrees.initiales["CIE"],
            ligne.entrees.renouvellements["CIE"],
            ligne.enveloppe,
            ligne.budget.engage.etat,
            ligne.budget.engage.conseil_general,
            ligne.budget.du.total,
            ligne.budget.paye.total,
            ligne.budget.a_recuperer,
            ligne.taux_enveloppe,
        ]
        for ligne in c["lignes"]
    ]
    return reponse_xlsx(f"budgets-de-l-aide-{c['annee']}", [(f"Budgets {c['annee']}", ENTETES, lignes)])


@budgets_requis
def budget_region(request, pk):
    perimetre = perimetre_de(request)
    region = get_object_or_404(regions_des_budgets(Region.objects.all(), perimetre), pk=pk)
    annee, jour = _annee(request), horloge.aujourdhui()
    (ligne,) = lignes_budget(annee, jour, [region])
    departements = list(region.departements.order_by("code"))
    par_departement = source.budgets_par_departement(annee, jour, [d.pk for d in departements])
    caoms = list(Caom.objects.filter(departement__region=region, annee=annee).select_related("departement"))
    par_caom = budgets_caom([c.pk for c in caoms], jour)
    return render(
        request,
        "tableau_de_bord/budget_region.html",
        {
            "title": f"Budget de l'aide {annee} – {region.nom}",
            "region": region,
            "annee": annee,
            "annees": range(annee - 1, annee + 2),
            "jour": jour,
            "ligne": ligne,
            "departements": [(d, par_departement[d.pk]) for d in departements],
            "caoms": [(c, par_caom.get(c.pk)) for c in caoms],
            "national_": peut_lire_national(perimetre),
        },
    )


@permission_requise(peut_fixer_objectifs)
def objectifs(request):
    annee = _annee(request) if request.method == "GET" else parametres.annee(request.POST.get("annee"))
    if annee is None:
        messages.error(request, "L'année des objectifs est invalide : choisissez-la dans la liste.")
        return redirect("tableau_de_bord:objectifs")
    regions = list(Region.objects.order_by("nom"))
    existants = {o.region_id: o for o in ObjectifRegional.objects.filter(annee=annee)}
    formulaires = [
        (
            region,
            ObjectifRegionalForm(
                request.POST or None,
                prefix=f"r{region.pk}",
                instance=existants.get(region.pk) or ObjectifRegional(region=region, annee=annee),
            ),
        )
        for region in regions
    ]
    if request.method == "POST":
        if all(form.is_valid() for _, form in formulaires):
            with transaction.atomic():
                for _, form in formulaires:
                    form.save()
            messages.success(request, f"Les objectifs {annee} des {len(regions)} régions sont enregistrés.")
            return redirect(f"{request.path}?annee={annee}")
        messages.error(request, "Rien n'est enregistré : corrigez les montants signalés.")
    return render(
        request,
        "tableau_de_bord/objectifs.html",
        {
            "title": f"Objectifs et enveloppes {annee}",
            "annee": annee,
            "annees": range(annee - 1, annee + 2),
            "formulaires": formulaires,
        },
    )
