"""Shared vocabulary of the rules of the convention: contract types, dates, limits, ``RegleConventionError``,
``Personne`` (``Violation`` itself is ``referentiels.violation``, shared with the simulator)."""

from dataclasses import dataclass
from datetime import date, timedelta

from droit.vocabulaire import CONTRATS_CUI, SECTEUR_PAR_STATUT, Secteur, TypeContrat
from referentiels.violation import Violation

# --- vocabulary (the law's words and numbers live in the droit package) ----------------------------------------

CAE = TypeContrat.CAE
CIE = TypeContrat.CIE
CAE_PCS = TypeContrat.CAE_PCS
CIE_PCS = TypeContrat.CIE_PCS
CAV = TypeContrat.CAV
CI_RMA = TypeContrat.CI_RMA
MARCHAND = Secteur.MARCHAND
NON_MARCHAND = Secteur.NON_MARCHAND


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


def jour_apres(d: date) -> date:
    return d + timedelta(days=1)


# --- the person -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Personne:
    """What the rules need to know of the employee."""

    date_naissance: date
    rqth: bool = False
    beneficiaire_aah: bool = False
    beneficiaire_rsa: bool = False
    beneficiaire_ass: bool = False
    beneficiaire_ata: bool = False
    amenagement_de_peine: bool = False

    @property
    def minima_sociaux(self) -> bool:
        return self.beneficiaire_rsa or self.beneficiaire_ass or self.beneficiaire_ata or self.beneficiaire_aah

    @property
    def handicap(self) -> bool:
        """RQTH, or AAH recipient who is not RQTH: both open the 60 months."""
        return self.rqth or self.beneficiaire_aah


def age_au(date_naissance: date, jour: date) -> int:
    return jour.year - date_naissance.year - ((jour.month, jour.day) < (date_naissance.month, date_naissance.day))
