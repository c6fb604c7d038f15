"""The national follow-up of the arrêtés: each region and the state of its arrêté for a year."""

from datetime import date

from referentiels.models import Region

from .models import Arrete, StatutArrete
from .regles import EtatPublication, etat_publication

# The states a region without a published arrêté may be in (late only once the deadline has passed).
NON_PUBLIE = frozenset({EtatPublication.A_VENIR, EtatPublication.BROUILLON, EtatPublication.EN_RETARD})
# The ``etat`` filter of the follow-up page: one state, or every region without a published arrêté.
ETATS_FILTRES = {"non_publie": NON_PUBLIE} | {etat: frozenset({etat}) for etat in EtatPublication.LIBELLES}


def lignes_suivi(annee: int, aujourd_hui: date) -> list[dict]:
    """Each of the 26 regions and the state of its arrêté for ``annee`` (deadline: 30 November of the year before)."""
    publies = dict(
        Arrete.objects.filter(annee=annee, statut=StatutArrete.PUBLIE).values_list("region_id", "date_publication")
    )
    brouillons = set(
        Arrete.objects.filter(annee=annee, statut=StatutArrete.BROUILLON).values_list("region_id", flat=True)
    )
    lignes = []
    for region in Region.objects.order_by("nom"):
        etat = etat_publication(annee, aujourd_hui, region.pk in publies, region.pk in brouillons)
        lignes.append(
            {
                "region": region,
                "etat": etat,
                "libelle": EtatPublication.LIBELLES[etat],
                "date_publication": publies.get(region.pk),
                "brouillon": region.pk in brouillons,
            }
        )
    return lignes
