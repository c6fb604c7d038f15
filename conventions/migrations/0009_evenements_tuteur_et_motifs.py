"""Events consistent with the contract, the tutor and a second convention at the same time (issue 16, items 7
and 3).

Data: an immersion is an avenant, not a suspension: the suspensions recorded with the motive « immersion » (and
the convention's last suspension motive) become « autre » before the constraint of the motives drops it (their
history keeps what was recorded). The conventions whose tutor the portal filled with the employer (function
« Employeur ») are marked as tutored by the employer, as they were signed.
"""

from django.db import migrations, models


def immersion_vers_autre(apps, schema_editor):
    Suspension = apps.get_model("conventions", "Suspension")
    Convention = apps.get_model("conventions", "Convention")
    Suspension.objects.filter(motif="immersion").update(motif="autre")
    Convention.objects.filter(motif_suspension="immersion").update(motif_suspension="autre")


def tuteur_employeur_tel_que_signe(apps, schema_editor):
    Convention = apps.get_model("conventions", "Convention")
    Convention.objects.filter(tuteur_fonction="Employeur").update(tuteur_est_employeur=True)


class Migration(migrations.Migration):

    dependencies = [
        ('conventions', '0008_fiches_des_parties_suite'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='suspension',
            name='suspension_motif_connu',
        ),
        migrations.RunPython(immersion_vers_autre, migrations.RunPython.noop, elidable=False),
        migrations.AddField(
            model_name='convention',
            name='motif_chevauchement',
            field=models.TextField(blank=True, help_text='Quand la personne a déjà une convention en cours pendant cette période.', verbose_name="raison d'une seconde convention en même temps"),
        ),
        migrations.AddField(
            model_name='convention',
            name='tuteur_est_employeur',
            field=models.BooleanField(default=False, verbose_name="l'employeur assure lui-même le tutorat (à titre exceptionnel, autorisé par le prescripteur)"),
        ),
        migrations.AddField(
            model_name='convention',
            name='tuteur_experience_mois',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='expérience professionnelle du tuteur (mois)'),
        ),
        migrations.AddField(
            model_name='convention',
            name='tuteur_volontaire',
            field=models.BooleanField(default=False, verbose_name='le tuteur est un salarié qualifié et volontaire'),
        ),
        migrations.AddField(
            model_name='historicalconvention',
            name='motif_chevauchement',
            field=models.TextField(blank=True, help_text='Quand la personne a déjà une convention en cours pendant cette période.', verbose_name="raison d'une seconde convention en même temps"),
        ),
        migrations.AddField(
            model_name='historicalconvention',
            name='tuteur_est_employeur',
            field=models.BooleanField(default=False, verbose_name="l'employeur assure lui-même le tutorat (à titre exceptionnel, autorisé par le prescripteur)"),
        ),
        migrations.AddField(
            model_name='historicalconvention',
            name='tuteur_experience_mois',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='expérience professionnelle du tuteur (mois)'),
        ),
        migrations.AddField(
            model_name='historicalconvention',
            name='tuteur_volontaire',
            field=models.BooleanField(default=False, verbose_name='le tuteur est un salarié qualifié et volontaire'),
        ),
        migrations.AlterField(
            model_name='convention',
            name='motif_rupture',
            field=models.CharField(blank=True, choices=[('embauche', "Départ du salarié pour une embauche en CDI ou en CDD d'au moins six mois (L. 1243-2 ; L. 5134-28, L. 5134-70)"), ('formation', 'Départ du salarié pour une formation qualifiante (L. 5134-28, L. 5134-70)'), ('periode_essai', "Rupture pendant la période d'essai (L. 1242-10 pour un CDD, L. 1221-19 pour un CDI)"), ('accord_commun', "Rupture d'un commun accord (L. 1243-1 ; rupture conventionnelle d'un CDI)"), ('faute_grave', 'Faute grave du salarié (L. 1243-1)'), ('force_majeure', 'Force majeure (L. 1243-1)'), ('inaptitude', 'Inaptitude constatée par le médecin du travail (pour un CDD : L. 1243-1, à partir du 19/05/2011)'), ('demission', 'Démission (CDI)'), ('licenciement', 'Licenciement pour cause réelle et sérieuse (CDI)'), ('depart_salarie', 'Départ anticipé du salarié hors des cas prévus par la loi (CDD, L. 1243-3)'), ('hors_cas_legaux', "Rupture par l'employeur hors des cas prévus par la loi (l'aide versée est à rembourser)")], max_length=16, verbose_name='motif de rupture'),
        ),
        migrations.AlterField(
            model_name='convention',
            name='motif_suspension',
            field=models.CharField(blank=True, choices=[('maladie', 'Maladie ou accident'), ('maternite', "Congé de maternité, de paternité ou d'adoption"), ('evaluation', "Évaluation en milieu de travail ou période d'essai chez un autre employeur"), ('autre', 'Autre motif')], max_length=12, verbose_name='motif de suspension'),
        ),
        migrations.AlterField(
            model_name='convention',
            name='referent_nom',
            field=models.CharField(blank=True, help_text='Par défaut : le prescripteur (R. 5134-37, R. 5134-60).', max_length=160, verbose_name='référent'),
        ),
        migrations.AlterField(
            model_name='convention',
            name='tuteur_nom',
            field=models.CharField(blank=True, help_text="Un salarié qualifié et volontaire désigné par l'employeur.", max_length=160, verbose_name='tuteur'),
        ),
        migrations.AlterField(
            model_name='historicalconvention',
            name='motif_rupture',
            field=models.CharField(blank=True, choices=[('embauche', "Départ du salarié pour une embauche en CDI ou en CDD d'au moins six mois (L. 1243-2 ; L. 5134-28, L. 5134-70)"), ('formation', 'Départ du salarié pour une formation qualifiante (L. 5134-28, L. 5134-70)'), ('periode_essai', "Rupture pendant la période d'essai (L. 1242-10 pour un CDD, L. 1221-19 pour un CDI)"), ('accord_commun', "Rupture d'un commun accord (L. 1243-1 ; rupture conventionnelle d'un CDI)"), ('faute_grave', 'Faute grave du salarié (L. 1243-1)'), ('force_majeure', 'Force majeure (L. 1243-1)'), ('inaptitude', 'Inaptitude constatée par le médecin du travail (pour un CDD : L. 1243-1, à partir du 19/05/2011)'), ('demission', 'Démission (CDI)'), ('licenciement', 'Licenciement pour cause réelle et sérieuse (CDI)'), ('depart_salarie', 'Départ anticipé du salarié hors des cas prévus par la loi (CDD, L. 1243-3)'), ('hors_cas_legaux', "Rupture par l'employeur hors des cas prévus par la loi (l'aide versée est à rembourser)")], max_length=16, verbose_name='motif de rupture'),
        ),
        migrations.AlterField(
            model_name='historicalconvention',
            name='motif_suspension',
            field=models.CharField(blank=True, choices=[('maladie', 'Maladie ou accident'), ('maternite', "Congé de maternité, de paternité ou d'adoption"), ('evaluation', "Évaluation en milieu de travail ou période d'essai chez un autre employeur"), ('autre', 'Autre motif')], max_length=12, verbose_name='motif de suspension'),
        ),
        migrations.AlterField(
            model_name='historicalconvention',
            name='referent_nom',
            field=models.CharField(blank=True, help_text='Par défaut : le prescripteur (R. 5134-37, R. 5134-60).', max_length=160, verbose_name='référent'),
        ),
        migrations.AlterField(
            model_name='historicalconvention',
            name='tuteur_nom',
            field=models.CharField(blank=True, help_text="Un salarié qualifié et volontaire désigné par l'employeur.", max_length=160, verbose_name='tuteur'),
        ),
        migrations.AlterField(
            model_name='historicalsuspension',
            name='motif',
            field=models.CharField(choices=[('maladie', 'Maladie ou accident'), ('maternite', "Congé de maternité, de paternité ou d'adoption"), ('evaluation', "Évaluation en milieu de travail ou période d'essai chez un autre employeur"), ('autre', 'Autre motif')], max_length=12, verbose_name='motif'),
        ),
        migrations.AlterField(
            model_name='suspension',
            name='motif',
            field=models.CharField(choices=[('maladie', 'Maladie ou accident'), ('maternite', "Congé de maternité, de paternité ou d'adoption"), ('evaluation', "Évaluation en milieu de travail ou période d'essai chez un autre employeur"), ('autre', 'Autre motif')], max_length=12, verbose_name='motif'),
        ),
        migrations.AddConstraint(
            model_name='suspension',
            constraint=models.CheckConstraint(condition=models.Q(('motif__in', ['maladie', 'maternite', 'evaluation', 'autre'])), name='suspension_motif_connu', violation_error_message="Le motif d'une suspension est « Maladie ou accident », « Congé de maternité, de paternité ou d'adoption », « Évaluation en milieu de travail ou période d'essai chez un autre employeur » ou « Autre motif »."),
        ),
        migrations.RunPython(tuteur_employeur_tel_que_signe, migrations.RunPython.noop, elidable=False),
    ]
