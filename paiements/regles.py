"""The rules of the ASP's statements and of their reconciliation, in pure functions (no ORM).

A statement (relevé mensuel de paiements de l'ASP) says, for each convention and month, what the ASP paid for the
State and for the conseil général. Each of its rows is checked against the convention's schedule (``MoisAide``,
passed in as plain dicts): the convention exists, belongs to the statement's region, and the month is one of its
schedule; amounts are positive euros with at most two decimals; a (convention, month) appears once per file.

Reconciliation (``rapprocher``): for each convention-month, **due** is the aid of the schedule less what the
rupture outside the legal cases made repayable (``aide - a_rembourser``: an *indu* is not owed, Cerfa 13998*01),
**paid** is the sum of the statements. A month is **overpaid** when paid > due; **unpaid** when something is due,
nothing was paid, and ``DELAI_PAIEMENT_AIDE_JOURS`` days have passed since the month's end
(``droit.nombres.paiement_de_l_aide_en_retard``: the ASP pays the aid monthly, « à terme échu »; the delay is the
portal's choice, not the law's). A month partly paid is neither: its difference is shown, not flagged.

A payment on an **annulled** convention is neither a month outside the schedule nor an ordinary overpayment: the
convention was entered by mistake and never gave any aid, so nothing of it was ever due and the whole amount paid
is to be recovered (« paiement sur une convention annulée »).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from conventions.regles.echeancier import aide_due
from cui_portal.tableurs import extrait
from droit.nombres import DELAI_PAIEMENT_AIDE_JOURS, euros, paiement_de_l_aide_en_retard

ZERO = Decimal("0.00")
CENTIME = Decimal("0.01")
MONTANT_MAX = Decimal("9999999.99")  # the column's bound (9 digits, 2 decimals): a typing error beyond
MOIS_TEXTE = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
MOIS_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
DATE_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


class RegleReleveError(ValueError):
    """A value or an action the rules of the ASP's statements do not allow; the message says why."""


# --- values of a row ------------------------------------------------------------------------------


def lire_montant(valeur) -> Decimal:
    """Euros as the ASP's files write them: ``1043,38``, ``1 043,38 €``, ``1043.38`` or a number of the sheet.
    Positive or nil, at most two decimals. Raises ``RegleReleveError``."""
    if isinstance(valeur, bool):
        raise RegleReleveError("Montant en euros attendu (exemple : 1 043,38).")
    if isinstance(valeur, int | Decimal):
        nombre = Decimal(valeur)
    elif isinstance(valeur, float):
        nombre = Decimal(repr(valeur))
    else:
        texte = str(valeur or "").strip()
        if not texte:
            raise RegleReleveError("Montant manquant : indiquez 0 quand rien n'a été payé.")
        propre = texte.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").removesuffix("€")
        if "," in propre and "." in propre:  # « 1.043,38 »: the point groups the thousands
            propre = propre.replace(".", "")
        try:
            nombre = Decimal(propre.replace(",", "."))
        except InvalidOperation:
            raise RegleReleveError(
                f"« {extrait(texte)} » n'est pas un montant en euros (exemple : 1 043,38)."
            ) from None
    if not nombre.is_finite():
        raise RegleReleveError("Montant en euros attendu (exemple : 1 043,38).")
    if nombre < 0:
        raise RegleReleveError(f"Montant négatif ({euros(nombre)}) : un relevé de paiements est positif ou nul.")
    if nombre > MONTANT_MAX:
        raise RegleReleveError(f"Montant démesuré ({euros(nombre)}) : vérifiez la colonne.")
    if nombre != nombre.quantize(CENTIME):
        raise RegleReleveError(f"Un montant a au plus deux décimales (les centimes) : « {extrait(valeur)} ».")
    return nombre.quantize(CENTIME)


def lire_mois(valeur) -> date:
    """The month of a row, as the 1st of the month: ``03/2010``, ``2010-03``, a date (``15/03/2010``,
    ``2010-03-15``) or a date cell of the sheet. Raises ``RegleReleveError``."""
    if isinstance(valeur, datetime):
        return valeur.date().replace(day=1)
    if isinstance(valeur, date):
        return valeur.replace(day=1)
    texte = str(valeur or "").strip()
    if not texte:
        raise RegleReleveError("Mois manquant (exemple : 03/2010).")
    annee = mois = None
    if m := MOIS_TEXTE.match(texte):
        mois, annee = int(m[1]), int(m[2])
    elif m := MOIS_ISO.match(texte):
        annee, mois = int(m[1]), int(m[2])
    elif m := DATE_FR.match(texte):
        jour, mois, annee = int(m[1]), int(m[2]), int(m[3])
        if not _date_existe(annee, mois, jour):
            mois = None
    elif m := DATE_ISO.match(texte):
        annee, mois, jour = int(m[1]), int(m[2]), int(m[3])
        if not _date_existe(annee, mois, jour):
            mois = None
    if annee is None or mois is None or not 1 <= mois <= 12 or annee < 1:
        raise RegleReleveError(f"« {extrait(texte)} » n'est pas un mois (exemple : 03/2010 ou 15/03/2010).")
    return date(annee, mois, 1)


def _date_existe(annee: int, mois: int, jour: int) -> bool:
    return annee >= 1 and 1 <= mois <= 12 and 1 <= jour <= calendar.monthrange(annee, mois)[1]


# --- one row against the schedules ------------------------------------------------------------------


@dataclass(frozen=True)
class ConventionConnue:
    """What a row needs to know of the convention it names (built by ``importation`` in a few queries)."""

    id: int
    region_id: int
    mois: frozenset[date]  # the months of its schedule
    annulee_le: date | None = None  # an annulled convention has no schedule any more


def erreur_convention(numero: str, connue: ConventionConnue | None, region_id: int, regions: dict[int, str]):
    """Why a row may not pay this convention in the region's statement, or None."""
    if not numero:
        return "Numéro de convention manquant."
    if connue is None:
        return (
            f"Convention « {extrait(numero)} » inconnue du portail : vérifiez le numéro "
            "(exemple : CAE-075-2010-000123)."
        )
    if connue.region_id != region_id:
        return (
            f"La convention {numero} relève de la région {regions.get(connue.region_id, '?')} : ce relevé est celui "
            f"de la région {regions.get(region_id, '?')}."
        )
    return None


def erreur_mois(numero: str, mois: date, connue: ConventionConnue) -> str | None:
    """Why the month is not one of the convention's schedule, or None."""
    if connue.annulee_le is not None:
        return (
            f"La convention {numero} a été annulée le {connue.annulee_le:%d/%m/%Y} : aucune aide ne lui est due, "
            "aucun mois ne peut lui être payé."
        )
    if mois in connue.mois:
        return None
    if not connue.mois:
        return f"La convention {numero} n'a pas d'échéancier : aucun mois d'aide ne peut lui être payé."
    return (
        f"{mois:%m/%Y} est hors de l'échéancier de la convention {numero} "
        f"({min(connue.mois):%m/%Y} à {max(connue.mois):%m/%Y})."
    )


def erreur_doublon(numero: str, mois: date, ligne_precedente: int | None) -> str | None:
    if ligne_precedente is None:
        return None
    return f"Doublon : le mois {mois:%m/%Y} de la convention {numero} figure déjà ligne {ligne_precedente}."


# --- reconciliation ---------------------------------------------------------------------------------


def fin_du_mois(mois: date) -> date:
    return mois.replace(day=calendar.monthrange(mois.year, mois.month)[1])


def dernier_mois_en_retard(jour: date) -> date:
    """The latest month whose aid, if still unpaid on ``jour``, is late (every earlier month is late too)."""
    mois = jour.replace(day=1)
    while not paiement_de_l_aide_en_retard(fin_du_mois(mois), jour):
        mois = (mois - timedelta(days=1)).replace(day=1)
    return mois


@dataclass(frozen=True)
class Rapprochement:
    """One convention-month: what is due (schedule less indu) and what the ASP paid."""

    mois: date
    du_etat: Decimal
    du_conseil_general: Decimal
    paye_etat: Decimal
    paye_conseil_general: Decimal
    trop_percu: bool
    impaye: bool
    convention_annulee: bool = False

    @property
    def du(self) -> Decimal:
        return self.du_etat + self.du_conseil_general

    @property
    def paye(self) -> Decimal:
        return self.paye_etat + self.paye_conseil_general

    @property
    def ecart(self) -> Decimal:
        """Paid less due: positive when the ASP paid too much, negative when it still owes."""
        return self.paye - self.du

    @property
    def signale(self) -> bool:
        return self.trop_percu or self.impaye

    @property
    def a_recuperer(self) -> Decimal:
        """What the ASP must get back for the month: what it paid beyond what was due (all of it on an annulled
        convention)."""
        return max(self.ecart, ZERO)

    @property
    def signal(self) -> str:
        """``convention_annulee``, ``trop_percu``, ``impaye`` or ``""`` (labels and badge colours: ``SIGNAUX``, in
        ``PaiementsConfig``)."""
        if self.convention_annulee and self.paye > 0:
            return CONVENTION_ANNULEE
        return TROP_PERCU if self.trop_percu else (IMPAYE if self.impaye else "")


TROP_PERCU, IMPAYE, CONVENTION_ANNULEE = "trop_percu", "impaye", "convention_annulee"
SIGNAUX = {
    TROP_PERCU: "Trop-perçu",
    IMPAYE: f"Impayé {DELAI_PAIEMENT_AIDE_JOURS} jours après la fin du mois",
    CONVENTION_ANNULEE: "Paiement sur une convention annulée",
}


def rapprocher(
    mois: date,
    *,
    part_etat: Decimal,
    part_conseil_general: Decimal,
    a_rembourser: Decimal,
    paye_etat: Decimal,
    paye_conseil_general: Decimal,
    jour: date,
    convention_annulee: bool = False,
) -> Rapprochement:
    """Reconcile one month of a convention's schedule with what the statements paid, on ``jour``.

    What is due is ``conventions.regles.echeancier.aide_due`` (the aid less the indu after a rupture outside the
    legal cases). A month outside the schedule has every share at zero; so has every month of an annulled
    convention, whatever its schedule said: all it was paid is to be recovered.
    """
    if convention_annulee:
        part_etat = part_conseil_general = a_rembourser = ZERO
    due = aide_due(part_etat, part_conseil_general, a_rembourser)
    du, paye = due.total, paye_etat + paye_conseil_general
    return Rapprochement(
        mois=mois,
        du_etat=due.etat,
        du_conseil_general=due.conseil_general,
        paye_etat=paye_etat,
        paye_conseil_general=paye_conseil_general,
        trop_percu=paye > du,
        impaye=du > 0 and paye == 0 and paiement_de_l_aide_en_retard(fin_du_mois(mois), jour),
        convention_annulee=convention_annulee,
    )
