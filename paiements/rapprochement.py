"""Selectors of the reconciliation: what the ASP paid for each convention-month against its schedule.

The rule is ``regles.rapprocher``; the flagged months of a region are found by the database with the same rule
written as SQL filters (``_trop_percu``, ``_impaye``) on what is due as ``conventions.MoisAideQuerySet.avec_du``
defines it (the one SQL definition of « dû = aide − indu », the budgets read it too), then each row of a page is
reconciled again by the pure rule for display (a test checks both agree, over random schedules). A payment of a
month no longer in the schedule (the schedule shrank after a rupture or an avenant) is an overpayment too. A
payment on an annulled convention (its schedule emptied by the annulment) is reported apart, as what it is: a
« paiement sur une convention annulée », the whole amount to be recovered.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from conventions.models import Convention, MoisAide
from droit.vocabulaire import StatutConvention

from .models import PaiementAsp
from .regles import (
    CENTIME,
    CONVENTION_ANNULEE,
    IMPAYE,
    TROP_PERCU,
    ZERO,
    Rapprochement,
    dernier_mois_en_retard,
    rapprocher,
)

MONTANT = DecimalField(max_digits=12, decimal_places=2)
ZERO_SQL = Value(ZERO, output_field=MONTANT)


def paiements_par_mois(convention_id: int) -> dict[date, tuple[Decimal, Decimal]]:
    """What the statements paid for each month of a convention: ``{mois: (etat, cg)}`` (the conventions page's
    provider, registered in ``PaiementsConfig.ready()``)."""
    lignes = (
        PaiementAsp.objects.filter(convention_id=convention_id)
        .order_by()
        .values("mois")
        .annotate(etat=Sum("montant_etat"), cg=Sum("montant_conseil_general"))
        .values_list("mois", "etat", "cg")
    )
    return {mois: (etat, cg) for mois, etat, cg in lignes}


def rapprochement_de(convention_id: int, jour: date) -> list[Rapprochement]:
    """Every month of one convention reconciled on ``jour``: its schedule, and any month paid outside it (on an
    annulled convention, every month paid, nothing due)."""
    annulee = Convention.objects.filter(pk=convention_id, statut=StatutConvention.ANNULEE).exists()
    payes = paiements_par_mois(convention_id)
    mois = {
        m.mois: m
        for m in MoisAide.objects.filter(convention_id=convention_id).only(
            "mois", "part_etat", "part_conseil_general", "a_rembourser"
        )
    }
    resultat = []
    for cle in sorted(set(mois) | set(payes)):
        ligne = mois.get(cle)
        etat, cg = payes.get(cle, (ZERO, ZERO))
        resultat.append(
            rapprocher(
                cle,
                part_etat=ligne.part_etat if ligne else ZERO,
                part_conseil_general=ligne.part_conseil_general if ligne else ZERO,
                a_rembourser=ligne.a_rembourser if ligne else ZERO,
                paye_etat=etat,
                paye_conseil_general=cg,
                jour=jour,
                convention_annulee=annulee,
            )
        )
    return resultat


# --- the flagged months of a region ------------------------------------------------------------------


def _paye(champ: str):
    somme = (
        PaiementAsp.objects.filter(convention_id=OuterRef("convention_id"), mois=OuterRef("mois"))
        .order_by()
        .values("convention_id", "mois")
        .annotate(s=Sum(champ))
        .values("s")
    )
    return Coalesce(Subquery(somme, output_field=MONTANT), ZERO_SQL)


def _mois_rapproches(region_id: int | None):
    """The months with what is due (``MoisAideQuerySet.avec_du``, the one definition) and what was paid."""
    qs = MoisAide.objects.all() if region_id is None else MoisAide.objects.filter(region_id=region_id)
    return (
        qs.avec_du()
        .annotate(paye_etat=_paye("montant_etat"), paye_cg=_paye("montant_conseil_general"))
        .annotate(paye=F("paye_etat") + F("paye_cg"))
    )


# Amounts are in cents: half a cent apart is equal (SQLite computes decimals as floating numbers).
DEMI_CENTIME = Value(Decimal("0.005"), output_field=MONTANT)


def _trop_percu() -> Q:
    return Q(paye__gt=F("du") + DEMI_CENTIME)


def _impaye(jour: date) -> Q:
    return Q(du__gt=DEMI_CENTIME, paye=0, mois__lte=dernier_mois_en_retard(jour))


FILTRES = {TROP_PERCU: "Trop-perçus", IMPAYE: "Impayés", CONVENTION_ANNULEE: "Paiements sur une convention annulée"}


@dataclass(frozen=True)
class MoisSignale:
    convention_id: int
    numero: str
    departement: str
    rapprochement: Rapprochement
    annulee_le: date | None = None


@dataclass(frozen=True)
class Comptes:
    trop_percus: int
    montant_trop_percu: Decimal
    impayes: int
    montant_impaye: Decimal
    hors_echeancier: int
    sur_conventions_annulees: int = 0
    montant_sur_conventions_annulees: Decimal = ZERO  # all of it to be recovered

    @property
    def total(self) -> int:
        return self.trop_percus + self.impayes + self.sur_conventions_annulees


def mois_signales(region_id: int | None, jour: date, signal: str | None = None):
    """The flagged convention-months of a region (``None``: every region), most recent first, as a queryset
    to paginate; ``signal`` keeps one kind (``trop_percu`` or ``impaye``)."""
    if signal == CONVENTION_ANNULEE:  # an annulled convention has no schedule: ``paiements_sur_conventions_annulees``
        return _mois_rapproches(region_id).none()
    filtre = {TROP_PERCU: _trop_percu(), IMPAYE: _impaye(jour)}.get(signal, _trop_percu() | _impaye(jour))
    return (
        _mois_rapproches(region_id)
        .filter(filtre)
        .select_related("convention", "departement")
        .only(
            "convention__numero",
            "departement__code",
            "mois",
            "part_etat",
            "part_conseil_general",
            "a_rembourser",
            "aide",
            "convention_id",
        )
        .order_by("-mois", "convention__numero")
    )


def paiements_sans_mois_du(region_id: int | None):
    """Payments by convention and month that no month of a schedule accounts for, most recent first: a month no
    longer in the schedule of a convention still standing (it shrank after a rupture or an avenant), or any month
    of an annulled convention (``convention__date_annulation`` set). One query for both kinds; each row is told
    apart by ``signale_hors_echeancier``."""
    qs = PaiementAsp.objects.all() if region_id is None else PaiementAsp.objects.filter(region_id=region_id)
    sans_mois = ~Exists(MoisAide.objects.filter(convention_id=OuterRef("convention_id"), mois=OuterRef("mois")))
    return (
        qs.filter(sans_mois | Q(convention__statut=StatutConvention.ANNULEE))
        .order_by()
        .values(
            "convention_id",
            "convention__numero",
            "convention__departement__code",
            "convention__date_annulation",
            "mois",
        )
        .annotate(etat=Sum("montant_etat"), cg=Sum("montant_conseil_general"))
        .order_by("-mois", "convention__numero")
    )


def paiements_hors_echeancier(region_id: int | None):
    """Payments of months no longer in the schedule of a convention still standing: each an overpayment."""
    return paiements_sans_mois_du(region_id).filter(convention__date_annulation__isnull=True)


def paiements_sur_conventions_annulees(region_id: int | None):
    """Payments on annulled conventions, by convention and month: nothing was ever due, all is to be recovered."""
    return paiements_sans_mois_du(region_id).filter(convention__date_annulation__isnull=False)


def signale(mois: MoisAide, jour: date) -> MoisSignale:
    """One row of ``mois_signales`` reconciled by the pure rule, for display."""
    return MoisSignale(
        convention_id=mois.convention_id,
        numero=mois.convention.numero,
        departement=mois.departement.code,
        rapprochement=rapprocher(
            mois.mois,
            part_etat=mois.part_etat,
            part_conseil_general=mois.part_conseil_general,
            a_rembourser=mois.a_rembourser,
            paye_etat=mois.paye_etat,
            paye_conseil_general=mois.paye_cg,
            jour=jour,
        ),
    )


def signale_hors_echeancier(ligne: dict, jour: date) -> MoisSignale:
    """One row of ``paiements_hors_echeancier`` or of ``paiements_sur_conventions_annulees``, by the pure rule."""
    annulee_le = ligne.get("convention__date_annulation")
    return MoisSignale(
        convention_id=ligne["convention_id"],
        numero=ligne["convention__numero"],
        departement=ligne["convention__departement__code"],
        rapprochement=rapprocher(
            ligne["mois"],
            part_etat=ZERO,
            part_conseil_general=ZERO,
            a_rembourser=ZERO,
            paye_etat=_cents(ligne["etat"]),
            paye_conseil_general=_cents(ligne["cg"]),
            jour=jour,
            convention_annulee=annulee_le is not None,
        ),
        annulee_le=annulee_le,
    )


def _cents(montant: Decimal) -> Decimal:
    """To the cent (SQLite computes decimals as floating numbers)."""
    return Decimal(montant).quantize(CENTIME)


def comptes(region_id: int | None, jour: date) -> Comptes:
    """How many months are flagged, and for how much (two queries)."""
    trop, impaye = _trop_percu(), _impaye(jour)
    agregats = _mois_rapproches(region_id).aggregate(
        trop_percus=Count("pk", filter=trop),
        montant_trop_percu=Coalesce(Sum(F("paye") - F("du"), filter=trop, output_field=MONTANT), ZERO_SQL),
        impayes=Count("pk", filter=impaye),
        montant_impaye=Coalesce(Sum("du", filter=impaye, output_field=MONTANT), ZERO_SQL),
    )
    hors, annules = [], []
    for etat, cg, annulee_le in paiements_sans_mois_du(region_id).values_list(
        "etat", "cg", "convention__date_annulation"
    ):
        (hors if annulee_le is None else annules).append((etat, cg))
    return Comptes(
        trop_percus=agregats["trop_percus"] + len(hors),
        montant_trop_percu=_cents(agregats["montant_trop_percu"]) + _cents(sum((e + c for e, c in hors), ZERO)),
        impayes=agregats["impayes"],
        montant_impaye=_cents(agregats["montant_impaye"]),
        hors_echeancier=len(hors),
        sur_conventions_annulees=len(annules),
        montant_sur_conventions_annulees=_cents(sum((e + c for e, c in annules), ZERO)),
    )
