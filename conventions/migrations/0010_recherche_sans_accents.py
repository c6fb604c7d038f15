"""Trigram indexes (PostgreSQL only) of the searched fields of the conventions list, on the expression the search
writes: ``cui_sans_accents(champ) LIKE '%…%'`` (``cui_portal/recherche.py``)."""

from django.db import migrations

INDEX = [
    ("convention_numero_sans_accents_trgm", "conventions_convention", "numero"),
    ("employeur_raison_sociale_sans_accents_trgm", "conventions_employeur", "raison_sociale"),
    ("salarie_nom_sans_accents_trgm", "conventions_salarie", "nom"),
    ("salarie_prenom_sans_accents_trgm", "conventions_salarie", "prenom"),
]


def creer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for nom, table, colonne in INDEX:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {nom} ON {table} USING gin (cui_sans_accents({colonne}) gin_trgm_ops)"
            )


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for nom, _table, _colonne in INDEX:
            schema_editor.execute(f"DROP INDEX IF EXISTS {nom}")


class Migration(migrations.Migration):
    dependencies = [
        ("conventions", "0009_evenements_tuteur_et_motifs"),
        ("referentiels", "0004_recherche_sans_accents"),
    ]

    operations = [migrations.RunPython(creer, supprimer, elidable=False)]
