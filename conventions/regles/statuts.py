"""Statuses of a convention and how they move, declarations of its events, the attestation's availability."""

from datetime import date, timedelta

from droit.nombres import DELAI_DECLARATION_JOURS, limite_declaration
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


def verifier_suspension(debut: date, fin_convention: date | None, fin_precedente: date | None) -> list[Violation]:
    """A new suspension starts before the end of the convention and after the previous one ended."""
    if fin_convention is not None and debut > fin_convention:
        return [
            Violation("date_suspension", f"La convention finit le {fin_convention:%d/%m/%Y} : pas de suspension après.")
        ]
    if fin_precedente is not None and debut <= fin_precedente:
        return [
            Violation(
                "date_suspension",
                f"La suspension précédente a duré jusqu'au {fin_precedente:%d/%m/%Y} : une nouvelle commence après.",
            )
        ]
    return []


def verifier_reprise(debut_suspension: date | None, date_reprise: date, fin_convention: date | None) -> list[Violation]:
    """The contract resumes after the first day of its suspension, and at the latest the day after the end of the
    convention (the aid stops for the suspended days only: ``regles.echeancier``)."""
    if debut_suspension is not None and date_reprise <= debut_suspension:
        return [
            Violation(
                "date_reprise",
                f"La suspension a commencé le {debut_suspension:%d/%m/%Y} : la reprise a lieu après cette date.",
            )
        ]
    if fin_convention is not None and date_reprise > fin_convention + timedelta(days=1):
        return [
            Violation(
                "date_reprise",
                f"La convention a pris fin le {fin_convention:%d/%m/%Y} : la reprise ne peut être postérieure.",
            )
        ]
    return []


# --- statuses -------------------------------------------------------------------------------------

BROUILLON, CONCLUE, EN_COURS, TERMINEE, SUSPENDUE, ROMPUE, ANNULEE = (
    StatutConvention.BROUILLON,
    StatutConvention.CONCLUE,
    StatutConvention.EN_COURS,
    StatutConvention.TERMINEE,
    StatutConvention.SUSPENDUE,
    StatutConvention.ROMPUE,
    StatutConvention.ANNULEE,
)
TRANSITIONS = {
    BROUILLON: frozenset({CONCLUE}),
    CONCLUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    EN_COURS: frozenset({SUSPENDUE, ROMPUE, TERMINEE}),
    SUSPENDUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    TERMINEE: frozenset(),
    ROMPUE: frozenset(),
    ANNULEE: frozenset(),
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

    A draft stays a draft, a broken convention stays broken and an annulled one annulled (events, not dates).
    Otherwise the dates decide: before its start a concluded convention is « conclue », from its start « en
    cours » (or « suspendue » while a suspension without pay runs), after its end « terminée ». A status stored
    by a job that ran on another day (« terminée » too early, « conclue » too late) is thus never shown."""
    if statut in (BROUILLON, ROMPUE, ANNULEE) or date_debut is None or date_fin is None:
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
    if statut in (BROUILLON, ANNULEE) or date_fin is None:
        return False
    return jour >= date_limite_attestation(date_fin)


# --- correct and undo -------------------------------------------------------------------------------

MOTIF_ANNULATION_MIN = 10  # characters: a reason a reader of the history understands, not « erreur »


def verifier_annulation(statut: str, motif: str) -> list[Violation]:
    """A concluded convention entered by mistake is annulled with its reason (kept in the history); a draft is
    deleted instead, and an annulled convention stays annulled (its number is never given again)."""
    violations = []
    if statut == BROUILLON:
        violations.append(
            Violation("statut", "Un brouillon n'est pas annulé : supprimez-le (il n'a pas encore de numéro).")
        )
    elif statut == ANNULEE:
        violations.append(Violation("statut", "La convention est déjà annulée."))
    if len((motif or "").strip()) < MOTIF_ANNULATION_MIN:
        violations.append(
            Violation(
                "motif",
                f"Indiquez la raison de l'annulation (au moins {MOTIF_ANNULATION_MIN} caractères) : elle reste dans "
                "l'historique de la convention.",
            )
        )
    return violations


def verifier_correction_declaration(date_declaration: date | None, jour: date) -> list[Violation]:
    """A wrong rupture or suspension declaration is corrected within the 7 days following its declaration (the
    delay the law gives to declare it, R. 5134-44 and R. 5134-65); after that, it stands as declared."""
    if date_declaration is not None and jour <= limite_declaration(date_declaration):
        return []
    limite = f" (jusqu'au {limite_declaration(date_declaration):%d/%m/%Y})" if date_declaration else ""
    return [
        Violation(
            "date_declaration",
            f"La déclaration se corrige dans les {DELAI_DECLARATION_JOURS} jours qui la suivent{limite} "
            "(R. 5134-44 et R. 5134-65 du code du travail) : ce délai est passé.",
        )
    ]
