"""Template databases of the largest sizes: generating a million conventions takes a quarter of an hour, copying
the database the same generator filled with the same seed takes a minute (``CREATE DATABASE … TEMPLATE``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cui_bench_1000000_g2010 \\
        .venv/bin/python -m benchmarks.generer --conventions 1000000 --graine 2010
    make bench BENCH_ARGS=--modeles          # the 1M size copies cui_bench_1000000_g2010 when it exists

The copy holds the generator's data and its own generation report (``benchmarks_rapport_generation``, written by
``benchmarks.generer``), so that the results say how it was made. Measures that write (recalculation, import,
avenant) change the copy, never the template.
"""

import json
import time

from django.db import connection

TABLE_RAPPORT = "benchmarks_rapport_generation"


def nom_du_modele(n: int, graine: int) -> str:
    return f"cui_bench_{n}_g{graine}"


def _administration():
    import psycopg2

    serveur = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=serveur["USER"],
        host=serveur["HOST"] or None,
        port=serveur["PORT"] or None,
        password=serveur["PASSWORD"] or None,
    )
    admin.autocommit = True
    return admin


def existe(nom: str) -> bool:
    admin = _administration()
    try:
        with admin.cursor() as curseur:
            curseur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nom])
            return curseur.fetchone() is not None
    finally:
        admin.close()


def copier(modele: str) -> float:
    """Replace the benchmark database by a copy of ``modele``; returns the copy's duration (s)."""
    from psycopg2 import sql

    cible = str(connection.settings_dict["NAME"])
    if not cible.startswith("cui_bench") or cible == modele:
        raise RuntimeError(f"Refus de remplacer la base « {cible} » par une copie.")
    connection.close()
    debut = time.perf_counter()
    admin = _administration()
    try:
        with admin.cursor() as curseur:
            curseur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname IN (%s, %s) AND pid <> pg_backend_pid()",
                [cible, modele],
            )
            curseur.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(cible)))
            curseur.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(cible), sql.Identifier(modele))
            )
    finally:
        admin.close()
    return time.perf_counter() - debut


def enregistrer_rapport(rapport, graine: int):
    """Keep the generation report in the database it describes (read back by ``rapport_enregistre``)."""
    donnees = {
        "graine": graine,
        "duree_s": round(rapport.duree_totale, 1),
        "etapes_s": rapport.durees,
        "lignes": rapport.lignes,
        "moyennes": rapport.moyennes,
    }
    with connection.cursor() as curseur:
        curseur.execute(f"CREATE TABLE IF NOT EXISTS {TABLE_RAPPORT} (donnees jsonb NOT NULL)")
        curseur.execute(f"DELETE FROM {TABLE_RAPPORT}")
        curseur.execute(f"INSERT INTO {TABLE_RAPPORT} (donnees) VALUES (%s)", [json.dumps(donnees, default=str)])


def rapport_enregistre() -> dict | None:
    with connection.cursor() as curseur:
        if TABLE_RAPPORT not in connection.introspection.table_names(curseur):
            return None
        curseur.execute(f"SELECT donnees FROM {TABLE_RAPPORT}")
        ligne = curseur.fetchone()
    if ligne is None:
        return None
    return ligne[0] if isinstance(ligne[0], dict) else json.loads(ligne[0])
