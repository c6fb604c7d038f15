"""The monthly totals of the schedules per département (``conventions.TotalMensuel``), filled from the months."""

import django.db.models.deletion
from decimal import Decimal
from django.db import migrations, models

from conventions.models_echeancier import expressions_du
from conventions.services.totaux_mensuels import reconstruire


def remplir(apps, schema_editor):
    reconstruire(apps.get_model("conventions", "MoisAide"), apps.get_model("conventions", "TotalMensuel"), expressions_du())


class Migration(migrations.Migration):

    dependencies = [
        ('conventions', '0014_texte_de_recherche'),
        ('referentiels', '0005_types_de_noms'),
    ]

    operations = [
        migrations.CreateModel(
            name='TotalMensuel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('mois', models.DateField(verbose_name='mois')),
                ('part_etat', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=16, verbose_name="part de l'État (€)")),
                ('part_conseil_general', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=16, verbose_name='part du conseil général (€)')),
                ('du_etat', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=16, verbose_name="dû par l'État, indu déduit (€)")),
                ('du_conseil_general', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=16, verbose_name='dû par le conseil général, indu déduit (€)')),
                ('a_rembourser', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=16, verbose_name='aide à rembourser (€)')),
                ('lignes', models.IntegerField(default=0, verbose_name='mois de conventions')),
                ('departement', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='referentiels.departement', verbose_name='département')),
                ('region', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='referentiels.region', verbose_name='région')),
            ],
            options={
                'verbose_name': "total mensuel des échéanciers d'un département",
                'verbose_name_plural': 'totaux mensuels des échéanciers',
                'indexes': [models.Index(fields=['region', 'mois'], name='total_mensuel_region_mois')],
                'constraints': [models.UniqueConstraint(fields=('departement', 'mois'), name='un_total_par_departement_et_mois', violation_error_message="Un département n'a qu'un total des échéanciers par mois.")],
            },
        ),
        migrations.RunPython(remplir, migrations.RunPython.noop, elidable=False),
    ]
