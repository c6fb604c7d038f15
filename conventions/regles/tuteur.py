"""The tutor and the référent of a convention (pure, no ORM).

Décret n° 2009-1442 du 25 novembre 2009: R. 5134-37 (CAE) and R. 5134-60 (CIE), the authority that grants the aid
names a référent; R. 5134-38 (CAE) and R. 5134-61 (CIE): « l'employeur désigne un tuteur parmi les salariés
qualifiés et volontaires pour assumer cette fonction. Ce dernier doit justifier d'une expérience professionnelle
d'au moins deux ans. Exceptionnellement, sur autorisation de l'autorité qui attribue l'aide, l'employeur peut
assurer lui-même le tutorat. Le tuteur ne peut suivre plus de trois salariés » en CAE (en CIE).

Circular 2009-42 (question 4, point 4) says « sauf disposition particulière, le prescripteur est réputé être le
référent et l'employeur est réputé être le tuteur »; the décret makes the employer a tutor only exceptionally, with
the authorisation of the prescripteur: the décret wins, so the form says it (``tuteur_est_employeur``) and an empty
tutor is never filled with the employer's name. The référent stays the prescripteur by default.

Our readings: the two years of experience are asked of the employee tutor (« ce dernier »); the three employees
are counted among the employer's conventions of the same contract (same SIRET) with the same tutor, in progress
at the same time as this one (at any day of its period).
"""

from dataclasses import dataclass
from datetime import date

from droit.nombres import (
    SOURCE_CIRCULAIRE_TUTEUR,
    SOURCE_TUTEUR,
    TUTEUR_EXPERIENCE_MIN_ANS,
    TUTEUR_SALARIES_MAX,
    nombre,
)
from referentiels.violation import Violation

MOIS_PAR_AN = 12


@dataclass(frozen=True)
class Tuteur:
    nom: str = ""
    est_employeur: bool = False
    volontaire: bool = False
    experience_mois: int | None = None
    # The periods of the employer's other conventions (same SIRET, same contract) this tutor follows
    autres_suivis: tuple[tuple[date, date], ...] = ()


def nom_du_tuteur(nom: str) -> str:
    """The tutor's name as compared across conventions (case and spaces ignored)."""
    return " ".join(nom.split()).casefold()


def suivis_simultanes(periodes, debut: date, fin: date) -> int:
    """The greatest number of ``periodes`` running on one day of [``debut``, ``fin``]."""
    bornes = []
    for d, f in periodes:
        d, f = max(d, debut), min(f, fin)
        if d <= f:
            bornes += [(d, 1), (f, 2)]  # a period ending on a day still runs that day: starts before ends
    plus, courant = 0, 0
    for _, sens in sorted(bornes):
        courant += 1 if sens == 1 else -1
        plus = max(plus, courant)
    return plus


def _source(type_contrat: str) -> str:
    return SOURCE_TUTEUR.get(type_contrat, SOURCE_TUTEUR["CAE"])


def verifier_tuteur(
    t: Tuteur, type_contrat: str, debut: date | None, fin: date | None, *, complete: bool
) -> list[Violation]:
    """A named tutor, a qualified volunteer employee with at least two years' experience (or, exceptionally and
    when the form says so, the employer), following at most three employees of the same contract at once.
    ``complete`` (the conclusion) asks for what a draft may still leave empty."""
    source = _source(type_contrat)
    violations = []
    if complete and not t.nom.strip() and not t.est_employeur:
        violations.append(
            Violation(
                "tuteur_nom",
                f"Indiquez le tuteur : l'employeur désigne un salarié qualifié et volontaire ({source}). "
                f"L'employeur n'est tuteur qu'à titre exceptionnel, en le cochant ({SOURCE_CIRCULAIRE_TUTEUR}).",
            )
        )
    if not t.est_employeur:
        if complete and t.nom.strip() and not t.volontaire:
            violations.append(
                Violation(
                    "tuteur_volontaire",
                    f"Le tuteur est un salarié qualifié et volontaire pour assumer cette fonction ({source}) : "
                    "confirmez-le.",
                )
            )
        minimum = TUTEUR_EXPERIENCE_MIN_ANS * MOIS_PAR_AN
        if t.experience_mois is None and complete and t.nom.strip():
            violations.append(
                Violation(
                    "tuteur_experience_mois",
                    f"Indiquez l'expérience professionnelle du tuteur : au moins "
                    f"{nombre(TUTEUR_EXPERIENCE_MIN_ANS)} ans ({source}).",
                )
            )
        elif t.experience_mois is not None and t.experience_mois < minimum:
            violations.append(
                Violation(
                    "tuteur_experience_mois",
                    f"Le tuteur justifie d'une expérience professionnelle d'au moins "
                    f"{nombre(TUTEUR_EXPERIENCE_MIN_ANS)} ans, soit {minimum} mois ({source}) : "
                    f"{t.experience_mois} mois indiqués.",
                )
            )
    if debut and fin and fin >= debut and t.nom.strip():
        deja = suivis_simultanes(t.autres_suivis, debut, fin)
        if deja >= TUTEUR_SALARIES_MAX:
            violations.append(
                Violation(
                    "tuteur_nom",
                    f"Ce tuteur suit déjà {deja} salariés en {type_contrat} chez cet employeur pendant cette "
                    f"période : {nombre(TUTEUR_SALARIES_MAX)} au plus à la fois ({source}). Désignez un autre "
                    "tuteur.",
                )
            )
    return violations
