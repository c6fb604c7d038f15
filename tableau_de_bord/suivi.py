"""Selectors of the dashboards: transmission of the bilans of a fortnight, obstacles reported, tile map."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from cui_portal import horloge, parametres
from referentiels.models import Region

from . import regles
from .models import BilanEtape, LigneBilan, Quinzaine, StatutBilan

# Grid position (row, column) of each region on the tile map, by INSEE code; overseas regions on the last row.
TUILES = {
    "31": (1, 4),
    "25": (2, 2),
    "23": (2, 3),
    "22": (2, 4),
    "21": (2, 5),
    "41": (2, 6),
    "42": (2, 7),
    "53": (3, 1),
    "52": (3, 2),
    "24": (3, 3),
    "11": (3, 4),
    "26": (3, 5),
    "43": (3, 6),
    "54": (4, 2),
    "74": (4, 3),
    "83": (4, 4),
    "82": (4, 5),
    "72": (5, 2),
    "73": (5, 3),
    "91": (5, 4),
    "93": (5, 5),
    "94": (6, 6),
    "01": (7, 1),
    "02": (7, 2),
    "03": (7, 3),
    "04": (7, 4),
}


@dataclass
class Transmission:
    region: Region
    bilan: BilanEtape | None
    statut: str

    @property
    def libelle(self):
        return regles.LIBELLES_TRANSMISSION[self.statut]

    @property
    def rang(self):
        return TUILES.get(self.region.code_insee, (8, 1))[0]

    @property
    def colonne(self):
        return TUILES.get(self.region.code_insee, (8, 1))[1]


def quinzaine_choisie(valeur: str | None, aujourd_hui: date) -> Quinzaine:
    """The fortnight asked for (its id), else the latest one whose bilan is due (``regles.quinzaine_echue``)."""
    from .services import quinzaine_du

    if (pk := parametres.identifiant(valeur)) is not None:
        quinzaine = Quinzaine.objects.filter(pk=pk).first()
        if quinzaine:
            return quinzaine
    return quinzaine_du(regles.quinzaine_echue(aujourd_hui).date_debut)


def transmissions(quinzaine: Quinzaine, regions=None, aujourd_hui: date | None = None) -> list[Transmission]:
    """Each region's bilan of ``quinzaine`` and whether it came on time (two queries)."""
    aujourd_hui = aujourd_hui or horloge.aujourdhui()
    regions = list(regions if regions is not None else Region.objects.select_related("correspondant_mip"))
    bilans = {
        b.region_id: b
        for b in BilanEtape.objects.filter(quinzaine=quinzaine, region__in=regions).select_related("soumis_par")
    }
    resultat = []
    for region in regions:
        bilan = bilans.get(region.pk)
        soumis = timezone.localtime(bilan.soumis_le) if bilan and bilan.soumis_le else None
        resultat.append(
            Transmission(region, bilan, regles.statut_transmission(soumis, quinzaine.date_echeance, aujourd_hui))
        )
    return resultat


def compter(transmissions_: list[Transmission]) -> dict[str, int]:
    comptes = dict.fromkeys(regles.LIBELLES_TRANSMISSION, 0)
    for t in transmissions_:
        comptes[t.statut] += 1
    return comptes


def freins_signales(quinzaine: Quinzaine, regions=None) -> list[LigneBilan]:
    """The obstacles of each region's latest transmitted bilan up to ``quinzaine`` (two queries)."""
    bilans = BilanEtape.objects.filter(
        statut__in=[StatutBilan.SOUMIS, StatutBilan.LU], quinzaine__date_debut__lte=quinzaine.date_debut
    )
    if regions is not None:
        bilans = bilans.filter(region__in=regions)
    derniers = {}
    for pk, region_id in bilans.order_by("region_id", "-quinzaine__date_debut").values_list("pk", "region_id"):
        derniers.setdefault(region_id, pk)
    return list(
        LigneBilan.objects.filter(bilan_id__in=derniers.values())
        .exclude(freins="")
        .select_related("bilan__region", "bilan__quinzaine", "operateur__organisation")
        .order_by("bilan__region__nom", "fonction")
    )
