"""An arrêté's page (rates, history, what publication still needs) and its PDF."""

from django.shortcuts import render

from cui_portal import horloge
from cui_portal.historique import lignes_historique
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import perimetre_de, perimetre_requis, peut_gerer_region

from ..forms import PublicationForm
from ..models import StatutArrete
from ..services import verifier_publiable
from .commun import arrete_visible, fil, taux_par_contrat


@perimetre_requis
def detail(request, pk):
    arrete = arrete_visible(request, pk)
    perimetre = perimetre_de(request)
    gerer = peut_gerer_region(perimetre, arrete.region_id)
    contexte = {
        "arrete": arrete,
        "taux_par_contrat": taux_par_contrat(arrete),
        "historique": lignes_historique(arrete),
        "peut_modifier": gerer and arrete.modifiable,
        "peut_remplacer": gerer and arrete.statut == StatutArrete.PUBLIE,
        "remplaces": arrete.arretes_remplaces.all(),
        "title": str(arrete),
        "fil": fil(),
    }
    if contexte["peut_modifier"]:
        contexte["form_publication"] = PublicationForm(initial={"date_publication": horloge.aujourdhui()})
        contexte["manques"] = verifier_publiable(arrete, horloge.aujourdhui())
    return render(request, "arretes/detail.html", contexte)


@perimetre_requis
def pdf(request, pk):
    arrete = arrete_visible(request, pk)
    titre = f"Arrêté n° {arrete.numero or '…'} – {arrete.region} – {arrete.annee}"
    return reponse_pdf(
        "arretes/pdf/arrete.html",
        {
            "arrete": arrete,
            "taux_par_contrat": taux_par_contrat(arrete),
            "visas": [v.strip() for v in arrete.visas.splitlines() if v.strip()],
        },
        titre=titre,
        nom_fichier=f"arrete-{arrete.region.code_insee}-{arrete.annee}-{arrete.numero or 'projet'}",
    )
