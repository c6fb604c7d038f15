"""Each region's year in euros and in entries, against the objectives and the State envelope the DGEFP sets:
the lines of the national budget page and the figures of a region's page, from the one source
``paiements.budgets`` (so the same region has the same figures everywhere)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from caom.consommation import Niveau, niveau_alerte
from droit.vocabulaire import TypeContrat
from paiements import budgets as source

from .models import ObjectifRegional


def pourcentage(valeur: Decimal | int, reference: Decimal | int | None) -> Decimal | None:
    if not reference:
        return None
    return (Decimal(valeur) * 100 / Decimal(reference)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LigneBudget:
    region: object
    objectif: ObjectifRegional | None
    entrees: source.Entrees
    budget: source.Budget

    @property
    def enveloppe(self) -> Decimal | None:
        return self.objectif.enveloppe_etat if self.objectif else None

    @property
    def taux_enveloppe(self) -> Decimal | None:
        """The State's committed share against the State envelope."""
        return pourcentage(self.budget.engage.etat, self.enveloppe)

    @property
    def niveau(self) -> str:
        """The envelope alert: from 90 %, and over 100 % (``caom.consommation.niveau_alerte``)."""
        return niveau_alerte([self.taux_enveloppe])

    @property
    def en_alerte(self) -> bool:
        """The State envelope is 90 % committed or more (dépassée included)."""
        return self.niveau != Niveau.NORMAL

    @property
    def depasse(self) -> bool:
        """The State's commitment is above the envelope."""
        return self.niveau == Niveau.DEPASSE

    def realisation(self, contrat: str) -> Decimal | None:
        objectif = getattr(self.objectif, f"objectif_{contrat.lower()}", None) if self.objectif else None
        return pourcentage(self.entrees.de(contrat), objectif)

    @property
    def realisation_cae(self) -> Decimal | None:
        return self.realisation(TypeContrat.CAE)

    @property
    def realisation_cie(self) -> Decimal | None:
        return self.realisation(TypeContrat.CIE)


def lignes_budget(annee: int, jour: date, regions) -> list[LigneBudget]:
    """Four queries whatever the number of regions and conventions."""
    regions = list(regions)
    ids = [r.pk for r in regions]
    budgets = source.budgets_par_region(annee, jour, ids)
    entrees = source.entrees_par_region(annee, ids)
    objectifs = {o.region_id: o for o in ObjectifRegional.objects.filter(annee=annee, region_id__in=ids)}
    return [LigneBudget(r, objectifs.get(r.pk), entrees[r.pk], budgets[r.pk]) for r in regions]


def total_national(lignes: list[LigneBudget]) -> source.Budget:
    return source.total(ligne.budget for ligne in lignes)
