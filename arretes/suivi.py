"""The national follow-up of the arrêtés: each region and the state of its arrêté for a year."""

from datetime import date

from referentiels.models import Region

from .models import Arrete, StatutArrete
from .regles import ArreteDate, EtatPublication, etat_publication, prescrit_sur_l_arrete_precedent

# The states a region without a published arrêté may be in (late only once the deadline has passed).
NON_PUBLIE = frozenset({EtatPublication.A_VENIR, EtatPublication.BROUILLON, EtatPublication.EN_RETARD})
# The ``etat`` filter of the follow-up page: one state, or every region without a published arrêté.
ETATS_FILTRES = {"non_publie": NON_PUBLIE} | {etat: frozenset({etat}) for etat in EtatPublication.LIBELLES}


def lignes_suivi(annee: int, aujourd_hui: date) -> list[dict]:
    """Each of the 26 regions and the state of its arrêté for ``annee`` (deadline: 30 November of the year before),
    and, while it is not published, the arrêté of an earlier year the region prescribes on for hires of ``annee``
    (an arrêté stays in force until the next one: circular 2009-42, annexe 3)."""
    publies = dict(
        Arrete.objects.filter(annee=annee, statut=StatutArrete.PUBLIE).values_list("region_id", "date_publication")
    )
    brouillons = set(
        Arrete.objects.filter(annee=annee, statut=StatutArrete.BROUILLON).values_list("region_id", flat=True)
    )
    anterieurs: dict[int, list[ArreteDate]] = {}
    for region_id, *valeurs in (
        Arrete.objects.filter(annee__lt=annee, date_publication__isnull=False)
        .exclude(statut=StatutArrete.BROUILLON)
        .values_list("region_id", "pk", "annee", "date_publication", "date_abrogation")
    ):
        anterieurs.setdefault(region_id, []).append(ArreteDate(*valeurs))
    numeros = dict(Arrete.objects.filter(annee__lt=annee).values_list("pk", "numero"))
    lignes = []
    for region in Region.objects.order_by("nom"):
        etat = etat_publication(annee, aujourd_hui, region.pk in publies, region.pk in brouillons)
        precedent = None
        if region.pk not in publies:
            precedent = prescrit_sur_l_arrete_precedent(anterieurs.get(region.pk, []), annee, aujourd_hui)
        lignes.append(
            {
                "region": region,
                "etat": etat,
                "libelle": EtatPublication.LIBELLES[etat],
                "date_publication": publies.get(region.pk),
                "brouillon": region.pk in brouillons,
                # The arrêté of an earlier year the region still prescribes on for the hires of ``annee``.
                "arrete_precedent": precedent,
                "numero_precedent": numeros.get(precedent.id) if precedent else None,
            }
        )
    return lignes
