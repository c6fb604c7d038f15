"""The money of the aid in euros, one source for every page (national, regional, CAOM): for a year,

- **engagé** (committed): the schedules of the concluded conventions, months of that year (a rupture or a
  suspension without pay has already reduced them from its date: ``conventions.regles.echeancier``);
- **dû à ce jour** (due to date): what the ASP owes for the months of that year already over on the day (the
  aid of a month is due at its end), the indu taken off (``MoisAideQuerySet.avec_du``: an indu is not owed, so
  « reste à payer » is negative by what the ASP paid of it);
- **payé** (paid): what the ASP's imported statements paid for months of that year;
- **à récupérer** (to recover): the aid due on conventions broken outside the legal cases (*indus*).

The CAOM figures are those of the conventions the CAOM co-finances, over their whole schedule (the CAOM commits
them when they are concluded). The nation, a region and a département read the monthly totals of the schedules
(``conventions.TotalMensuel``, a thousand rows a year), a CAOM the months of its conventions. Two grouped queries
whatever the number of conventions; the totals of a set of
regions are the sums of the regions' figures, so the national page and each region's page cannot disagree.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, Sum, Value
from django.db.models.functions import Coalesce

from conventions.models import Convention, MoisAide, Nature, TotalMensuel
from droit.vocabulaire import STATUTS_HORS_CHIFFRES, StatutConvention, TypeContrat

from .models import PaiementAsp

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Montants:
    etat: Decimal = ZERO
    conseil_general: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.etat + self.conseil_general

    def __add__(self, autre: "Montants") -> "Montants":
        return Montants(self.etat + autre.etat, self.conseil_general + autre.conseil_general)


@dataclass(frozen=True)
class Budget:
    engage: Montants = field(default_factory=Montants)
    du: Montants = field(default_factory=Montants)
    paye: Montants = field(default_factory=Montants)
    a_recuperer: Decimal = ZERO

    @property
    def reste_a_payer(self) -> Decimal:
        """Due to date and not paid yet (negative when the ASP paid more than due)."""
        return self.du.total - self.paye.total

    def __add__(self, autre: "Budget") -> "Budget":
        return Budget(
            self.engage + autre.engage,
            self.du + autre.du,
            self.paye + autre.paye,
            self.a_recuperer + autre.a_recuperer,
        )


def _somme(champ, condition=None):
    return Coalesce(
        Sum(champ, filter=condition), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2)
    )


def _agreger(qs, cle: str, jour: date) -> dict:
    """Committed, due to date and indu by ``cle``: ``qs`` is monthly totals (``TotalMensuel``) or months with
    what is due (``MoisAide…avec_du()``): the same column names."""
    echus = Q(mois__lt=jour.replace(day=1))
    return {
        ligne[cle]: ligne
        for ligne in qs.values(cle)
        .annotate(
            engage_etat=_somme("part_etat"),
            engage_cg=_somme("part_conseil_general"),
            du_etat_echu=_somme("du_etat", echus),
            du_cg_echu=_somme("du_conseil_general", echus),
            indu=_somme("a_rembourser"),
        )
        .order_by()
    }


def _agreger_paiements(qs, cle: str) -> dict:
    return {
        ligne[cle]: ligne
        for ligne in qs.values(cle)
        .annotate(etat=_somme("montant_etat"), cg=_somme("montant_conseil_general"))
        .order_by()
    }


def _cents(valeur) -> Decimal:
    """To the cent (SQLite sums decimals as floating numbers)."""
    return Decimal(valeur).quantize(Decimal("0.01"))


def _budgets(cles: Iterable, mois: dict, paiements: dict) -> dict:
    resultat = {}
    for cle in cles:
        m, p = mois.get(cle), paiements.get(cle)
        resultat[cle] = Budget(
            engage=Montants(_cents(m["engage_etat"]), _cents(m["engage_cg"])) if m else Montants(),
            du=Montants(_cents(m["du_etat_echu"]), _cents(m["du_cg_echu"])) if m else Montants(),
            paye=Montants(_cents(p["etat"]), _cents(p["cg"])) if p else Montants(),
            a_recuperer=_cents(m["indu"]) if m else ZERO,
        )
    return resultat


def budgets_par_region(annee: int, jour: date, region_ids: Iterable[int]) -> dict[int, Budget]:
    """{region_id: Budget} of ``annee`` on ``jour`` (every region asked, with zeros when nothing)."""
    region_ids = list(region_ids)
    mois = _agreger(TotalMensuel.objects.filter(mois__year=annee, region_id__in=region_ids), "region_id", jour)
    payes = _agreger_paiements(PaiementAsp.objects.filter(mois__year=annee, region_id__in=region_ids), "region_id")
    return _budgets(region_ids, mois, payes)


def budgets_par_departement(annee: int, jour: date, departement_ids: Iterable[int]) -> dict[int, Budget]:
    departement_ids = list(departement_ids)
    mois = _agreger(
        TotalMensuel.objects.filter(mois__year=annee, departement_id__in=departement_ids), "departement_id", jour
    )
    payes = _agreger_paiements(
        PaiementAsp.objects.filter(mois__year=annee, convention__departement_id__in=departement_ids),
        "convention__departement_id",
    )
    return _budgets(departement_ids, mois, payes)


def budgets_par_caom(caom_ids: Iterable[int], jour: date) -> dict[int, Budget]:
    """{caom_id: Budget} of the conventions each CAOM co-finances, over their whole schedule."""
    caom_ids = list(caom_ids)
    mois = _agreger(MoisAide.objects.filter(convention__caom_id__in=caom_ids).avec_du(), "convention__caom_id", jour)
    payes = _agreger_paiements(PaiementAsp.objects.filter(convention__caom_id__in=caom_ids), "convention__caom_id")
    return _budgets(caom_ids, mois, payes)


def total(budgets: Iterable[Budget]) -> Budget:
    somme = Budget()
    for budget in budgets:
        somme = somme + budget
    return somme


# --- entries against the objectives -------------------------------------------------------------------------


@dataclass
class Entrees:
    """Conventions started in the year, initial ones and renewals apart (a convention broken on or before its
    start never entered)."""

    initiales: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    renouvellements: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def de(self, contrat: str) -> int:
        return self.initiales[contrat]


def entrees_par_region(annee: int, region_ids: Iterable[int]) -> dict[int, Entrees]:
    """One grouped query: {region_id: Entrees} of the CAE and CIE started in ``annee``."""
    region_ids = list(region_ids)
    qs = (
        Convention.objects.filter(
            region_id__in=region_ids,
            date_debut__year=annee,
            type_contrat__in=[TypeContrat.CAE, TypeContrat.CIE],
        )
        .exclude(statut__in=STATUTS_HORS_CHIFFRES)
        .exclude(statut=StatutConvention.ROMPUE, date_rupture__lte=F("date_debut"))
        .values("region_id", "type_contrat", "nature")
        .annotate(n=Count("*"))  # COUNT(*): the index ``convention_entrees`` alone answers
        .order_by()
    )
    resultat = {pk: Entrees() for pk in region_ids}
    for ligne in qs:
        entrees = resultat[ligne["region_id"]]
        cible = entrees.renouvellements if ligne["nature"] == Nature.RENOUVELLEMENT else entrees.initiales
        cible[ligne["type_contrat"]] += ligne["n"]
    return resultat
