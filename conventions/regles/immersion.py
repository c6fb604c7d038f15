"""Immersion periods (CAE only): each at most one month, together at most 25 % of the contract's length, within
the convention (décret 2009-1442; circular
2009-42). Periods are given with their first and last day, both included."""

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from droit.nombres import IMMERSION_DUREE_MAX_MOIS, PART_MAX_IMMERSION, SOURCE_IMMERSION, pourcentage
from referentiels.violation import Violation

from .base import CAE
from .duree import date_fin_pour


@dataclass(frozen=True)
class Periode:
    debut: date
    fin: date  # included

    @property
    def jours(self) -> int:
        return (self.fin - self.debut).days + 1


def jours_max_immersion(debut_convention: date, fin_convention: date) -> int:
    """25 % of the convention's days (rounded down)."""
    jours = (fin_convention - debut_convention).days + 1
    return int(Decimal(jours) * PART_MAX_IMMERSION)


def verifier_periodes_immersion(
    type_contrat: str, debut_convention: date, fin_convention: date, periodes: list[Periode]
) -> list[Violation]:
    """Check all the periods of one convention together (a new one is checked with the existing ones)."""
    if not periodes:
        return []
    if type_contrat != CAE:
        return [
            Violation(
                "type_contrat",
                f"Les périodes d'immersion ne sont ouvertes qu'aux salariés en CAE ({SOURCE_IMMERSION}).",
            )
        ]
    violations = []
    for p in periodes:
        if p.fin < p.debut:
            violations.append(Violation("date_fin", "La fin de la période d'immersion doit suivre son début."))
            continue
        limite = date_fin_pour(p.debut, IMMERSION_DUREE_MAX_MOIS)
        if p.fin > limite:
            violations.append(
                Violation(
                    "date_fin",
                    f"Une période d'immersion dure un mois au plus : commencée le {p.debut:%d/%m/%Y}, elle finit au "
                    f"plus tard le {limite:%d/%m/%Y} ({p.jours} jours demandés ; {SOURCE_IMMERSION}).",
                )
            )
        if p.debut < debut_convention or p.fin > fin_convention:
            violations.append(
                Violation(
                    "date_debut",
                    f"La période d'immersion doit se situer pendant la convention (du {debut_convention:%d/%m/%Y} au "
                    f"{fin_convention:%d/%m/%Y}).",
                )
            )
    ordonnees = sorted(periodes, key=lambda p: p.debut)
    for avant, apres in itertools.pairwise(ordonnees):
        if apres.debut <= avant.fin:
            violations.append(
                Violation(
                    "date_debut",
                    f"Deux périodes d'immersion se chevauchent (du {apres.debut:%d/%m/%Y} au {avant.fin:%d/%m/%Y}).",
                )
            )
    total = sum(p.jours for p in periodes if p.fin >= p.debut)
    maximum = jours_max_immersion(debut_convention, fin_convention)
    if total > maximum:
        violations.append(
            Violation(
                "date_fin",
                f"Les périodes d'immersion ne peuvent dépasser {pourcentage(PART_MAX_IMMERSION)} de la durée du "
                f"contrat, soit {maximum} jours pour cette convention ({total} jours au total ; {SOURCE_IMMERSION}).",
            )
        )
    return violations
