"""The schedule (échéancier) of the aid of one convention, month by month, in pure functions (no ORM).

For each calendar month the convention covers:

- the monthly aid at given terms is ``referentiels.aide.aide_mensuelle``: rate × SMIC horaire brut **in force on
  the first day of that month** × weekly hours taken in charge (35 h at most) × 52 / 12, rounded to the cent
  (L. 5134-30 and L. 5134-72 of the Code du travail; circular DGEFP 2009-42, annexe 2; the SMIC is revalued on
  1/1/2010, 1/1/2011, 1/12/2011, 1/1/2012, 1/7/2012…, and the aid follows it);
- the conseil général's share by ``referentiels.aide.repartir``: 88 % of the RSA montant forfaitaire in force on
  the first day of that month, never more than the aid, plus the whole extra cost of a rate it raised above the
  arrêté's (L. 5134-19-1; circular 2009-42, annexe 2); the State pays the rest;
- **prorating (a choice: the law is silent)**: a month partly covered — the first and the last, a month split by
  an avenant, days of a suspension without pay, the days after a rupture — is paid for the days covered: each
  stretch of days at the same terms weighs ``days ÷ days in the month`` of the monthly aid at those terms; the
  sum is rounded to the cent once per month (the aid, then the conseil général's share; the State's is the
  difference, so that State + conseil général = aid to the cent);
- an avenant changes the rate or the hours **from its effective date** (``Termes.depuis``), a renewal the end;
- a suspension without pay (the employer does not keep paying the salary: L. 1226-1, L. 1225-17; « l'aide n'est
  pas versée pendant la suspension du contrat », Cerfa 13998*01, « engagements de l'employeur ») gives no aid
  for its days; an open suspension runs to the end of the convention until its resumption is recorded;
- a rupture ends the aid on its date (included); outside the cases the law allows (L. 1243-1, L. 1243-2,
  L. 5134-28, L. 5134-70) the aid due until then is to be repaid (*indu*, Cerfa 13998*01: « le non-respect des
  engagements entraîne le reversement de l'aide »).

Where a month falls after the last known SMIC or RSA value, the last known value is used and the month is marked
``provisoire`` (a choice: the conclusion must not wait for next year's revaluation); recomputing after a change
of the scales (``recalculer_echeanciers``) makes it final.
"""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from droit.vocabulaire import Financement
from referentiels.aide import aide_mensuelle, arrondi, contribution_cg_maximale, repartir
from referentiels.regles import TableDatee

ZERO = Decimal("0.00")
UN_JOUR = timedelta(days=1)


@dataclass(frozen=True)
class Termes:
    """The terms of the aid from a date on: the initial ones, then each avenant's from its effective date."""

    depuis: date
    taux: Decimal
    heures: Decimal  # weekly hours taken in charge


@dataclass(frozen=True)
class Suspension:
    """A suspension of the work contract (``fin`` None while it runs); ``sans_aide`` when the pay stops."""

    debut: date
    fin: date | None
    sans_aide: bool = True


@dataclass(frozen=True)
class DonneesEcheancier:
    debut: date
    fin: date  # last day of aid, included
    termes: tuple[Termes, ...]
    financement: str = Financement.ETAT
    taux_arrete: Decimal | None = None
    suspensions: tuple[Suspension, ...] = ()
    date_rupture: date | None = None
    rupture_hors_cas_legaux: bool = False


@dataclass(frozen=True)
class MoisEcheancier:
    mois: date  # first day of the month
    jours_aides: int
    jours_du_mois: int
    taux: Decimal
    heures: Decimal
    smic_horaire: Decimal
    aide: Decimal
    part_etat: Decimal
    part_conseil_general: Decimal
    a_rembourser: Decimal
    fractionne: bool  # several terms in the month (an avenant took effect in it)
    provisoire: bool  # a scale's value after its known range

    @property
    def fin_du_mois(self) -> date:
        return self.mois.replace(day=self.jours_du_mois)


class EcheancierError(ValueError):
    """Inputs a schedule cannot be computed from (the message says which)."""


def _mois_de(debut: date, fin: date) -> Iterable[date]:
    mois = debut.replace(day=1)
    while mois <= fin:
        yield mois
        mois = (mois + timedelta(days=32)).replace(day=1)


def _termes_au(termes: Sequence[Termes], jour: date) -> Termes:
    courant = termes[0]
    for t in termes:
        if t.depuis <= jour:
            courant = t
        else:
            break
    return courant


def _suspendu(suspensions: Sequence[Suspension], jour: date, fin: date) -> bool:
    return any(s.sans_aide and s.debut <= jour <= (s.fin or fin) for s in suspensions)


def _troncons(donnees: DonneesEcheancier, debut: date, fin: date) -> list[tuple[date, date]]:
    """The stretches of [debut, fin] at constant terms and constant suspension state."""
    coupures = {debut}
    for t in donnees.termes:
        if debut < t.depuis <= fin:
            coupures.add(t.depuis)
    for s in donnees.suspensions:
        for jour in (s.debut, (s.fin + UN_JOUR) if s.fin else None):
            if jour is not None and debut < jour <= fin:
                coupures.add(jour)
    bornes = sorted(coupures)
    return [(a, (bornes[i + 1] - UN_JOUR) if i + 1 < len(bornes) else fin) for i, a in enumerate(bornes)]


def verifier_donnees(donnees: DonneesEcheancier) -> None:
    if donnees.fin < donnees.debut:
        raise EcheancierError("La fin de la convention précède son début : aucun échéancier.")
    if not donnees.termes:
        raise EcheancierError("Sans taux ni durée prise en charge, l'aide ne peut être calculée.")


def echeancier(donnees: DonneesEcheancier, smic: TableDatee, rsa: TableDatee) -> list[MoisEcheancier]:
    """The convention's aid month by month from its start to its end (or its rupture): see the module."""
    verifier_donnees(donnees)
    termes = tuple(sorted(donnees.termes, key=lambda t: t.depuis))
    fin = min(donnees.fin, donnees.date_rupture) if donnees.date_rupture else donnees.fin
    lignes = []
    for mois in _mois_de(donnees.debut, fin):
        jours_du_mois = calendar.monthrange(mois.year, mois.month)[1]
        premier, dernier = max(mois, donnees.debut), min(mois.replace(day=jours_du_mois), fin)
        smic_du_mois, smic_provisoire = smic.au(mois)
        rsa_du_mois, rsa_provisoire = rsa.au(mois)
        contribution = contribution_cg_maximale(rsa_du_mois)
        aide = part_cg = Decimal(0)
        jours = 0
        termes_vus: set[Termes] = set()
        derniers_termes = _termes_au(termes, premier)
        for a, b in _troncons(donnees, premier, dernier):
            if _suspendu(donnees.suspensions, a, fin):
                continue
            t = _termes_au(termes, a)
            n = (b - a).days + 1
            pleine = aide_mensuelle(t.taux, smic_du_mois, t.heures)
            au_taux_arrete = None
            if donnees.taux_arrete is not None and t.taux > donnees.taux_arrete:
                au_taux_arrete = aide_mensuelle(donnees.taux_arrete, smic_du_mois, t.heures)
            cg_pleine = repartir(pleine, donnees.financement, contribution, au_taux_arrete).part_conseil_general
            aide += pleine * n / jours_du_mois
            part_cg += cg_pleine * n / jours_du_mois
            jours += n
            termes_vus.add(t)
            derniers_termes = t
        aide_du_mois = arrondi(aide)
        cg_du_mois = min(arrondi(part_cg), aide_du_mois)
        lignes.append(
            MoisEcheancier(
                mois=mois,
                jours_aides=jours,
                jours_du_mois=jours_du_mois,
                taux=derniers_termes.taux,
                heures=derniers_termes.heures,
                smic_horaire=smic_du_mois,
                aide=aide_du_mois,
                part_etat=aide_du_mois - cg_du_mois,
                part_conseil_general=cg_du_mois,
                a_rembourser=aide_du_mois if donnees.rupture_hors_cas_legaux else ZERO,
                fractionne=len(termes_vus) > 1,
                provisoire=smic_provisoire or rsa_provisoire,
            )
        )
    return lignes


@dataclass(frozen=True)
class Totaux:
    aide: Decimal = ZERO
    part_etat: Decimal = ZERO
    part_conseil_general: Decimal = ZERO
    a_rembourser: Decimal = ZERO


def totaux(lignes: Iterable[MoisEcheancier]) -> Totaux:
    aide = etat = cg = indu = ZERO
    for ligne in lignes:
        aide += ligne.aide
        etat += ligne.part_etat
        cg += ligne.part_conseil_general
        indu += ligne.a_rembourser
    return Totaux(aide, etat, cg, indu)


@dataclass(frozen=True)
class AideDue:
    """What the ASP owes for one month of the schedule, by payer."""

    etat: Decimal
    conseil_general: Decimal

    @property
    def total(self) -> Decimal:
        return self.etat + self.conseil_general


def aide_due(part_etat: Decimal, part_conseil_general: Decimal, a_rembourser: Decimal) -> AideDue:
    """Due = aid − indu: the aid to be repaid after a rupture outside the legal cases is not owed (Cerfa 13998*01,
    « le non-respect des engagements entraîne le reversement de l'aide »). The indu is taken off the State's share
    first, then the conseil général's; nothing is ever due below zero."""
    retrait_etat = min(a_rembourser, part_etat)
    return AideDue(
        etat=part_etat - retrait_etat,
        conseil_general=max(part_conseil_general - (a_rembourser - retrait_etat), ZERO),
    )
