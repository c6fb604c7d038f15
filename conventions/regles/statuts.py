"""Statuses of a convention and how they move, declarations of its events, the attestation's availability."""

from datetime import date

from droit.nombres import limite_declaration
from droit.vocabulaire import StatutConvention
from referentiels.violation import Violation

from .duree import date_limite_attestation


def declaration_tardive(date_evenement: date, date_declaration: date) -> bool:
    """A suspension or rupture is reported within 7 days (décret 2009-1442; Cerfa of the convention)."""
    return date_declaration > limite_declaration(date_evenement)


def verifier_declaration(date_evenement: date, date_declaration: date, date_debut: date | None) -> list[Violation]:
    violations = []
    if date_declaration < date_evenement:
        violations.append(
            Violation("date_declaration_evenement", "Un événement ne peut être déclaré avant d'avoir eu lieu.")
        )
    if date_debut and date_evenement < date_debut:
        violations.append(Violation("date_evenement", "L'événement ne peut précéder le début de la convention."))
    return violations


# --- statuses -------------------------------------------------------------------------------------

BROUILLON, CONCLUE, EN_COURS, TERMINEE, SUSPENDUE, ROMPUE = (
    StatutConvention.BROUILLON,
    StatutConvention.CONCLUE,
    StatutConvention.EN_COURS,
    StatutConvention.TERMINEE,
    StatutConvention.SUSPENDUE,
    StatutConvention.ROMPUE,
)
TRANSITIONS = {
    BROUILLON: frozenset({CONCLUE}),
    CONCLUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    EN_COURS: frozenset({SUSPENDUE, ROMPUE, TERMINEE}),
    SUSPENDUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    TERMINEE: frozenset(),
    ROMPUE: frozenset(),
}


def _libelle(statut: str) -> str:
    return StatutConvention(statut).label.lower() if statut in StatutConvention.values else statut


def transition_permise(de: str, vers: str) -> bool:
    return vers in TRANSITIONS.get(de, frozenset())


def verifier_transition(de: str, vers: str) -> list[Violation]:
    if transition_permise(de, vers):
        return []
    return [
        Violation(
            "statut",
            f"Une convention {_libelle(de)} ne peut passer au statut « {_libelle(vers)} ».",
        )
    ]


def statut_a_la_date(statut: str, date_debut: date | None, date_fin: date | None, jour: date) -> str:
    """The status on ``jour``, from the dates and the events, whatever status was last stored.

    A draft stays a draft and a broken convention stays broken (events, not dates). Otherwise the dates decide:
    before its start a concluded convention is « conclue », from its start « en cours » (or « suspendue » while a
    suspension without pay runs), after its end « terminée ». A status stored by a job that ran on another day
    (« terminée » too early, « conclue » too late) is thus never shown."""
    if statut in (BROUILLON, ROMPUE) or date_debut is None or date_fin is None:
        return statut
    if jour > date_fin:
        return TERMINEE
    if jour < date_debut:
        return CONCLUE
    return SUSPENDUE if statut == SUSPENDUE else EN_COURS


def attestation_disponible(statut: str, date_fin: date | None, jour: date) -> bool:
    """The attestation can be printed once the convention has ended, or from its legal deadline on (one month
    before the end): the employer must hand it over by then."""
    if statut in (TERMINEE, ROMPUE):
        return True
    if statut == BROUILLON or date_fin is None:
        return False
    return jour >= date_limite_attestation(date_fin)
