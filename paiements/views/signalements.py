"""The region's page of the reconciliation: the convention-months flagged (overpaid, or unpaid
``DELAI_PAIEMENT_AIDE_JOURS`` days after their end) and the payments on annulled conventions, with their counts,
within the person's scope; and the same report as a spreadsheet."""

from itertools import chain

from django.shortcuts import render

from cui_portal import horloge
from cui_portal.exports import reponse_xlsx
from cui_portal.pagination import paginer
from cui_portal.permissions import (
    choisit_la_region,
    paiements_requis,
    perimetre_de,
    peut_importer_des_releves,
    region_choisie,
    regions_a_choisir,
)
from referentiels.models import Region

from ..rapprochement import (
    CONVENTION_ANNULEE,
    FILTRES,
    TROP_PERCU,
    comptes,
    mois_signales,
    paiements_hors_echeancier,
    paiements_sans_mois_du,
    paiements_sur_conventions_annulees,
    signale,
    signale_hors_echeancier,
)
from ..regles import SIGNAUX

HORS_ECHEANCIER_MONTRES = 200
LOT_EXPORT = 2000


def _criteres(request):
    perimetre = perimetre_de(request)
    region = request.GET.get("region", "")
    signal = request.GET.get("signal", "")
    return perimetre, region, region_choisie(perimetre, region), signal if signal in FILTRES else ""


def _sans_mois_du(region_id, signal: str, jour, limite: int | None = None):
    """The payments no month due accounts for, in one query (both kinds, or the one the filter keeps), split:
    outside the schedule, on annulled conventions."""
    requetes = {
        "": paiements_sans_mois_du,
        TROP_PERCU: paiements_hors_echeancier,
        CONVENTION_ANNULEE: paiements_sur_conventions_annulees,
    }
    hors, annulees = [], []
    if signal in requetes:
        for ligne in requetes[signal](region_id)[:limite]:
            signale_ = signale_hors_echeancier(ligne, jour)
            (hors if signale_.annulee_le is None else annulees).append(signale_)
    return hors, annulees


@paiements_requis
def signalements(request):
    perimetre, region, region_id, signal = _criteres(request)
    jour = horloge.aujourdhui()
    page = paginer(request, mois_signales(region_id, jour, signal or None))
    hors, annulees = _sans_mois_du(region_id, signal, jour, HORS_ECHEANCIER_MONTRES)
    return render(
        request,
        "paiements/signalements.html",
        {
            "page_obj": page,
            "lignes": [signale(mois, jour) for mois in page.object_list],
            "hors_echeancier": hors,
            "sur_conventions_annulees": annulees,
            "hors_echeancier_montres": HORS_ECHEANCIER_MONTRES,
            "comptes": comptes(region_id, jour),
            "jour": jour,
            "signal": signal,
            "filtres": FILTRES,
            "region": region,
            "region_choisie": Region.objects.filter(pk=region_id).first() if region_id else None,
            "regions": regions_a_choisir(Region.objects.all(), perimetre) if choisit_la_region(perimetre) else None,
            "peut_importer": peut_importer_des_releves(perimetre),
            "title": "Paiements de l'ASP : mois signalés",
        },
    )


ENTETES = [
    "Convention",
    "Département",
    "Mois",
    "Dû (€)",
    "Payé par l'État (€)",
    "Payé par le conseil général (€)",
    "Écart (€)",
    "À récupérer (€)",
    "Signalement",
    "Convention annulée le",
]


@paiements_requis
def signalements_xlsx(request):
    """The report of the page, every row (no pagination), with the same region and filter: the flagged months,
    the payments outside the schedule and those on annulled conventions, each with what is to be recovered."""
    _perimetre, _region, region_id, signal = _criteres(request)
    jour = horloge.aujourdhui()
    mois = (signale(m, jour) for m in mois_signales(region_id, jour, signal or None).iterator(chunk_size=LOT_EXPORT))
    lignes = (
        [
            ligne.numero,
            ligne.departement,
            ligne.rapprochement.mois,
            ligne.rapprochement.du,
            ligne.rapprochement.paye_etat,
            ligne.rapprochement.paye_conseil_general,
            ligne.rapprochement.ecart,
            ligne.rapprochement.a_recuperer,
            SIGNAUX.get(ligne.rapprochement.signal, ""),
            ligne.annulee_le,
        ]
        for ligne in chain(mois, *_sans_mois_du(region_id, signal, jour))
    )
    nom = f"paiements-asp-signales-{jour:%Y-%m-%d}"
    return reponse_xlsx(nom, [("Paiements signalés", ENTETES, lignes)])
