"""The engineering credits of the CAE-jeunes operators, year by year and region by region, from one selector:
notified, committed (agreements signed that year), paid (payment requests paid on those agreements) and still
available. The national page and each region's page read it, so they give the same figures for the same region
and the same year."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from .models import ConventionOperateur, CreditIngenierie, DemandePaiement

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Credits:
    annee: int
    notifie: Decimal | None
    engage: Decimal = ZERO
    paye: Decimal = ZERO

    @property
    def disponible(self) -> Decimal | None:
        return None if self.notifie is None else self.notifie - self.engage


def credits_par_region(region_ids, annees=None) -> dict[tuple[int, int], Credits]:
    """{(region_id, year): Credits}: three grouped queries, for the years asked (all years with a credit or an
    agreement otherwise)."""
    region_ids = list(region_ids)
    credits = CreditIngenierie.objects.filter(region_id__in=region_ids)
    agreements = ConventionOperateur.objects.filter(operateur__region_id__in=region_ids)
    payes = DemandePaiement.objects.filter(convention__operateur__region_id__in=region_ids, payee_le__isnull=False)
    if annees is not None:
        credits = credits.filter(annee__in=annees)
        agreements = agreements.filter(signee_le__year__in=annees)
        payes = payes.filter(convention__signee_le__year__in=annees)
    notifies = {(c.region_id, c.annee): c.montant_notifie for c in credits}
    engages = defaultdict(lambda: ZERO)
    for ligne in (
        agreements.annotate(a=ExtractYear("signee_le")).values("operateur__region_id", "a").annotate(s=Sum("montant"))
    ):
        engages[(ligne["operateur__region_id"], ligne["a"])] = Decimal(ligne["s"])
    payes_ = defaultdict(lambda: ZERO)
    for ligne in (
        payes.annotate(a=ExtractYear("convention__signee_le"))
        .values("convention__operateur__region_id", "a")
        .annotate(s=Sum("montant"))
    ):
        payes_[(ligne["convention__operateur__region_id"], ligne["a"])] = Decimal(ligne["s"] or 0)
    cles = set(notifies) | set(engages) | set(payes_)
    if annees is not None:
        cles |= {(r, a) for r in region_ids for a in annees}
    return {
        cle: Credits(cle[1], notifies.get(cle), engages[cle].quantize(ZERO), payes_[cle].quantize(ZERO)) for cle in cles
    }
