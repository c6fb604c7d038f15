"""Install the new periodic tasks (monthly anonymisation) on databases created before them."""

from django.db import migrations


def installer(apps, schema_editor):
    from rappels.planification import installer as installer_planification

    installer_planification(apps)


class Migration(migrations.Migration):
    dependencies = [("rappels", "0002_planification")]

    operations = [migrations.RunPython(installer, migrations.RunPython.noop)]
