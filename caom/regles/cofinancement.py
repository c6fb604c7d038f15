"""Co-financing of a convention under the CAOM (L. 5134-19-4; circular DGEFP 2009-42, annexe 2): under which
regime on a given day (signed, or the circular's exceptional mode), and when the region may record that mode."""

from dataclasses import dataclass
from datetime import date, timedelta

from droit.nombres import fin_du_premier_trimestre

from .base import SOURCE
from .negociation import SIGNEE


@dataclass(frozen=True)
class CaomDuCofinancement:
    """What the check of a co-financed convention needs to know of a CAOM (no ORM)."""

    libelle: str  # « CAOM 2010 – Paris (75) »
    departement_id: int
    annee: int
    date_signature: date | None = None  # set when signed
    mode_exceptionnel_le: date | None = None  # the region's decision (circular's exceptional mode)
    instruction: str = ""  # the specific instruction it applies


# The regimes: ``SIGNEE`` (the status of a signed CAOM, ``negociation.SIGNEE``) or ``EXCEPTIONNEL``.
EXCEPTIONNEL = "exceptionnel"


def regime_au(caom: CaomDuCofinancement | None, date_conclusion: date) -> str | None:
    """Under which regime the CAOM lets the conseil général co-finance a convention concluded on
    ``date_conclusion``: ``SIGNEE`` once signed on or before that day (L. 5134-19-4: the CAOM is signed
    *préalablement*), else ``EXCEPTIONNEL`` when the region recorded the circular's exceptional mode on or
    before that day, else None."""
    if caom is None:
        return None
    if caom.date_signature is not None and caom.date_signature <= date_conclusion:
        return SIGNEE
    if caom.mode_exceptionnel_le is not None and caom.mode_exceptionnel_le <= date_conclusion:
        return EXCEPTIONNEL
    return None


def erreurs_mode_exceptionnel(
    *, annee: int, statut: str, date_signature: date | None, date_decision: date | None, instruction: str, aujourd_hui
) -> dict[str, str]:
    """Why the region may not record the circular's exceptional mode on a CAOM, by field: only for a CAOM not
    formalised by the end of the first quarter of its year (31 March), still under negotiation (not signed,
    not failed), by a dated decision (not in the future) applying a specific instruction it names (circular
    2009-42, annexe 2)."""
    erreurs = {}
    fin_t1 = fin_du_premier_trimestre(annee)
    if statut == "signee" or date_signature is not None:
        erreurs["date_decision"] = (
            "La CAOM est signée : les conventions sont cofinancées dans son cadre, le mode exceptionnel ne "
            f"s'applique qu'en attendant sa signature effective ({SOURCE})."
        )
    elif statut == "echec":
        erreurs["date_decision"] = (
            "La négociation de la CAOM a échoué : sans CAOM, l'État seul finance l'aide des bénéficiaires du RSA "
            f"({SOURCE})."
        )
    if date_decision is None:
        erreurs.setdefault("date_decision", "Indiquez la date de la décision.")
    elif date_decision <= fin_t1:
        erreurs.setdefault(
            "date_decision",
            f"Le mode exceptionnel ne se décide qu'une fois constaté que la CAOM {annee} n'a pu être formalisée "
            f"avant la fin du premier trimestre ({fin_t1:%d/%m/%Y}) : décision au plus tôt le "
            f"{fin_t1 + timedelta(days=1):%d/%m/%Y} ({SOURCE}).",
        )
    elif date_decision > aujourd_hui:
        erreurs.setdefault("date_decision", "La décision ne peut être datée d'un jour à venir.")
    if not instruction.strip():
        erreurs["instruction"] = (
            f"Indiquez la référence de l'instruction spécifique qui précise les modalités exceptionnelles ({SOURCE})."
        )
    return erreurs
