from django.db import migrations


def charger_referentiels(apps, schema_editor):
    from referentiels.chargement import charger

    charger(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("referentiels", "0001_initial")]

    operations = [migrations.RunPython(charger_referentiels, migrations.RunPython.noop)]
