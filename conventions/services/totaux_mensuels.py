"""The monthly totals of the schedules (``TotalMensuel``), kept in the transaction that writes the months: the
months of some conventions are taken off (``retirer``) before they are deleted and added (``ajouter``) once the
new ones are written; the national swap of a recalculation rebuilds them whole (``reconstruire``). Each change is
one ``INSERT … SELECT … ON CONFLICT DO UPDATE`` that adds the grouped sums of the conventions' months to the existing
rows (the same statement on PostgreSQL and SQLite), so two writers of one département add up, never overwrite."""

from django.db import connection
from django.db.models import Count, Sum

from ..models_echeancier import MoisAide, TotalMensuel, expressions_du

SOMMES = ("part_etat", "part_conseil_general", "du_etat", "du_conseil_general", "a_rembourser")
CLE = ("departement_id", "region_id", "mois")


def sommes(mois_qs, expressions=None):
    """The months grouped by département and month: ``(departement_id, region_id, mois, *SOMMES, lignes)``."""
    return (
        mois_qs.annotate(**(expressions or expressions_du()))
        .values(*CLE)
        .annotate(**{f"s_{champ}": Sum(champ) for champ in SOMMES}, s_lignes=Count("pk"))
        .order_by()
        .values_list(*CLE, *(f"s_{champ}" for champ in SOMMES), "s_lignes")
    )


def _ajuster(mois_qs, signe: int) -> None:
    """One statement: the months' sums, times ``signe``, added to the totals (a missing row is inserted)."""
    qn = connection.ops.quote_name
    table = qn(TotalMensuel._meta.db_table)
    colonnes = [*CLE, *SOMMES, "lignes"]
    selection, parametres = sommes(mois_qs).query.sql_with_params()
    valeurs = ", ".join([*(f"g.{qn(c)}" for c in CLE), *(f"{signe} * g.{qn('s_' + c)}" for c in [*SOMMES, "lignes"])])
    cumuls = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in [*SOMMES, "lignes"])
    with connection.cursor() as curseur:
        curseur.execute(
            # Rows locked in one order (département, month): two writers of overlapping months wait, never deadlock.
            f"INSERT INTO {table} ({', '.join(colonnes)}) SELECT {valeurs} FROM ({selection}) g "  # noqa: S608
            f"WHERE true ORDER BY g.departement_id, g.mois ON CONFLICT (departement_id, mois) DO UPDATE SET {cumuls}",
            parametres,
        )


def retirer(convention_ids) -> None:
    """Before the months of these conventions are deleted: their sums taken off the totals."""
    _ajuster(MoisAide.objects.filter(convention_id__in=list(convention_ids)), -1)


def ajouter(convention_ids) -> None:
    """Once the months of these conventions are written: their sums added to the totals."""
    _ajuster(MoisAide.objects.filter(convention_id__in=list(convention_ids)), +1)


def reconstruire(mois_modele=MoisAide, total_modele=TotalMensuel, expressions=None) -> int:
    """Every total rewritten from the months (the national swap, the benchmark's generator, the migration that
    creates the table); returns the number of rows."""
    total_modele.objects.all().delete()
    lignes = [
        total_modele(**dict(zip([*CLE, *SOMMES, "lignes"], groupe, strict=True)))
        for groupe in sommes(mois_modele.objects.all(), expressions)
    ]
    total_modele.objects.bulk_create(lignes, batch_size=2000)
    return len(lignes)
