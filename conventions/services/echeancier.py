"""The schedule of the aid of each concluded convention, kept up to date without rescans.

``ecrire_echeancier`` rewrites one convention's months (and its commitment, the sum of its schedule) in the
transaction of the write that changed its terms: conclusion, avenant, suspension, resumption, rupture.
``recalculer_echeanciers`` rewrites every schedule after a change of the SMIC or RSA tables, all or nothing.
The amounts come only from the pure rules of ``regles.echeancier``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from droit.vocabulaire import STATUTS_HORS_CHIFFRES, StatutConvention
from referentiels.models import Bareme
from referentiels.regles import ParametreInconnu, TableDatee
from referentiels.services import table_datee
from referentiels.violation import Violation

from ..models import Convention, MotifRupture
from ..models_echeancier import MoisAide
from ..models_evenements import TypeAvenant
from ..regles.base import RegleConventionError
from ..regles.duree import duree_en_mois_decimale
from ..regles.echeancier import DonneesEcheancier, MoisEcheancier, Suspension, Termes, echeancier, totaux
from . import totaux_mensuels
from .echeancier_lots import CHAMPS_DU_CALCUL, ecrire_engagements, ecrire_mois, ligne_mois

TAILLE_LOT = 5000


@dataclass(frozen=True)
class Tables:
    smic: TableDatee
    rsa: TableDatee


def charger_tables() -> Tables:
    """The SMIC and RSA scales (two queries), for one schedule or a million."""
    try:
        return Tables(table_datee(Bareme.Code.SMIC_HORAIRE), table_datee(Bareme.Code.RSA_FORFAITAIRE))
    except ParametreInconnu as exc:
        raise RegleConventionError([Violation("date_debut", str(exc))]) from exc


def termes_de(convention: Convention, avenants: Iterable) -> tuple[Termes, ...]:
    """The terms of the aid from the start, then from each modification avenant's effective date. Each avenant
    keeps the terms before it (``ancien_taux``, ``ancienne_duree_hebdo_prise_en_charge``); the first one's are
    the initial terms (without them, an avenant entered before they were kept, the current terms)."""
    modifications = sorted(
        (a for a in avenants if a.type == TypeAvenant.MODIFICATION), key=lambda a: (a.date_effet, a.numero)
    )
    taux, heures = convention.taux, convention.duree_hebdo_prise_en_charge
    if modifications:
        premier = modifications[0]
        if premier.ancien_taux is not None:
            taux = premier.ancien_taux
        if premier.ancienne_duree_hebdo_prise_en_charge is not None:
            heures = premier.ancienne_duree_hebdo_prise_en_charge
    termes = [Termes(convention.date_debut, Decimal(taux), Decimal(heures))]
    for avenant in modifications:
        taux = avenant.taux if avenant.taux is not None else taux
        heures = avenant.duree_hebdo_prise_en_charge if avenant.duree_hebdo_prise_en_charge is not None else heures
        termes.append(Termes(max(avenant.date_effet, convention.date_debut), Decimal(taux), Decimal(heures)))
    return tuple(termes)


def donnees_de(convention: Convention, avenants: Iterable = (), suspensions: Iterable = ()) -> DonneesEcheancier | None:
    """The inputs of the schedule, or None while the convention lacks its dates, rate or hours (a draft)."""
    c = convention
    if None in (c.date_debut, c.date_fin, c.taux, c.duree_hebdo_prise_en_charge) or c.date_fin < c.date_debut:
        return None
    return DonneesEcheancier(
        debut=c.date_debut,
        fin=c.date_fin,
        termes=termes_de(c, avenants),
        financement=c.financement,
        taux_arrete=c.taux_arrete,
        suspensions=tuple(Suspension(s.date_debut, s.date_fin, s.sans_aide) for s in suspensions),
        date_rupture=c.date_rupture if c.statut == StatutConvention.ROMPUE else None,
        rupture_hors_cas_legaux=c.statut == StatutConvention.ROMPUE and c.motif_rupture == MotifRupture.HORS_CAS_LEGAUX,
    )


def calculer(
    convention: Convention, tables: Tables | None = None, avenants: Iterable = (), suspensions: Iterable = ()
) -> list[MoisEcheancier]:
    donnees = donnees_de(convention, avenants, suspensions)
    if donnees is None:
        return []
    tables = tables or charger_tables()
    try:
        return echeancier(donnees, tables.smic, tables.rsa)
    except ParametreInconnu as exc:
        raise RegleConventionError([Violation("date_debut", str(exc))]) from exc


def appliquer_engagement(convention: Convention, lignes: Sequence[MoisEcheancier]) -> None:
    """The planned length and what the convention commits: the sum of its schedule (a rupture or a suspension
    without pay reduces it from its date)."""
    if convention.date_debut and convention.date_fin:
        convention.duree_mois = duree_en_mois_decimale(convention.date_debut, convention.date_fin)
    if lignes:
        t = totaux(lignes)
        convention.engagement_etat, convention.engagement_conseil_general = t.part_etat, t.part_conseil_general


def _lignes_modeles(convention: Convention, lignes: Iterable[MoisEcheancier]) -> list[MoisAide]:
    return [
        MoisAide(
            convention_id=convention.pk,
            region_id=convention.region_id,
            departement_id=convention.departement_id,
            mois=ligne.mois,
            jours_aides=ligne.jours_aides,
            jours_du_mois=ligne.jours_du_mois,
            taux=ligne.taux,
            heures=ligne.heures,
            smic_horaire=ligne.smic_horaire,
            aide=ligne.aide,
            part_etat=ligne.part_etat,
            part_conseil_general=ligne.part_conseil_general,
            a_rembourser=ligne.a_rembourser,
            fractionne=ligne.fractionne,
            provisoire=ligne.provisoire,
        )
        for ligne in lignes
    ]


@transaction.atomic
def ecrire_echeancier(convention: Convention, tables: Tables | None = None) -> list[MoisEcheancier]:
    """Rewrite the schedule of one (saved) concluded convention and its commitment, from its avenants and
    suspensions in the database. A draft, or an annulled convention, has none."""
    if convention.statut in STATUTS_HORS_CHIFFRES:  # a draft or an annulled convention: no aid
        totaux_mensuels.retirer([convention.pk])
        MoisAide.objects.filter(convention_id=convention.pk).delete()
        return []
    lignes = calculer(convention, tables, convention.avenants.all(), convention.suspensions.all())
    appliquer_engagement(convention, lignes)
    Convention.objects.filter(pk=convention.pk).update(
        duree_mois=convention.duree_mois,
        engagement_etat=convention.engagement_etat,
        engagement_conseil_general=convention.engagement_conseil_general,
    )
    totaux_mensuels.retirer([convention.pk])
    MoisAide.objects.filter(convention_id=convention.pk).delete()
    MoisAide.objects.bulk_create(_lignes_modeles(convention, lignes))
    totaux_mensuels.ajouter([convention.pk])
    return lignes


def conventions_a_echeancier():
    return Convention.objects.exclude(statut__in=STATUTS_HORS_CHIFFRES).filter(
        date_debut__isnull=False, date_fin__isnull=False, taux__isnull=False
    )


@transaction.atomic
def recalculer_echeanciers(conventions=None, taille_lot: int = TAILLE_LOT, progression=None) -> int:
    """Every schedule rewritten (after a change of the SMIC or RSA tables), all or nothing: one error and
    nothing is changed. ``progression(fait, total)`` is called after each batch. Returns the number rewritten."""
    tables = charger_tables()
    national = conventions is None  # every schedule: the monthly totals are rebuilt once at the end
    qs = (conventions if conventions is not None else conventions_a_echeancier()).order_by("pk")
    total = qs.count()
    fait = 0
    dernier = 0
    while True:
        lot = list(
            qs.filter(pk__gt=dernier).only(*CHAMPS_DU_CALCUL).prefetch_related("avenants", "suspensions")[:taille_lot]
        )
        if not lot:
            break
        nouvelles: list[tuple] = []
        for convention in lot:
            lignes = calculer(convention, tables, convention.avenants.all(), convention.suspensions.all())
            appliquer_engagement(convention, lignes)
            nouvelles.extend(ligne_mois(convention, ligne) for ligne in lignes)
        ids = [c.pk for c in lot]
        if not national:
            totaux_mensuels.retirer(ids)
        MoisAide.objects.filter(convention_id__in=ids).delete()
        ecrire_mois(nouvelles)  # COPY on PostgreSQL
        if not national:
            totaux_mensuels.ajouter(ids)
        ecrire_engagements(lot)
        dernier = ids[-1]
        fait += len(lot)
        if progression:
            progression(fait, total)
    if national:
        totaux_mensuels.reconstruire()
    return fait
