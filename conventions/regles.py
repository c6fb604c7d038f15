"""The law of the convention individuelle CAE/CIE, in pure functions on plain values (no ORM, no request).

Every error is a ``Violation(champ, message)``: the field a form shows it at, and a French message naming the
limit and its source. Sources: Code du travail as in force on 1 January 2010 (L. 5134-19-1 and following),
décret n° 2009-1442 du 25 novembre 2009, circular DGEFP 2009-42 (Annexe 1: rules for the prescripteurs).

Durations, renewals and the transition from the plan de cohésion sociale are in ``regles_duree``; immersion in
``regles_immersion``; this module holds the shared vocabulary, the hours, the contract types and dates, the
statuses, the bilan and the declaration deadline.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

# --- vocabulary ----------------------------------------------------------------------------------

CAE = "CAE"
CIE = "CIE"
CAE_PCS = "CAE_PCS"
CIE_PCS = "CIE_PCS"
CAV = "CAV"
CI_RMA = "CI_RMA"
CONTRATS_CUI = frozenset({CAE, CIE})
CONTRATS_PCS = frozenset({CAE_PCS, CIE_PCS, CAV, CI_RMA})
# Non-market contracts (a CAE may go under 20 h for particular difficulties; so could the old CAE / CAV).
CONTRATS_NON_MARCHANDS = frozenset({CAE, CAE_PCS, CAV})

DATE_CUI = date(2010, 1, 1)  # entrée en vigueur du contrat unique d'insertion

HEURES_MIN = Decimal(20)
HEURES_MAX = Decimal(35)
TAUX_MAX = Decimal(105)  # the highest ceiling of all (CAE in an ACI); the exact one is referentiels.aide's
DELAI_DECLARATION_JOURS = 7

SOURCE_CIRCULAIRE = "circulaire DGEFP 2009-42, annexe 1"

MARCHAND = "marchand"
NON_MARCHAND = "non_marchand"

# Employer legal status -> sector (L. 5134-21 for the CAE, L. 5134-66 for the CIE).
SECTEUR_PAR_STATUT = {
    "collectivite_territoriale": NON_MARCHAND,
    "association": NON_MARCHAND,
    "aci": NON_MARCHAND,
    "etablissement_public": NON_MARCHAND,
    "autre_non_marchand": NON_MARCHAND,
    "entreprise": MARCHAND,
    "epic": MARCHAND,
    "autre_marchand": MARCHAND,
}


@dataclass(frozen=True)
class Violation:
    """A rule broken: ``champ`` is the form field to show it at ("" for the whole form)."""

    champ: str
    message: str

    def __str__(self):
        return self.message


class RegleConventionError(ValueError):
    """Raised by the services with every violation found."""

    def __init__(self, violations: list[Violation]):
        self.violations = list(violations)
        super().__init__(" ; ".join(v.message for v in self.violations))


def secteur_de(statut_juridique: str) -> str:
    """Marchand or non marchand, from the employer's legal status (unknown statuses count as market)."""
    return SECTEUR_PAR_STATUT.get(statut_juridique, MARCHAND)


def contrat_du_secteur(secteur: str) -> str:
    """The CUI contract of a sector: CAE for non-market employers, CIE for market ones."""
    return CAE if secteur == NON_MARCHAND else CIE


def contrat_cui(type_contrat: str) -> str | None:
    """The aid contract (``referentiels.aide.Contrat`` value) of a CUI type; None for legacy types."""
    return type_contrat if type_contrat in CONTRATS_CUI else None


def _h(valeur: Decimal) -> str:
    return f"{Decimal(valeur).normalize():f}".replace(".", ",")


def jour_apres(d: date) -> date:
    return d + timedelta(days=1)
