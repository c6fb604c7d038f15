"""When each reminder is due: pure functions on dates and plain values (no ORM, no request).

Each rule returns the *occurrences* that the situation calls for: a level (``j-3``, ``jour_j``, ``retard``…), the
deadline it is about, the window in which it may be sent, and the group of people it goes to. A run sends the
occurrences whose window contains today; the window's tail (``rattrapage``) lets a run that was missed (worker
stopped, broker down) catch up for a few days, after which an occurrence is no longer worth sending.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from conventions.regles.duree import ajouter_mois, date_limite_attestation
from conventions.regles.statuts import declaration_tardive as regle_declaration_tardive
from droit.nombres import (
    DELAI_PAIEMENT_AIDE_JOURS,
    DELAI_PAIEMENT_OPERATEUR_JOURS,
    echeance_paiement_operateur,
    limite_declaration,
)
from paiements.regles import CONVENTION_ANNULEE, IMPAYE, TROP_PERCU, fin_du_mois

UNE_SEMAINE = timedelta(weeks=1)  # reminders come a week before a deadline (a habit of the portal, not a legal delay)

# Groups of recipients; the collectors turn them into addresses.
CORRESPONDANTS = "correspondants"
GESTIONNAIRES = "gestionnaires"
MIP = "mip"
NATIONAL = "national"
CONSEIL_GENERAL = "conseil_general"
EMPLOYEUR = "employeur"
PRESCRIPTEUR = "prescripteur"

RATTRAPAGE = 7  # days during which a missed occurrence is still sent
ALERTE_PAIEMENT = DELAI_PAIEMENT_OPERATEUR_JOURS - 5  # days after the complete file: 5 days before the ASP's deadline


@dataclass(frozen=True)
class Occurrence:
    niveau: str
    echeance: date
    debut: date
    fin: date
    public: str

    def due(self, aujourdhui: date) -> bool:
        return self.debut <= aujourdhui <= self.fin


def dues(occurrences, aujourdhui: date) -> list[Occurrence]:
    return [o for o in occurrences if o.due(aujourdhui)]


# --- bilan d'étape CAE-jeunes (every fortnight, circular 2009-38) ----------------------------------------------


def bilan_etape(echeance: date, soumis: bool, jours_avant: int = 3, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """A bilan not yet submitted: the region's correspondents ``jours_avant`` days before the due date (until the
    eve), again on the due date; once late (the day after), the region's MIP correspondent."""
    if soumis:
        return []
    occurrences = []
    if jours_avant > 0:
        occurrences.append(
            Occurrence(
                f"j-{jours_avant}",
                echeance,
                echeance - timedelta(days=jours_avant),
                echeance - timedelta(days=1),
                CORRESPONDANTS,
            )
        )
    occurrences.append(Occurrence("jour_j", echeance, echeance, echeance + timedelta(days=rattrapage), CORRESPONDANTS))
    lendemain = echeance + timedelta(days=1)
    occurrences.append(Occurrence("retard", echeance, lendemain, lendemain + timedelta(days=rattrapage), MIP))
    return occurrences


# --- arrêté régional of the next year (ready by the end of November, circular 2009-42) -----------------------


def annee_cible_arrete(aujourdhui: date) -> int:
    return aujourdhui.year + 1


def arrete_annuel(annee_cible: int, publie: bool) -> list[Occurrence]:
    """No published arrêté for ``annee_cible``: the region's gestionnaires on 1 November and a week before the end
    of November; from 1 December to the end of the year, escalation to the gestionnaires, the MIP correspondent
    and the national users."""
    if publie:
        return []
    annee = annee_cible - 1
    echeance = date(annee, 11, 30)
    decembre, fin_annee = date(annee, 12, 1), date(annee, 12, 31)
    return [
        Occurrence("1er_novembre", echeance, date(annee, 11, 1), echeance, GESTIONNAIRES),
        Occurrence("j-7", echeance, echeance - UNE_SEMAINE, echeance, GESTIONNAIRES),
        Occurrence("retard", echeance, decembre, fin_annee, GESTIONNAIRES),
        Occurrence("retard", echeance, decembre, fin_annee, MIP),
        Occurrence("retard", echeance, decembre, fin_annee, NATIONAL),
    ]


# --- CAOM (state of negotiations on 30 November, signature before 31 December) -------------------------------


def caom_negociation(annee_caom: int, etat_renseigne: bool) -> list[Occurrence]:
    """The state of the negotiation of the CAOM of ``annee_caom`` is reported on 30 November of the year before:
    the region's gestionnaires are reminded a week before, unless the state is already reported."""
    if etat_renseigne:
        return []
    echeance = date(annee_caom - 1, 11, 30)
    return [Occurrence("j-7", echeance, echeance - UNE_SEMAINE, echeance, GESTIONNAIRES)]


def caom_signature(annee_caom: int, signee: bool) -> list[Occurrence]:
    """A CAOM of ``annee_caom`` not yet signed in December of the year before (it must be signed before
    31 December): the region's gestionnaires and the conseil général on 1 December and a week before the end."""
    if signee:
        return []
    echeance = date(annee_caom - 1, 12, 31)
    debut = date(annee_caom - 1, 12, 1)
    semaine = echeance - UNE_SEMAINE
    return [
        Occurrence("decembre", echeance, debut, echeance, GESTIONNAIRES),
        Occurrence("decembre", echeance, debut, echeance, CONSEIL_GENERAL),
        Occurrence("j-7", echeance, semaine, echeance, GESTIONNAIRES),
        Occurrence("j-7", echeance, semaine, echeance, CONSEIL_GENERAL),
    ]


# --- operators' payments by the ASP (25 days after the complete file, circular 2009-38) ----------------------


def paiement_operateur(
    date_dossier_complet: date | None, paye: bool, public: str = GESTIONNAIRES, rattrapage: int = RATTRAPAGE
) -> list[Occurrence]:
    """An unpaid request: an alert ``ALERTE_PAIEMENT`` days after the complete file, and again once the
    ``DELAI_PAIEMENT_OPERATEUR_JOURS`` days have passed."""
    if paye or date_dossier_complet is None:
        return []
    echeance = echeance_paiement_operateur(date_dossier_complet)
    alerte = date_dossier_complet + timedelta(days=ALERTE_PAIEMENT)
    lendemain = echeance + timedelta(days=1)
    return [
        Occurrence(f"j+{ALERTE_PAIEMENT}", echeance, alerte, echeance, public),
        Occurrence("retard", echeance, lendemain, lendemain + timedelta(days=rattrapage), public),
    ]


# --- conventions individuelles ---------------------------------------------------------------------------------


def attestation_experience(date_fin: date, en_cours: bool, jours_avant: int = 15) -> list[Occurrence]:
    """The employer gives the attestation d'expérience professionnelle at the latest one month before the end of
    the contract: reminded ``jours_avant`` days before that deadline, until the deadline."""
    if not en_cours:
        return []
    limite = date_limite_attestation(date_fin)
    return [Occurrence("m-1", limite, limite - timedelta(days=jours_avant), limite, EMPLOYEUR)]


def bilan_renouvellement(
    date_fin: date, en_cours: bool, mois_avant: int = 2, rattrapage: int = RATTRAPAGE
) -> list[Occurrence]:
    """A renewal needs the employer's bilan first: the prescripteur is reminded ``mois_avant`` months before the
    end of the convention."""
    if not en_cours:
        return []
    debut = ajouter_mois(date_fin, -mois_avant)
    return [Occurrence(f"m-{mois_avant}", date_fin, debut, debut + timedelta(days=rattrapage), PRESCRIPTEUR)]


def declaration_tardive(
    date_evenement: date, date_declaration: date, public: str = PRESCRIPTEUR, rattrapage: int = RATTRAPAGE
) -> list[Occurrence]:
    """A suspension or a rupture is reported within 7 days; one declared later is flagged once, from the day it
    is declared."""
    if not regle_declaration_tardive(date_evenement, date_declaration):
        return []
    limite = limite_declaration(date_evenement)
    return [Occurrence("tardive", limite, date_declaration, date_declaration + timedelta(days=rattrapage), public)]


# --- notifications: something happened that a group must know of (sent once, from the day it happened) -------


def signalement(niveau: str, jour: date, public: str, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """One occurrence due from ``jour`` (the day of the fact) for ``rattrapage`` days: a run missed, or a fact
    recorded a few days after its date, is still told."""
    return [Occurrence(niveau, jour, jour, jour + timedelta(days=rattrapage), public)]


def commentaire_bilan(lu_le: date | None, commentaire: str, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """The DGEFP read a bilan d'étape and commented on it: the region's correspondents are told, once."""
    if lu_le is None or not (commentaire or "").strip():
        return []
    return signalement("commentaire", lu_le, CORRESPONDANTS, rattrapage)


def bilan_transmis(soumis_le: date | None, lu: bool, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """A region transmitted its bilan d'étape: the DGEFP's national users are told, unless already read."""
    if soumis_le is None or lu:
        return []
    return signalement("transmis", soumis_le, NATIONAL, rattrapage)


def etape_caom(date_etape: date, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """A step of a CAOM's negotiation (engaged, agreed in principle, deliberated, signed, failed): the conseil
    général of the département is told, once, from the step's date."""
    return signalement("etape", date_etape, CONSEIL_GENERAL, rattrapage)


def premier_jour_impaye(mois: date) -> date:
    """The first day a month of aid still unpaid is late (``DELAI_PAIEMENT_AIDE_JOURS`` days after its end)."""
    return fin_du_mois(mois) + timedelta(days=DELAI_PAIEMENT_AIDE_JOURS + 1)


def mois_devenus_impayes(aujourdhui: date, rattrapage: int = RATTRAPAGE) -> list[date]:
    """The months whose aid became late (if unpaid) within the last ``rattrapage`` days, today included."""
    debut = aujourdhui - timedelta(days=rattrapage)
    mois, resultat = aujourdhui.replace(day=1), []
    for _ in range(4):  # 45 days after a month's end falls within the next two months
        mois = (mois - timedelta(days=1)).replace(day=1)
        if debut <= premier_jour_impaye(mois) <= aujourdhui:
            resultat.append(mois)
    return sorted(resultat)


def paiement_asp_signale(signal: str, mois: date, jour_releve: date | None, rattrapage: int = RATTRAPAGE):
    """A month of a convention flagged by the reconciliation with the ASP's statements: an overpayment from the
    day the statement was recorded, an unpaid month from the day it became late; the prescripteur is told once."""
    if signal == TROP_PERCU and jour_releve is not None:
        return signalement(signal, jour_releve, PRESCRIPTEUR, rattrapage)
    if signal == IMPAYE:
        return signalement(signal, premier_jour_impaye(mois), PRESCRIPTEUR, rattrapage)
    return []


def paiements_sur_convention_annulee(annulee_le: date | None, rattrapage: int = RATTRAPAGE) -> list[Occurrence]:
    """A convention annulled after the ASP paid some of its months: everything paid is to be recovered; the
    prescripteur is told once, from the day of the annulment."""
    if annulee_le is None:
        return []
    return signalement(CONVENTION_ANNULEE, annulee_le, PRESCRIPTEUR, rattrapage)


# --- data retention (R5134-23: personal data kept no longer than one year after the convention ends) ----------


def limite_conservation(aujourdhui: date) -> date:
    """A salarié whose last convention ended strictly before this date is anonymised (one year has passed)."""
    return ajouter_mois(aujourdhui, -12)


def fin_effective(date_fin: date | None, date_rupture: date | None, date_annulation: date | None = None) -> date | None:
    """When a convention ends for the retention of its person's data: a broken convention on its rupture; an
    annulled one on its annulment (entered by mistake, it stops there: nothing of it runs on, and R5134-23 keeps
    the data one year after the convention ends, not one year after a term it will never reach), or on its own
    end if that came first. None while it runs open-ended."""
    fins = [d for d in (date_fin, date_rupture, date_annulation) if d is not None]
    return min(fins) if fins else None


def anonymisable(fins: list[date | None], aujourdhui: date) -> bool:
    """Every convention has ended (none open-ended), the last one more than a year ago."""
    if not fins or any(f is None for f in fins):
        return False
    return max(fins) < limite_conservation(aujourdhui)


def date_naissance_anonymisee(date_naissance: date, dates_embauche: list[date]) -> date:
    """The birth date kept after anonymisation: its year and month, and a day chosen so that the age on every
    hiring date stays exact (the CAE-jeunes indicator counts the under-26 at hiring). The day is the first of the
    month unless a hire fell in the birth month before the birthday; then the day after that hire."""
    avant_anniversaire = [
        e.day for e in dates_embauche if e.month == date_naissance.month and e.day < date_naissance.day
    ]
    return date_naissance.replace(day=max(avant_anniversaire) + 1 if avant_anniversaire else 1)
