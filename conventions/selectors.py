"""Reads for the other apps: the consumption of each CAOM by the conventions it co-finances, and the RSA
beneficiaries' conventions funded by the State alone outside any CAOM. Registered in ``caom.consommation``
by ``ConventionsConfig.ready()`` (``caom`` sits below ``conventions`` and never imports it). One GROUP BY
query each."""

from decimal import Decimal

from django.db.models import Case, CharField, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce, TruncMonth

from droit.vocabulaire import STATUTS_HORS_CHIFFRES, Financement, TypeContrat

from .models import Convention

ZERO = Decimal("0.00")

# Each convention in exactly one category (see caom.consommation).
CATEGORIE = Case(
    When(
        Q(type_contrat=TypeContrat.CAE, financement=Financement.CG),
        then=Value("cae_cg_seul"),
    ),
    When(
        Q(type_contrat=TypeContrat.CAE, financement=Financement.ETAT_CG, taux__gt=F("taux_arrete")),
        then=Value("cae_majores"),
    ),
    When(Q(type_contrat=TypeContrat.CAE, financement=Financement.ETAT_CG), then=Value("cae_cofinances")),
    When(Q(type_contrat=TypeContrat.CIE), then=Value("cie_cofinances")),
    output_field=CharField(),
)


def conventions_de_caom(caom_ids):
    return (
        Convention.objects.filter(caom_id__in=caom_ids, date_debut__isnull=False)
        .exclude(statut__in=STATUTS_HORS_CHIFFRES)
        .exclude(financement=Financement.ETAT)
    )


def lignes_consommation_caom(caom_ids: list[int]):
    """(caom, month of the start, category) → number of conventions entered and the amounts they commit
    (monthly share × planned length, stored at conclusion)."""
    from caom.consommation import LigneConsommation

    if not caom_ids:
        return []
    lignes = (
        conventions_de_caom(caom_ids)
        .annotate(mois=TruncMonth("date_debut"), categorie=CATEGORIE)
        .values("caom_id", "mois", "categorie")
        .annotate(
            nombre=Count("pk"),
            montant_cg=Coalesce(Sum("engagement_conseil_general"), Value(ZERO)),
            montant_etat=Coalesce(Sum("engagement_etat"), Value(ZERO)),
        )
        .order_by("caom_id", "mois", "categorie")
    )
    return [
        LigneConsommation(
            caom_id=ligne["caom_id"],
            mois=ligne["mois"],
            categorie=ligne["categorie"],
            nombre=ligne["nombre"],
            montant_cg=Decimal(ligne["montant_cg"]).quantize(Decimal("0.01")),
            montant_etat=Decimal(ligne["montant_etat"]).quantize(Decimal("0.01")),
        )
        for ligne in lignes
        if ligne["categorie"]
    ]


def rsa_hors_caom(departement_ids: list[int], annee: int) -> dict[int, int]:
    """Conventions of RSA beneficiaries funded by the State alone, outside any CAOM, started in ``annee``."""
    if not departement_ids:
        return {}
    lignes = (
        Convention.objects.filter(
            departement_id__in=departement_ids,
            date_debut__year=annee,
            financement=Financement.ETAT,
            caom__isnull=True,
            salarie__beneficiaire_rsa=True,
        )
        .exclude(statut__in=STATUTS_HORS_CHIFFRES)
        .values("departement_id")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    return {ligne["departement_id"]: ligne["nombre"] for ligne in lignes}
