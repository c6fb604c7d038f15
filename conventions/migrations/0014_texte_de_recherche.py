"""The conventions' search text in one column (``conventions/texte_de_recherche.py``), written for the existing
conventions, and its trigram index (PostgreSQL only; the text is already without case nor accents)."""

from django.db import migrations, models

from conventions import texte_de_recherche

INDEX = "convention_recherche_trgm"


def remplir(apps, schema_editor):
    texte_de_recherche.rafraichir(
        apps.get_model("conventions", "Convention").objects.all(),
        apps.get_model("conventions", "Employeur"),
        apps.get_model("conventions", "Salarie"),
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON conventions_convention USING gin (recherche gin_trgm_ops)"
        )


def defaire(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("conventions", "0013_fusion_recalcul_par_blocs"),
    ]

    operations = [
        migrations.AddField(
            model_name="convention",
            name="recherche",
            field=models.TextField(
                blank=True, db_default="", default="", editable=False, verbose_name="texte de recherche"
            ),
        ),
        migrations.RunPython(remplir, defaire, elidable=False),
    ]
