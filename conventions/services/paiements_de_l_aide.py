"""The « Paiements de l'aide » of one convention: each month of its schedule with what is due, what the ASP paid
(from its statements, through the providers registered in ``conventions.paiements``) and the difference."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from droit.nombres import paiement_de_l_aide_en_retard

from ..models import Convention
from ..models_echeancier import MoisAide
from ..paiements import paiements_de, suivi_disponible

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LignePaiement:
    mois: MoisAide
    paye_etat: Decimal | None
    paye_conseil_general: Decimal | None
    trop_percu: bool
    impaye: bool

    @property
    def paye(self) -> Decimal | None:
        if self.paye_etat is None:
            return None
        return self.paye_etat + self.paye_conseil_general

    @property
    def du(self) -> Decimal:
        """What the ASP owes for the month: the aid less an indu (``MoisAideQuerySet.avec_du``)."""
        return self.mois.du

    @property
    def ecart(self) -> Decimal | None:
        """Paid − due (positive: overpaid); None while no statement covers the month."""
        return None if self.paye is None else self.paye - self.du


@dataclass(frozen=True)
class PaiementHorsEcheancier:
    """A month the ASP paid that the schedule no longer holds (the convention annulled, or its end brought
    forward by a rupture or an avenant): nothing is due for it, the whole payment is to recover."""

    mois: date
    paye_etat: Decimal
    paye_conseil_general: Decimal

    @property
    def paye(self) -> Decimal:
        return self.paye_etat + self.paye_conseil_general


@dataclass(frozen=True)
class PaiementsDeLAide:
    lignes: list[LignePaiement]
    aide: Decimal
    part_etat: Decimal
    part_conseil_general: Decimal
    a_rembourser: Decimal
    du: Decimal  # what the ASP owes over the whole schedule: the aid less the indu
    paye: Decimal
    suivi_disponible: bool
    hors_echeancier: list[PaiementHorsEcheancier]

    @property
    def ecart(self) -> Decimal:
        """Paid − due over the schedule (positive: overpaid, the indu already paid included)."""
        return self.paye - self.du

    @property
    def paye_hors_echeancier(self) -> Decimal:
        return sum((p.paye for p in self.hors_echeancier), ZERO)

    @property
    def nb_trop_percus(self) -> int:
        return sum(1 for ligne in self.lignes if ligne.trop_percu)

    @property
    def nb_impayes(self) -> int:
        return sum(1 for ligne in self.lignes if ligne.impaye)


def paiements_de_l_aide(convention: Convention, jour: date) -> PaiementsDeLAide:
    """Two queries: the schedule and the payments of the convention."""
    mois = list(MoisAide.objects.filter(convention_id=convention.pk).avec_du().order_by("mois"))
    payes = paiements_de(convention.pk)
    suivi = suivi_disponible()
    lignes = []
    for m in mois:
        etat, cg = payes.get(m.mois, (None, None))
        total = None if etat is None else etat + cg
        lignes.append(
            LignePaiement(
                mois=m,
                paye_etat=etat,
                paye_conseil_general=cg,
                # Compared with what is due, not with the aid: an indu paid is an overpayment to recover.
                trop_percu=total is not None and total > m.du,
                impaye=m.du > 0
                and not total
                and paiement_de_l_aide_en_retard(m.mois.replace(day=m.jours_du_mois), jour),
            )
        )
    echeancier = {m.mois for m in mois}
    hors = [PaiementHorsEcheancier(j, e, c) for j, (e, c) in sorted(payes.items()) if j not in echeancier]
    return PaiementsDeLAide(
        lignes=lignes,
        aide=sum((m.aide for m in mois), ZERO),
        part_etat=sum((m.part_etat for m in mois), ZERO),
        part_conseil_general=sum((m.part_conseil_general for m in mois), ZERO),
        a_rembourser=sum((m.a_rembourser for m in mois), ZERO),
        du=sum((m.du for m in mois), ZERO),
        paye=sum((ligne.paye or ZERO for ligne in lignes), ZERO),
        suivi_disponible=suivi,
        hors_echeancier=hors,
    )
