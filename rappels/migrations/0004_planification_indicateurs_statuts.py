"""Install the new periodic tasks (dashboard indicators, convention statuses) on databases created before them."""

from django.db import migrations


def installer(apps, schema_editor):
    from rappels.planification import installer as installer_planification

    installer_planification(apps)


class Migration(migrations.Migration):
    dependencies = [("rappels", "0003_planification_anonymisation")]

    operations = [migrations.RunPython(installer, migrations.RunPython.noop)]
