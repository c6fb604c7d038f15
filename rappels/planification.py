"""The periodic tasks (django-celery-beat rows), installed by ``manage.py installer_planification`` and by a data
migration so that a fresh database has them. Idempotent: rows are created or updated by name."""

import json

from cui_portal import horloge

CONSERVATION_JOURS = 7  # a finished work's file is kept a week (exports may hold personal data): not a legal delay

FUSEAU = "Europe/Paris"

# name: (task, crontab (minute, hour, day_of_month, month_of_year, day_of_week), description)
PLANIFICATION = {
    "Rappels quotidiens": (
        "rappels.envoyer_rappels",
        ("0", "7", "*", "*", "*"),
        "Crée et envoie les rappels dus (bilans d'étape, arrêtés, CAOM, paiements, conventions).",
    ),
    "Reprise des travaux différés en attente": (
        "rappels.reprendre_travaux",
        ("*/5", "*", "*", "*", "*"),
        "Exécute les exports dont le message a été perdu (courtier indisponible) ou le worker arrêté.",
    ),
    "Reprise des imports de taux interrompus": (
        "arretes.reprendre_imports",
        ("*/5", "*", "*", "*", "*"),
        "Reprend la vérification des fichiers de taux restée « en cours » (courtier indisponible, worker arrêté), "
        "puis l'abandonne avec une explication au bout d'une heure.",
    ),
    "Reprise des relevés de l'ASP interrompus": (
        "paiements.reprendre_releves",
        ("*/5", "*", "*", "*", "*"),
        "Reprend la vérification des relevés de paiements de l'ASP restée « en cours » (courtier indisponible, "
        "worker arrêté), puis l'abandonne avec une explication au bout d'une heure.",
    ),
    "Anonymisation des salariés (R5134-23)": (
        "rappels.anonymiser_salaries",
        ("0", "3", "1", "*", "*"),
        "Anonymise les salariés dont la dernière convention a pris fin depuis plus d'un an.",
    ),
    "Indicateurs des tableaux de bord": (
        "tableau_de_bord.rafraichir_indicateurs",
        ("15", "*", "*", "*", "*"),
        "Recalcule les agrégats des tableaux de bord (en plus du recalcul après chaque convention conclue).",
    ),
    "Statuts des conventions": (
        "conventions.mettre_a_jour_statuts",
        ("0", "1", "*", "*", "*"),
        "Fait passer les conventions en cours à leur date de début, terminées après leur date de fin.",
    ),
    "Nettoyage des fichiers des travaux différés": (
        "rappels.nettoyer_travaux",
        ("30", "3", "*", "*", "*"),
        f"Supprime les fichiers d'export terminés depuis plus de {CONSERVATION_JOURS} jours.",
    ),
}


def installer(apps=None) -> list[str]:
    """Create or update every scheduled task; return the names of those created or changed. A task an
    administrator disabled stays disabled."""
    if apps is None:
        from django.apps import apps
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    changes = []
    for nom, (tache, (minute, heure, jour, mois, jour_semaine), description) in PLANIFICATION.items():
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute,
            hour=heure,
            day_of_month=jour,
            month_of_year=mois,
            day_of_week=jour_semaine,
            timezone=FUSEAU,
        )
        attendu = {
            "task": tache,
            "crontab_id": crontab.pk,
            "interval_id": None,
            "description": description,
            "args": json.dumps([]),
            "kwargs": json.dumps({}),
        }
        periodique = PeriodicTask.objects.filter(name=nom).first()
        if periodique is None:
            PeriodicTask.objects.create(name=nom, enabled=True, **attendu)
            changes.append(nom)
        elif any(getattr(periodique, champ) != valeur for champ, valeur in attendu.items()):
            for champ, valeur in attendu.items():
                setattr(periodique, champ, valeur)
            periodique.save()
            changes.append(nom)
    if changes:
        # Tell a running beat to reload (the historical models of a migration do not send this signal).
        PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": horloge.instant_reel()})
    return changes
