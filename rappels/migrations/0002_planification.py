"""Install the periodic tasks on a fresh database, with the same function as ``manage.py installer_planification``."""

from django.db import migrations


def installer(apps, schema_editor):
    from rappels.planification import installer as installer_planification

    installer_planification(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("rappels", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(installer, migrations.RunPython.noop)]
