"""The 30 November report on the CAOM negotiations: page, XLSX and PDF (regions, DGEFP, and each conseil général
for its own département)."""

from django.shortcuts import render

from cui_portal import horloge
from cui_portal.exports import reponse_xlsx
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import choisit_la_region, departement_du_conseil_general, perimetre_de, rapport_caom_requis
from referentiels.models import Departement, Region

from ..rapport import ENTETES, contexte_rapport, departements_visibles, lignes, lignes_tableur
from ..regles import date_rapport
from .commun import annee_demandee, annees_proposees, region_demandee


def _contexte(request) -> dict:
    perimetre = perimetre_de(request)
    annee = annee_demandee(request)
    region = region_demandee(request, perimetre)
    lignes_caom = lignes(departements_visibles(perimetre, region.pk if region else None), annee)
    portee = region.nom if region else "France entière"
    departement = Departement.objects.filter(pk=departement_du_conseil_general(perimetre)).first()
    if departement is not None:  # a conseil général reads the report of its own département
        portee = departement.nom
    return {
        **contexte_rapport(lignes_caom, annee, horloge.aujourdhui()),
        "region": region,
        "portee": portee,
        "date_rapport": date_rapport(annee),
        "title": f"État des négociations des CAOM {annee} – {portee}",
    }


def _parametres(ctx) -> str:
    region = f"&region={ctx['region'].pk}" if ctx["region"] else ""
    return f"annee={ctx['annee']}{region}"


@rapport_caom_requis
def rapport(request):
    ctx = _contexte(request)
    perimetre = perimetre_de(request)
    ctx |= {
        "annees": annees_proposees(ctx["annee"]),
        "regions": Region.objects.all() if choisit_la_region(perimetre) else [],
        "parametres": _parametres(ctx),
    }
    return render(request, "caom/rapport.html", ctx)


@rapport_caom_requis
def rapport_xlsx(request):
    ctx = _contexte(request)
    feuilles = [("État des négociations", ENTETES, list(lignes_tableur(ctx["lignes"])))]
    if ctx["relance"]:
        feuilles.append(
            (
                "Non signées au 31 décembre" if ctx["echeance_depassee"] else "À signer avant le 31 décembre",
                ENTETES,
                list(lignes_tableur(ctx["non_signees"])),
            )
        )
    return reponse_xlsx(f"caom-{ctx['annee']}-rapport-30-novembre-{ctx['portee']}", feuilles)


@rapport_caom_requis
def rapport_pdf(request):
    ctx = _contexte(request)
    return reponse_pdf(
        "caom/pdf/rapport.html",
        ctx,
        titre=ctx["title"],
        nom_fichier=f"caom-{ctx['annee']}-rapport-30-novembre-{ctx['portee']}",
    )
