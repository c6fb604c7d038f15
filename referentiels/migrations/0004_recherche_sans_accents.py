"""Search that forgives (``cui_portal/recherche.py``): on PostgreSQL, the ``unaccent`` and ``pg_trgm`` extensions,
the IMMUTABLE function ``cui_sans_accents(text)`` (``unaccent`` alone is only STABLE, so no index could use it)
and the trigram index of the organisations' names. Nothing on SQLite: the function is registered on each
connection."""

from django.db import migrations

FONCTION = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE OR REPLACE FUNCTION cui_sans_accents(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
    " AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$",
    "CREATE INDEX IF NOT EXISTS organisation_nom_sans_accents_trgm"
    " ON referentiels_organisation USING gin (cui_sans_accents(nom) gin_trgm_ops)",
]

RETOUR = [
    "DROP INDEX IF EXISTS organisation_nom_sans_accents_trgm",
    "DROP FUNCTION IF EXISTS cui_sans_accents(text)",
]


def creer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for instruction in FONCTION:
            schema_editor.execute(instruction)


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for instruction in RETOUR:
            schema_editor.execute(instruction)


class Migration(migrations.Migration):
    dependencies = [("referentiels", "0003_messages_des_contraintes")]

    operations = [migrations.RunPython(creer, supprimer, elidable=False)]
