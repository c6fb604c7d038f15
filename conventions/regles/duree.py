"""Length of a convention, its renewals, and the transition from the contracts of the plan de cohésion sociale.

Months are counted from date to date: a convention from 1 January to 30 June lasts 6 months (its end date is
the last day of aid, included). ``date_fin_pour(debut, n)`` is the last day of an n-month convention.

- Initial convention: 6 to 24 months (3 months minimum under an aménagement de peine): L. 5134-25 (CAE) and
  L. 5134-69-2 (CIE) for the minimum; 24 months at most, renewals included (L. 5134-23-1; circular 2009-42,
  annexe 1, question 4, point 3).
- Beyond 24 months, by renewals of at most 12 months each, up to 60 months for a person recognised disabled
  (RQTH) or receiving the AAH without RQTH, and for a recipient of a minimum social benefit (RSA, ASS, ATA, AAH)
  aged 50 or more; the age condition holds when the person turns 50 at any point during the first two years of
  the convention (same point and its note 4).
- In an ACI, CAE renewals by successive one-year avenants without limit for an RQTH employee or one aged 50 or
  more (maintained by the same point).
- A renewal may run beyond the cap to finish a training course under way, until the course ends.
- Transition (Annexe 1, question 2): see ``PLAFONDS_PCS``.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from droit.nombres import (
    AGE_SENIOR,
    DATE_CUI,
    DUREE_MAX_DEROGATOIRE_MOIS,
    DUREE_MAX_MOIS,
    DUREE_MAX_RENOUVELLEMENT_AU_DELA_DE_24_MOIS,
    DUREE_MIN_AMENAGEMENT_PEINE_MOIS,
    DUREE_MIN_MOIS,
    SOURCE_CIRCULAIRE,
    SOURCE_DUREE_MAX,
    SOURCE_DUREE_MIN,
)
from droit.vocabulaire import CONTRATS_PCS
from referentiels.violation import Violation

from .base import CAE, CAE_PCS, CAV, CI_RMA, CIE_PCS, Personne

# --- month arithmetic -------------------------------------------------------------------------------


def ajouter_mois(jour: date, mois: int) -> date:
    """Same day ``mois`` months later (the last day of the month when it does not exist)."""
    total = jour.year * 12 + jour.month - 1 + mois
    annee, mois_ = divmod(total, 12)
    dernier = calendar.monthrange(annee, mois_ + 1)[1]
    return date(annee, mois_ + 1, min(jour.day, dernier))


def date_limite_attestation(date_fin: date) -> date:
    """The employer gives the attestation d'expérience professionnelle at the latest one month before the end of
    the contract (L. 5134-28 ; circulaire DGEFP 2009-42, annexe 1)."""
    return ajouter_mois(date_fin, -1)


def date_fin_pour(debut: date, mois: int) -> date:
    """The last day (included) of a period of ``mois`` months starting on ``debut``."""
    return ajouter_mois(debut, mois) - timedelta(days=1)


def duree_en_mois(debut: date, fin: date) -> int:
    """Whole months from ``debut`` to ``fin`` included (1 Jan–30 Jun → 6; 1 Jan–29 Jun → 5)."""
    if fin < debut:
        return 0
    n = (fin.year - debut.year) * 12 + fin.month - debut.month + 1
    while n > 0 and date_fin_pour(debut, n) > fin:
        n -= 1
    return n


def duree_en_mois_decimale(debut: date, fin: date) -> Decimal:
    """Months with the remaining days counted as thirtieths, to the hundredth (for committed amounts)."""
    entiers = duree_en_mois(debut, fin)
    reste = (fin - date_fin_pour(debut, entiers)).days if entiers else (fin - debut).days + 1
    return (Decimal(entiers) + Decimal(reste) / 30).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def dure_au_moins(debut: date, fin: date, mois: int) -> bool:
    return fin >= date_fin_pour(debut, mois)


def dure_au_plus(debut: date, fin: date, mois: int) -> bool:
    return fin <= date_fin_pour(debut, mois)


def anniversaire(date_naissance: date, age: int) -> date:
    try:
        return date_naissance.replace(year=date_naissance.year + age)
    except ValueError:  # born on 29 February
        return date(date_naissance.year + age, 3, 1)


def atteint_50_ans_pendant_deux_ans(date_naissance: date, debut_convention: date) -> bool:
    """The person is 50 or turns 50 at any point in the first two years of the convention (note 4)."""
    return anniversaire(date_naissance, AGE_SENIOR) <= date_fin_pour(debut_convention, DUREE_MAX_MOIS)


# --- caps ------------------------------------------------------------------------------------------


def ouvre_droit_aux_60_mois(personne: Personne, debut_convention: date) -> bool:
    return personne.handicap or (
        personne.minima_sociaux and atteint_50_ans_pendant_deux_ans(personne.date_naissance, debut_convention)
    )


def ouvre_droit_aci_sans_limite(type_contrat: str, aci: bool, personne: Personne, debut_convention: date) -> bool:
    return (
        type_contrat == CAE
        and aci
        and (personne.rqth or atteint_50_ans_pendant_deux_ans(personne.date_naissance, debut_convention))
    )


def plafond_total_mois(type_contrat: str, aci: bool, personne: Personne, debut_convention: date) -> int | None:
    """Total length allowed, renewals included: None (no limit) for the ACI derogation, 60 or 24 months."""
    if ouvre_droit_aci_sans_limite(type_contrat, aci, personne, debut_convention):
        return None
    if ouvre_droit_aux_60_mois(personne, debut_convention):
        return DUREE_MAX_DEROGATOIRE_MOIS
    return DUREE_MAX_MOIS


# --- transition from the plan de cohésion sociale (circular 2009-42, annexe 1, question 2) ----------

# Total length of the old contract, renewals included, that the new initial CUI convention must stay within
# (time already served counted). The circular names "12, 24, 36 or 60 months depending on the contract";
# our reading of the former articles of the code du travail (to be confirmed by the DGEFP):
#
# | old contract | cap | cap for RQTH / AAH, or 50+ (minimum benefits for CAE/CIE) | former article  |
# | CAE (PCS)    | 24  | 60                                                        | L. 322-4-7      |
# | CIE (PCS)    | 24  | 60                                                        | L. 322-4-8      |
# | CAV          | 36  | 60 (24 months + one 12-month renewal; 5 years if 50+/RQTH) | L. 322-4-12     |
# | CI-RMA       | 18  | 18 (6 months renewable twice)                             | L. 322-4-15-4   |
#
# The "12" of the circular is the CAV's renewal beyond its first 24 months. CI-RMA's 18 months is not among
# the circular's figures but is the law's (décret 2005-242); where they differ the law wins.
PLAFONDS_PCS = {
    CAE_PCS: (24, 60),
    CIE_PCS: (24, 60),
    CAV: (36, 60),
    CI_RMA: (18, 18),
}
REMPLACANT_CUI = {CAV: "CAE", CAE_PCS: "CAE", CI_RMA: "CIE", CIE_PCS: "CIE"}


def plafond_pcs(type_precedent: str, personne: Personne | None, debut: date | None = None) -> int:
    """Cap in months of the old contract for this person (see ``PLAFONDS_PCS``)."""
    normal, derogatoire = PLAFONDS_PCS[type_precedent]
    if personne is None:
        return normal
    senior = debut is not None and atteint_50_ans_pendant_deux_ans(personne.date_naissance, debut)
    if type_precedent == CAV:
        return derogatoire if personne.handicap or senior else normal
    if personne.handicap or (personne.minima_sociaux and senior):
        return derogatoire
    return normal


@dataclass(frozen=True)
class Transition:
    """What becomes of a plan de cohésion sociale convention reaching its end."""

    nouvelle_convention_cui: bool  # False: prolonged under the old rules
    type_contrat: str  # the contract of the prolongation
    plafond_total_mois: int
    mois_restants: int
    message: str


def transition_pcs(
    type_precedent: str,
    date_fin_precedente: date,
    mois_deja_effectues: int,
    personne: Personne | None = None,
    debut_initial: date | None = None,
) -> Transition:
    """Prolongation of a CAE, CIE, CAV or CI-RMA convention of the plan de cohésion sociale (Annexe 1, Q. 2).

    Ending before 1 January 2010: prolonged under the old rules, same contract. Ending on or after: a new
    initial CUI convention (a CAV becomes a CAE, a CI-RMA a CIE) whose length, added to the months already
    served, stays within the old contract's cap.
    """
    if type_precedent not in CONTRATS_PCS:
        raise ValueError(f"« {type_precedent} » n'est pas un contrat du plan de cohésion sociale.")
    plafond = plafond_pcs(type_precedent, personne, debut_initial)
    restants = max(plafond - mois_deja_effectues, 0)
    if date_fin_precedente < DATE_CUI:
        return Transition(
            False,
            type_precedent,
            plafond,
            restants,
            "La convention arrive à échéance avant le 1er janvier 2010 : sa prolongation suit les règles du plan "
            f"de cohésion sociale ({SOURCE_CIRCULAIRE}, question 2).",
        )
    nouveau = REMPLACANT_CUI[type_precedent]
    return Transition(
        True,
        nouveau,
        plafond,
        restants,
        f"La convention arrive à échéance à partir du 1er janvier 2010 : elle est prolongée par une nouvelle "
        f"convention initiale {nouveau} du contrat unique, dans la limite de {plafond} mois au total, soit "
        f"{restants} mois restants après {mois_deja_effectues} mois effectués ({SOURCE_CIRCULAIRE}, question 2).",
    )


# --- checks ----------------------------------------------------------------------------------------


def verifier_duree_initiale(
    debut: date,
    fin: date,
    amenagement_de_peine: bool = False,
    plafond_transition_mois: int | None = None,
    mois_deja_effectues: int = 0,
) -> list[Violation]:
    """6 to 24 months (3 months minimum under an aménagement de peine); after a PCS convention, the months
    already served count within the old contract's cap."""
    violations = []
    minimum = DUREE_MIN_AMENAGEMENT_PEINE_MOIS if amenagement_de_peine else DUREE_MIN_MOIS
    duree = duree_en_mois(debut, fin)
    if not dure_au_moins(debut, fin, minimum):
        pour = " pour une personne sous main de justice en aménagement de peine" if amenagement_de_peine else ""
        violations.append(
            Violation(
                "date_fin",
                f"La convention doit durer au moins {minimum} mois{pour} ({duree} mois demandés, fin au plus tôt le "
                f"{date_fin_pour(debut, minimum):%d/%m/%Y} ; {SOURCE_DUREE_MIN}).",
            )
        )
    if not dure_au_plus(debut, fin, DUREE_MAX_MOIS):
        violations.append(
            Violation(
                "date_fin",
                f"Une convention initiale dure {DUREE_MAX_MOIS} mois au plus, renouvellements compris "
                f"({duree} mois demandés, fin au plus tard le {date_fin_pour(debut, DUREE_MAX_MOIS):%d/%m/%Y} ; "
                f"{SOURCE_DUREE_MAX}). Au-delà, seuls des renouvellements d'un an au plus sont possibles, jusqu'à "
                f"{DUREE_MAX_DEROGATOIRE_MOIS} mois, pour les travailleurs handicapés et les bénéficiaires de minima "
                f"sociaux de {AGE_SENIOR} ans ou plus.",
            )
        )
    if plafond_transition_mois is not None:
        restants = plafond_transition_mois - mois_deja_effectues
        if not dure_au_plus(debut, fin, max(restants, 0)):
            violations.append(
                Violation(
                    "date_fin",
                    f"Après {mois_deja_effectues} mois dans le contrat du plan de cohésion sociale, plafonné à "
                    f"{plafond_transition_mois} mois, la nouvelle convention ne peut dépasser {max(restants, 0)} mois "
                    f"({SOURCE_CIRCULAIRE}, question 2).",
                )
            )
    return violations


@dataclass(frozen=True)
class Renouvellement:
    type_contrat: str
    aci: bool
    personne: Personne
    debut_convention: date  # start of the first convention of the chain
    fin_actuelle: date
    nouvelle_fin: date
    mois_anterieurs: int = 0  # months served under a PCS convention before (transition)
    plafond_transition_mois: int | None = None
    fin_formation: date | None = None  # a training under way to finish


def verifier_renouvellement(r: Renouvellement) -> list[Violation]:
    """Total length across renewals within the cap (24, 60 or none); beyond 24 months, each renewal at most
    12 months; a renewal may run on to the end of a training under way."""
    if r.nouvelle_fin <= r.fin_actuelle:
        return [Violation("date_fin", "Le renouvellement doit reporter la fin de la convention.")]
    violations = []
    total = duree_en_mois(r.debut_convention, r.nouvelle_fin) + r.mois_anterieurs
    plafond = plafond_total_mois(r.type_contrat, r.aci, r.personne, r.debut_convention)
    if r.plafond_transition_mois is not None and plafond is not None:
        # After a PCS convention the old contract's cap (time served included) governs (Annexe 1, Q. 2).
        plafond = r.plafond_transition_mois
    formation = r.fin_formation is not None and r.nouvelle_fin <= r.fin_formation
    fin_max = None if plafond is None else date_fin_pour(r.debut_convention, plafond - r.mois_anterieurs)
    if fin_max is not None and r.nouvelle_fin > fin_max and not formation:
        if plafond == DUREE_MAX_MOIS:
            raison = (
                f"{DUREE_MAX_MOIS} mois au plus, renouvellements compris : au-delà, seuls les travailleurs handicapés "
                f"(ou bénéficiaires de l'AAH), les bénéficiaires de minima sociaux ayant {AGE_SENIOR} ans pendant les "
                f"deux années de la convention et, en ACI, les salariés handicapés ou de plus de {AGE_SENIOR} ans "
                "y ont droit"
            )
        else:
            raison = f"{plafond} mois au plus, renouvellements compris"
        violations.append(
            Violation(
                "date_fin",
                f"Durée totale de {total} mois refusée : {raison} ({SOURCE_DUREE_MAX}). Fin au plus tard le "
                f"{fin_max:%d/%m/%Y}, sauf pour achever une formation en cours.",
            )
        )
    depasse_24 = r.nouvelle_fin > date_fin_pour(r.debut_convention, DUREE_MAX_MOIS - r.mois_anterieurs)
    if depasse_24 and not formation:
        fin_an = date_fin_pour(r.fin_actuelle + timedelta(days=1), DUREE_MAX_RENOUVELLEMENT_AU_DELA_DE_24_MOIS)
        if r.nouvelle_fin > fin_an:
            violations.append(
                Violation(
                    "date_fin",
                    f"Au-delà de {DUREE_MAX_MOIS} mois, chaque renouvellement dure un an au plus : fin au plus tard le "
                    f"{fin_an:%d/%m/%Y} ({SOURCE_DUREE_MAX}).",
                )
            )
    return violations
