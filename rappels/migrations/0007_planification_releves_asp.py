"""Install the periodic recovery of interrupted ASP statements on databases created before it."""

from django.db import migrations


def installer(apps, schema_editor):
    from rappels.planification import installer as installer_planification

    installer_planification(apps)


class Migration(migrations.Migration):
    dependencies = [("rappels", "0006_planification_imports_taux")]

    operations = [migrations.RunPython(installer, migrations.RunPython.noop)]
