"""Rules of the CAE-jeunes programme (circular DGEFP 2009-38), in pure functions on plain values (no ORM).

- the national calendar of the bilans d'étape: one per fortnight (1st–15th, 16th–end of month), due the first
  working day after the fortnight ends (French public holidays, weekends excluded);
- the transmission status of a bilan (on time, late, not transmitted, not yet due);
- the ASP payment of operators: within 25 days of receiving the complete file (compte rendu d'exécution and
  attestation de service fait, circular 2009-38, § 1.2).
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from droit.nombres import SOURCE_OPERATEUR_ASP, SOURCE_PAIEMENT_OPERATEUR, echeance_paiement_operateur, euros

# The programme was launched by circular 2009-19 of 29 May 2009; figures "since the start" count from there.
DEBUT_PROGRAMME = date(2009, 5, 29)

A_L_HEURE = "a_l_heure"
EN_RETARD = "en_retard"
NON_TRANSMIS = "non_transmis"
A_VENIR = "a_venir"
LIBELLES_TRANSMISSION = {
    A_L_HEURE: "Transmis à l'heure",
    EN_RETARD: "Transmis en retard",
    NON_TRANSMIS: "Non transmis",
    A_VENIR: "Échéance à venir",
}

# Parameters of the 2010 programming (JPE 2010), to compare the regions' averages with.
PARAMETRES_JPE = {
    "CAE": {"entrees": 360_000, "taux": Decimal("90"), "heures": Decimal("22"), "duree_mois": Decimal("8.25")},
    "CIE": {"entrees": 50_000, "taux": Decimal("30.7"), "heures": Decimal("33"), "duree_mois": Decimal("9.4")},
}


@dataclass(frozen=True)
class PeriodeQuinzaine:
    annee: int
    numero: int  # 1 to 24
    date_debut: date
    date_fin: date
    date_echeance: date


@lru_cache(maxsize=32)
def _feries(annee: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.France(years=annee))


def est_jour_ouvre(d: date) -> bool:
    """Monday to Friday, and not a French public holiday (metropolitan calendar)."""
    return d.weekday() < 5 and d not in _feries(d.year)


def premier_jour_ouvre_apres(d: date) -> date:
    jour = d + timedelta(days=1)
    while not est_jour_ouvre(jour):
        jour += timedelta(days=1)
    return jour


def debut_quinzaine(d: date) -> date:
    """The first day of the fortnight containing ``d`` (the 1st or the 16th)."""
    return d.replace(day=1 if d.day <= 15 else 16)


def quinzaine_contenant(d: date) -> PeriodeQuinzaine:
    debut = debut_quinzaine(d)
    fin = debut.replace(day=15) if debut.day == 1 else debut.replace(day=monthrange(d.year, d.month)[1])
    numero = (d.month - 1) * 2 + (1 if debut.day == 1 else 2)
    return PeriodeQuinzaine(d.year, numero, debut, fin, premier_jour_ouvre_apres(fin))


def quinzaines_de_l_annee(annee: int) -> list[PeriodeQuinzaine]:
    """The 24 fortnights of ``annee``, in order."""
    return [quinzaine_contenant(date(annee, mois, jour)) for mois in range(1, 13) for jour in (1, 16)]


def quinzaine_precedente(d: date) -> PeriodeQuinzaine:
    return quinzaine_contenant(debut_quinzaine(d) - timedelta(days=1))


def quinzaine_a_remplir(aujourd_hui: date, precedente_transmise: bool) -> PeriodeQuinzaine:
    """The fortnight whose bilan a correspondent fills today: the one that has just ended, until it is
    transmitted (its deadline is today, past, or the next working day), then the current one."""
    precedente = quinzaine_precedente(aujourd_hui)
    return quinzaine_contenant(aujourd_hui) if precedente_transmise else precedente


def statut_transmission(soumis_le: date | datetime | None, echeance: date, aujourd_hui: date) -> str:
    """On time when submitted on or before the due date; late after it; not transmitted once the due date has
    passed without a submission; to come before that."""
    if soumis_le is not None:
        jour = soumis_le.date() if isinstance(soumis_le, datetime) else soumis_le
        return A_L_HEURE if jour <= echeance else EN_RETARD
    return NON_TRANSMIS if aujourd_hui > echeance else A_VENIR


def date_dossier_complet(compte_rendu_recu_le: date | None, attestation_recue_le: date | None) -> date | None:
    """The ASP's file is complete when both the compte rendu d'exécution and the attestation de service fait
    have been received: the later of the two dates."""
    if compte_rendu_recu_le is None or attestation_recue_le is None:
        return None
    return max(compte_rendu_recu_le, attestation_recue_le)


def echeance_paiement(date_complet: date) -> date:
    """The ASP pays within 25 days of receiving the complete file (circulaire 2009-38, § 1.2)."""
    return echeance_paiement_operateur(date_complet)


def paiement_en_retard(date_complet: date | None, payee_le: date | None, aujourd_hui: date) -> bool:
    """Unpaid and past the 25-day limit."""
    return date_complet is not None and payee_le is None and aujourd_hui > echeance_paiement(date_complet)


def taux_pourcent(partie: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(partie) * 100 / Decimal(total)).quantize(Decimal("0.1"))


def moyenne(somme, nombre: int) -> Decimal | None:
    if not nombre or somme is None:
        return None
    return (Decimal(somme) / Decimal(nombre)).quantize(Decimal("0.01"))


def quinzaine_echue(aujourd_hui: date) -> PeriodeQuinzaine:
    """The latest fortnight whose bilan was due before ``aujourd_hui``: the one the DGEFP follows by default
    (on-time, late and missing bilans can all be told apart)."""
    periode = quinzaine_precedente(aujourd_hui)
    while periode.date_echeance >= aujourd_hui:
        periode = quinzaine_precedente(periode.date_debut)
    return periode


def erreurs_demande_paiement(
    *,
    montant: Decimal | None,
    montant_convention: Decimal,
    deja_demande: Decimal,
    transmise_asp_le: date | None,
    date_complet: date | None,
    payee_le: date | None,
    aujourd_hui: date,
) -> dict[str, str]:
    """Why a payment request of an operator is refused, by field: its agreement not yet sent to the ASP (the
    document « doit être adressé à l'ASP dès signature », circular 2009-38, § 1.1), more than what remains of the
    agreement (the advances follow « les modalités prévues par le marché ou la convention », § 1.2), paid
    without or before its complete file (the ASP pays « dès réception » of the compte rendu d'exécution and
    the attestation de service fait, § 1.2)."""
    erreurs = {}
    if transmise_asp_le is None or transmise_asp_le > aujourd_hui:
        erreurs["convention"] = (
            "La convention avec l'opérateur n'est pas transmise à l'ASP : elle lui est adressée dès sa signature, "
            f"et l'ASP ne paie que sur cette base ({SOURCE_OPERATEUR_ASP}). Enregistrez d'abord sa transmission."
        )
    reste = montant_convention - deja_demande
    if montant is not None and montant > reste:
        erreurs["montant"] = (
            f"La demande ({euros(montant)}) dépasse ce qui reste de la convention : {euros(reste)} sur "
            f"{euros(montant_convention)}, {euros(deja_demande)} étant déjà demandés ({SOURCE_PAIEMENT_OPERATEUR})."
        )
    if payee_le is not None and date_complet is None:
        erreurs["payee_le"] = (
            "L'ASP ne paie qu'au vu du compte rendu d'exécution et de l'attestation de service fait "
            f"({SOURCE_PAIEMENT_OPERATEUR}) : renseignez d'abord leurs dates de réception."
        )
    elif payee_le is not None and payee_le < date_complet:
        erreurs["payee_le"] = (
            f"Le paiement ({payee_le:%d/%m/%Y}) ne peut précéder le dossier complet ({date_complet:%d/%m/%Y}) : "
            f"l'ASP paie dès réception de l'ensemble des documents ({SOURCE_PAIEMENT_OPERATEUR})."
        )
    return erreurs


# --- correct and undo: comités de pilotage and bilans -------------------------------------------------------

MOTIF_MIN = 10  # characters: a reason the DGEFP understands


def verifier_annulation_comite(deja_annule: bool, motif: str) -> dict[str, str]:
    """{field: message}: a committee is cancelled once, with a reason (the DGEFP's staff planned to attend)."""
    erreurs = {}
    if deja_annule:
        erreurs["__all__"] = "Ce comité de pilotage est déjà annulé."
    if len((motif or "").strip()) < MOTIF_MIN:
        erreurs["motif"] = (
            f"Indiquez la raison de l'annulation (au moins {MOTIF_MIN} caractères) : la DGEFP en est informée."
        )
    return erreurs
