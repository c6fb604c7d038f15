"""Writing many schedules at once (``echeancier.recalculer_echeanciers``): on PostgreSQL the monthly rows go in
by ``COPY`` straight from the computed values (no model instance, no per-field preparation) and the commitments
by one ``UPDATE … FROM`` a temporary table filled by ``COPY``; elsewhere (SQLite) by ``bulk_create`` and
``bulk_update``. Same rows, same values either way: only the way they travel to the database differs."""

import csv
import io
from collections.abc import Iterable, Sequence

from django.db import connection

from ..models import Convention
from ..models_echeancier import MoisAide
from ..regles.echeancier import MoisEcheancier

# The columns of a monthly row, in the order of ``ligne_mois``.
COLONNES_MOIS = (
    "convention_id",
    "region_id",
    "departement_id",
    "mois",
    "jours_aides",
    "jours_du_mois",
    "taux",
    "heures",
    "smic_horaire",
    "aide",
    "part_etat",
    "part_conseil_general",
    "a_rembourser",
    "fractionne",
    "provisoire",
)
CHAMPS_ENGAGEMENT = ("duree_mois", "engagement_etat", "engagement_conseil_general")
# What the computation of a schedule reads from a convention (``donnees_de``, ``appliquer_engagement``).
CHAMPS_DU_CALCUL = (
    "pk",
    "statut",
    "region_id",
    "departement_id",
    "date_debut",
    "date_fin",
    "taux",
    "taux_arrete",
    "duree_hebdo_prise_en_charge",
    "financement",
    "date_rupture",
    "motif_rupture",
    *CHAMPS_ENGAGEMENT,
)


def ligne_mois(convention: Convention, m: MoisEcheancier) -> tuple:
    return (
        convention.pk,
        convention.region_id,
        convention.departement_id,
        m.mois,
        m.jours_aides,
        m.jours_du_mois,
        m.taux,
        m.heures,
        m.smic_horaire,
        m.aide,
        m.part_etat,
        m.part_conseil_general,
        m.a_rembourser,
        m.fractionne,
        m.provisoire,
    )


def _par_copy() -> bool:
    return connection.vendor == "postgresql" and hasattr(connection.connection, "cursor")


def _copier(curseur, table: str, colonnes: Sequence[str], lignes: Iterable[tuple]) -> None:
    texte = io.StringIO()
    csv.writer(texte, lineterminator="\n").writerows(lignes)  # None is written empty: NULL in CSV format
    texte.seek(0)
    qn = connection.ops.quote_name
    curseur.cursor.copy_expert(
        f"COPY {qn(table)} ({', '.join(qn(c) for c in colonnes)}) FROM STDIN WITH (FORMAT csv)", texte
    )


def ecrire_lignes(modele, colonnes: Sequence[str], lignes: list[tuple]) -> None:
    """Insert rows of ``modele`` given as tuples in the order of ``colonnes`` (``COPY`` on PostgreSQL)."""
    if not lignes:
        return
    if _par_copy():
        with connection.cursor() as curseur:
            _copier(curseur, modele._meta.db_table, colonnes, lignes)
        return
    modele.objects.bulk_create([modele(**dict(zip(colonnes, ligne, strict=True))) for ligne in lignes], batch_size=1000)


def ecrire_mois(lignes: list[tuple]) -> None:
    """Insert monthly rows given as ``ligne_mois`` tuples."""
    if not lignes:
        return
    if _par_copy():
        with connection.cursor() as curseur:
            _copier(curseur, MoisAide._meta.db_table, COLONNES_MOIS, lignes)
        return
    MoisAide.objects.bulk_create([MoisAide(**dict(zip(COLONNES_MOIS, ligne, strict=True))) for ligne in lignes])


def ecrire_engagements(conventions: Sequence[Convention]) -> None:
    """Store each convention's planned length and commitment (only the rows whose values changed)."""
    if not conventions:
        return
    if not _par_copy():
        Convention.objects.bulk_update(conventions, list(CHAMPS_ENGAGEMENT), batch_size=1000)
        return
    table = Convention._meta.db_table
    with connection.cursor() as curseur:
        curseur.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS echeancier_engagements "
            "(id bigint PRIMARY KEY, duree_mois numeric, engagement_etat numeric, engagement_conseil_general numeric)"
            " ON COMMIT DROP"
        )
        curseur.execute("TRUNCATE echeancier_engagements")
        _copier(
            curseur,
            "echeancier_engagements",
            ("id", *CHAMPS_ENGAGEMENT),
            ((c.pk, *(getattr(c, champ) for champ in CHAMPS_ENGAGEMENT)) for c in conventions),
        )
        affectations = ", ".join(f"{champ} = e.{champ}" for champ in CHAMPS_ENGAGEMENT)
        differents = " OR ".join(f"c.{champ} IS DISTINCT FROM e.{champ}" for champ in CHAMPS_ENGAGEMENT)
        # Only the module's constant names in this statement: no value from outside.
        curseur.execute(
            f"UPDATE {connection.ops.quote_name(table)} c SET {affectations} FROM echeancier_engagements e "  # noqa: S608
            f"WHERE c.id = e.id AND ({differents})"
        )
