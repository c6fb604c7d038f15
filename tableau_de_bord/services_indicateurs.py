"""Refresh of the aggregate indicators (``IndicateurQuinzaine``) from the conventions.

One GROUP BY query gives, per département × fortnight of conclusion × contract type, the entries and the sums
the averages need. The CAE-jeunes criteria are the law's (``est_cae_jeune``, pure function): they are applied
to the CAE only, streamed in chunks with their number of immersion periods (one more query). The scope's
aggregate rows are then replaced in one transaction (delete + bulk_create), so a refresh is idempotent and a
dashboard never sees half of one. Run by the Celery task ``rafraichir_indicateurs_task`` (periodic, and after
a convention is concluded), never by a page.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.functions import ExtractMonth, ExtractYear

from conventions.regles.convention import est_cae_jeune
from cui_portal import horloge
from droit.vocabulaire import STATUTS_HORS_CHIFFRES
from referentiels.models import Region

from . import regles
from .models import IndicateurQuinzaine, RafraichissementIndicateurs

STATUTS_NON_COMPTES = tuple(STATUTS_HORS_CHIFFRES)  # a draft or an annulled convention is not a prescription
CHAMPS_SOMMES = ("entrees", "somme_taux", "somme_heures", "somme_duree_mois", "nb_mesures")


def _conventions(regions, depuis: date | None):
    from conventions.models import Convention

    qs = Convention.objects.exclude(statut__in=STATUTS_NON_COMPTES).filter(date_conclusion__isnull=False)
    if regions is not None:
        qs = qs.filter(region__in=regions)
    if depuis is not None:
        qs = qs.filter(date_conclusion__gte=regles.debut_quinzaine(depuis))
    return qs


def _periode():
    return {
        "an": ExtractYear("date_conclusion"),
        "mois": ExtractMonth("date_conclusion"),
        "jour": Case(When(date_conclusion__day__lte=15, then=Value(1)), default=Value(16), output_field=IntegerField()),
    }


def calculer_agregats(regions=None, depuis: date | None = None) -> dict[tuple, dict]:
    """{(region_id, departement_id, debut_periode, type_contrat): {field: value}} computed from the conventions."""
    complet = Q(taux__isnull=False, duree_hebdo_prise_en_charge__isnull=False, duree_mois__isnull=False)
    lignes = (
        _conventions(regions, depuis)
        .annotate(**_periode())
        .values("region_id", "departement_id", "an", "mois", "jour", "type_contrat")
        .annotate(
            entrees=Count("pk"),
            somme_taux=Sum("taux", filter=complet),
            somme_heures=Sum("duree_hebdo_prise_en_charge", filter=complet),
            somme_duree_mois=Sum("duree_mois", filter=complet),
            nb_mesures=Count("pk", filter=complet),
        )
        .order_by()
    )
    agregats: dict[tuple, dict] = defaultdict(
        lambda: {"cae_jeunes": 0, "cae_jeunes_immersion": 0, "periodes_immersion": 0}
    )
    for ligne in lignes:
        cle = (
            ligne["region_id"],
            ligne["departement_id"],
            date(ligne["an"], ligne["mois"], ligne["jour"]),
            ligne["type_contrat"],
        )
        agregats[cle].update({champ: ligne[champ] or 0 for champ in CHAMPS_SOMMES})

    candidats = (
        _conventions(regions, depuis)
        .filter(type_contrat="CAE", aci=False)
        .annotate(nb_periodes=Count("periodes_immersion"))
        .values_list(
            "region_id",
            "departement_id",
            "date_conclusion",
            "type_contrat",
            "salarie__date_naissance",
            "date_embauche",
            "duree_mois",
            "employeur__statut_juridique",
            "immersion",
            "nb_periodes",
        )
        .order_by()
    )
    for region_id, dep_id, conclue, type_, naissance, embauche, duree, statut, immersion, nb in candidats.iterator(
        chunk_size=2000
    ):
        if None in (naissance, embauche, duree) or not est_cae_jeune(type_, naissance, embauche, duree, statut):
            continue
        valeurs = agregats[(region_id, dep_id, regles.debut_quinzaine(conclue), type_)]
        valeurs["cae_jeunes"] += 1
        valeurs["cae_jeunes_immersion"] += bool(immersion)
        valeurs["periodes_immersion"] += nb
    return dict(agregats)


def rafraichir_indicateurs(regions=None, depuis: date | None = None) -> int:
    """Recompute the aggregates of ``regions`` (all when None) for the fortnights from ``depuis`` (all when None).

    Two refreshes of the same region run one after the other: the region rows are locked (in a fixed order, so
    that a full refresh and a regional one never deadlock) before the conventions are read, so the last refresh
    to commit is computed from the latest data and never collides with another one's rows.
    Returns the number of aggregate rows written.
    """
    verrous = Region.objects.select_for_update().order_by("pk")
    if regions is not None:
        verrous = verrous.filter(pk__in=[getattr(r, "pk", r) for r in regions])
    with transaction.atomic():
        list(verrous.values_list("pk", flat=True))
        agregats = calculer_agregats(regions, depuis)
        a_effacer = IndicateurQuinzaine.objects.all()
        if regions is not None:
            a_effacer = a_effacer.filter(region__in=regions)
        if depuis is not None:
            a_effacer = a_effacer.filter(debut_periode__gte=regles.debut_quinzaine(depuis))
        objets = [
            IndicateurQuinzaine(
                region_id=region_id,
                departement_id=dep_id,
                debut_periode=debut,
                type_contrat=type_,
                **{k: (Decimal(v) if k.startswith("somme") else v) for k, v in valeurs.items()},
            )
            for (region_id, dep_id, debut, type_), valeurs in agregats.items()
        ]
        a_effacer.delete()
        IndicateurQuinzaine.objects.bulk_create(objets, batch_size=1000)
        portee = "toutes les régions" if regions is None else f"{len(list(regions))} région(s)"
        if depuis is not None:
            portee += f" depuis le {depuis:%d/%m/%Y}"
        RafraichissementIndicateurs.objects.create(fait_le=horloge.instant_reel(), portee=portee, lignes=len(objets))
    return len(objets)


def fraicheur():
    """When the indicators were last computed (None: never)."""
    dernier = RafraichissementIndicateurs.objects.order_by("-fait_le").only("fait_le").first()
    return dernier.fait_le if dernier else None
