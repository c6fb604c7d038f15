"""National and regional dashboards of the CAE-jeunes programme, and their XLSX / PDF exports."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from cui_portal import horloge
from cui_portal.exports import reponse_xlsx
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import (
    exiger,
    perimetre_de,
    peut_lire_national,
    peut_suivre_region,
    programme_requis,
    region_suivie,
    regions_du_programme,
)
from referentiels.models import Region

from .. import indicateurs, regles, suivi
from ..models import DemandePaiement, Quinzaine
from ..services_indicateurs import fraicheur


def _quinzaines(annee: int):
    return Quinzaine.objects.filter(annee__in=[annee - 1, annee, annee + 1]).order_by("date_debut")


def _graphique(territoires, attribut: str, libelle: str, echelle: float | None = 100, unite: str = " %") -> dict:
    """Horizontal bars drawn server-side in SVG, each labelled with its value (the figures are also in a table).
    With ``echelle`` None, the longest bar is the largest value; rates are capped at 100 % in width."""
    valeurs = [attribut_de(t, attribut) for t in territoires]
    maximum = echelle or max([float(v or 0) for v in valeurs] + [1])
    barres = [
        {
            "nom": t.nom,
            "valeur": v,
            "unite": unite,
            "largeur": round(min(float(v or 0), maximum) / maximum * 300, 1),
            "y": i * 22,
            "ty": i * 22 + 15,
        }
        for i, (t, v) in enumerate(zip(territoires, valeurs, strict=True))
    ]
    return {"libelle": libelle, "barres": barres, "hauteur": len(barres) * 22 + 4}


def attribut_de(objet, chemin: str):
    for partie in chemin.split("."):
        objet = getattr(objet, partie)
    return objet


def _contexte_national(request):
    aujourd_hui = horloge.aujourdhui()
    quinzaine = suivi.quinzaine_choisie(request.GET.get("quinzaine"), aujourd_hui)
    regions = list(Region.objects.select_related("correspondant_mip"))
    transmissions = suivi.transmissions(quinzaine, regions, aujourd_hui)
    territoires, national = indicateurs.par_region(quinzaine.annee, quinzaine.date_fin, regions)
    return {
        "quinzaine": quinzaine,
        "quinzaines": _quinzaines(quinzaine.annee),
        "transmissions": transmissions,
        "comptes": suivi.compter(transmissions),
        "libelles": regles.LIBELLES_TRANSMISSION,
        "territoires": territoires,
        "national": national,
        "jpe": regles.PARAMETRES_JPE,
        "freins": suivi.freins_signales(quinzaine, regions),
        "fraicheur": fraicheur(),
        "graphique_cae": _graphique(territoires, "cae.realisation", "Entrées en CAE / objectif (%)"),
        "graphique_immersion": _graphique(territoires, "taux_immersion", "CAE-jeunes avec immersion (%)"),
        "empreinte_indicateurs": indicateurs.empreinte(quinzaine.pk, territoires, national),
        "duree_fragments": settings.DUREE_FRAGMENTS_EN_CACHE,
        "paiements_en_retard": DemandePaiement.objects.en_retard(aujourd_hui).count(),
        "aujourd_hui": aujourd_hui,
    }


@programme_requis
def accueil(request):
    region_id = region_suivie(perimetre_de(request))
    if region_id is not None:
        return redirect("tableau_de_bord:regional", region_id)
    return redirect("tableau_de_bord:national")


@programme_requis
def national(request):
    exiger(peut_lire_national(perimetre_de(request)))
    contexte = _contexte_national(request)
    # The table may be limited to one state of transmission (the home card's link: the regions not transmitted).
    transmission = request.GET.get("transmission", "")
    transmission = transmission if transmission in regles.LIBELLES_TRANSMISSION else ""
    contexte["filtre_transmission"] = regles.LIBELLES_TRANSMISSION.get(transmission, "")
    contexte["lignes_transmission"] = [
        t for t in contexte["transmissions"] if not transmission or t.statut == transmission
    ]
    contexte["title"] = "Tableau de bord national CAE-jeunes"
    return render(request, "tableau_de_bord/national.html", contexte)


def _lignes_indicateurs(territoires, national):
    for t in [*territoires, national]:
        yield [
            t.nom,
            t.cae.objectif,
            t.cae.entrees,
            t.cae.realisation,
            t.cae.taux_moyen,
            t.cae.heures_moyennes,
            t.cae.duree_moyenne,
            t.cie.objectif,
            t.cie.entrees,
            t.cie.realisation,
            t.cie.taux_moyen,
            t.cie.heures_moyennes,
            t.cie.duree_moyenne,
            t.objectif_cae_jeunes,
            t.cae_jeunes,
            t.cae_jeunes_immersion,
            t.taux_immersion,
            t.periodes_immersion,
        ]


ENTETES_INDICATEURS = [
    "Territoire",
    "Objectif CAE",
    "Entrées CAE",
    "Réalisation CAE (%)",
    "Taux moyen CAE (%)",
    "Heures hebdo. CAE",
    "Durée moyenne CAE (mois)",
    "Objectif CIE",
    "Entrées CIE",
    "Réalisation CIE (%)",
    "Taux moyen CIE (%)",
    "Heures hebdo. CIE",
    "Durée moyenne CIE (mois)",
    "Objectif CAE-jeunes",
    "CAE-jeunes",
    "CAE-jeunes avec immersion",
    "Taux d'immersion (%)",
    "Périodes d'immersion",
]


@programme_requis
def national_xlsx(request):
    exiger(peut_lire_national(perimetre_de(request)))
    c = _contexte_national(request)
    q = c["quinzaine"]
    transmissions = [
        [
            t.region.nom,
            str(t.region.correspondant_mip or ""),
            t.libelle,
            timezone.localtime(t.bilan.soumis_le).replace(tzinfo=None) if t.bilan and t.bilan.soumis_le else None,
            t.bilan.get_statut_display() if t.bilan else "Aucun bilan",
        ]
        for t in c["transmissions"]
    ]
    freins = [[f.bilan.region.nom, f.bilan.quinzaine.date_fin, f.get_fonction_display(), f.freins] for f in c["freins"]]
    return reponse_xlsx(
        f"tableau-de-bord-cae-jeunes-{q.date_fin:%Y-%m-%d}",
        [
            (
                "Transmission des bilans",
                ["Région", "Correspondant MIP", f"Bilan au {q.date_fin:%d/%m/%Y}", "Transmis le", "Statut"],
                transmissions,
            ),
            (f"Indicateurs {q.annee}", ENTETES_INDICATEURS, _lignes_indicateurs(c["territoires"], c["national"])),
            ("Freins identifiés", ["Région", "Bilan au", "Fonction", "Freins identifiés"], freins),
        ],
    )


@programme_requis
def national_pdf(request):
    exiger(peut_lire_national(perimetre_de(request)))
    c = _contexte_national(request)
    q = c["quinzaine"]
    return reponse_pdf(
        "tableau_de_bord/pdf/national.html",
        c,
        titre=f"Tableau de bord national CAE-jeunes – bilans au {q.date_fin:%d/%m/%Y}",
        nom_fichier=f"tableau-de-bord-cae-jeunes-{q.date_fin:%Y-%m-%d}",
    )


@programme_requis
def regional(request, pk):
    perimetre = perimetre_de(request)
    regions = regions_du_programme(Region.objects.select_related("correspondant_mip"), perimetre)
    region = get_object_or_404(regions, pk=pk)
    aujourd_hui = horloge.aujourdhui()
    quinzaine = suivi.quinzaine_choisie(request.GET.get("quinzaine"), aujourd_hui)
    territoires, _ = indicateurs.par_region(quinzaine.annee, quinzaine.date_fin, [region])
    departements = indicateurs.par_departement(region, quinzaine.annee, quinzaine.date_fin)
    transmission = suivi.transmissions(quinzaine, [region], aujourd_hui)[0]
    derniers = region.bilans_etape.select_related("quinzaine").order_by("-quinzaine__date_debut")[:6]
    retards = (
        DemandePaiement.objects.en_retard(aujourd_hui)
        .filter(convention__operateur__region=region)
        .select_related("convention__operateur__organisation")
    )
    return render(
        request,
        "tableau_de_bord/regional.html",
        {
            "region": region,
            "quinzaine": quinzaine,
            "quinzaines": _quinzaines(quinzaine.annee),
            "territoire": territoires[0],
            "departements": departements,
            "empreinte_indicateurs": indicateurs.empreinte(quinzaine.pk, territoires, departements),
            "duree_fragments": settings.DUREE_FRAGMENTS_EN_CACHE,
            "graphique_cae": _graphique(
                departements, "cae.entrees", "Entrées en CAE par département", echelle=None, unite=""
            ),
            "transmission": transmission,
            "derniers_bilans": derniers,
            "chiffres": indicateurs.chiffres_bilan(region, quinzaine.date_debut),
            "freins": suivi.freins_signales(quinzaine, [region]),
            "retards": retards,
            "jpe": regles.PARAMETRES_JPE,
            "fraicheur": fraicheur(),
            "debut_programme": regles.DEBUT_PROGRAMME,
            "peut_suivre": peut_suivre_region(perimetre, region.pk),
            "national_": peut_lire_national(perimetre),
            "aujourd_hui": aujourd_hui,
            "title": f"Tableau de bord CAE-jeunes – {region.nom}",
        },
    )
