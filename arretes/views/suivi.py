"""The national follow-up of the regions' arrêtés of a year: page and XLSX export."""

from django.shortcuts import render

from cui_portal import horloge, parametres
from cui_portal.exports import reponse_xlsx
from cui_portal.permissions import exiger, perimetre_de, perimetre_requis, peut_lire_national
from droit.nombres import annee_de_campagne

from ..regles import EtatPublication, date_limite_publication
from ..suivi import ETATS_FILTRES, lignes_suivi
from .commun import fil


def _annee_suivi(request) -> int:
    annee = request.GET.get("annee", "")
    demandee = parametres.annee(annee)
    return demandee if demandee is not None else annee_de_campagne(horloge.aujourdhui())


@perimetre_requis
def suivi(request):
    exiger(peut_lire_national(perimetre_de(request)))
    annee = _annee_suivi(request)
    lignes = lignes_suivi(annee, horloge.aujourdhui())
    compte = {etat: sum(1 for ligne in lignes if ligne["etat"] == etat) for etat in EtatPublication.LIBELLES}
    nb_sur_precedent = sum(1 for ligne in lignes if ligne["arrete_precedent"])
    etat = request.GET.get("etat", "")
    if etat in ETATS_FILTRES:
        lignes = [ligne for ligne in lignes if ligne["etat"] in ETATS_FILTRES[etat]]
    return render(
        request,
        "arretes/suivi.html",
        {
            "annee": annee,
            "lignes": lignes,
            "compte": compte,
            "nb_sur_precedent": nb_sur_precedent,
            "filtre_etat": etat if etat in ETATS_FILTRES else "",
            "libelles": EtatPublication.LIBELLES,
            "date_limite": date_limite_publication(annee),
            "annees": range(2010, horloge.aujourdhui().year + 2),
            "title": f"Suivi national des arrêtés {annee}",
            "fil": fil(),
        },
    )


@perimetre_requis
def suivi_export(request):
    exiger(peut_lire_national(perimetre_de(request)))
    annee = _annee_suivi(request)
    lignes = [
        (
            ligne["region"].code_insee,
            ligne["region"].nom,
            ligne["libelle"],
            ligne["date_publication"],
            ligne["arrete_precedent"].annee if ligne["arrete_precedent"] else None,
        )
        for ligne in lignes_suivi(annee, horloge.aujourdhui())
    ]
    entetes = ["Code région", "Région", "Statut", "Date de publication", "Prescrit sur l'arrêté de l'année"]
    return reponse_xlsx(
        f"suivi-arretes-{annee}",
        [(f"Arrêtés {annee}", entetes, lignes)],
    )
