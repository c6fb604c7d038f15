"""Remplit la base avec des données nationales réalistes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cui_bench \\
        .venv/bin/python -m benchmarks.generer --conventions 100000 --graine 2010 [--vider]

Sans ``DATABASE_URL``, la base est ``cui_bench`` sur le PostgreSQL local (créée si absente, migrée). ``--vider``
efface d'abord tout sauf les données de référence (refusé hors des bases ``cui_bench`` / ``test_cui_bench``).
"""

import argparse
import os
import sys

URL_PAR_DEFAUT = "postgres://postgres@127.0.0.1:5432/cui_bench"


def preparer_django(url: str | None = None, settings: str = "benchmarks.settings_bench"):
    """Point Django at the benchmark database (created if missing) and set it up."""
    os.environ["DATABASE_URL"] = url or os.environ.get("DATABASE_URL") or URL_PAR_DEFAUT
    os.environ.setdefault("SECRET_KEY", "mesures-seulement-cle-secrete-0123456789-abcdefghijklmnopqrstuvwxyz")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    creer_base_si_absente(os.environ["DATABASE_URL"])
    import django

    django.setup()


def creer_base_si_absente(url: str):
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg2
    from psycopg2 import sql

    serveur, nom = url.rsplit("/", 1)
    connexion = psycopg2.connect(f"{serveur}/postgres")
    connexion.autocommit = True
    try:
        with connexion.cursor() as curseur:
            curseur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nom])
            if curseur.fetchone() is None:
                curseur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nom)))
                print(f"Base « {nom} » créée.")
    finally:
        connexion.close()


def migrer():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Génère des données nationales réalistes (conventions 2010–2014).")
    parser.add_argument("--conventions", type=int, required=True, help="nombre de conventions (10 000 à 2 000 000)")
    parser.add_argument("--graine", "--seed", type=int, default=2010, help="graine du tirage (reproductible)")
    parser.add_argument("--vider", action="store_true", help="efface d'abord les données (bases de mesure seulement)")
    args = parser.parse_args(argv)
    preparer_django()
    migrer()
    from benchmarks.generateur import generer, vider
    from benchmarks.modeles import enregistrer_rapport

    if args.vider:
        vider()
    enregistrer_rapport(generer(args.conventions, args.graine, sys.stdout), args.graine)


if __name__ == "__main__":
    main()
