from django.core.management.base import BaseCommand

from rappels.planification import PLANIFICATION, installer


class Command(BaseCommand):
    help = "Installe ou met à jour les tâches planifiées (django-celery-beat, fuseau Europe/Paris)."

    def handle(self, *args, **options):
        changes = installer()
        for nom in PLANIFICATION:
            etat = "installée ou mise à jour" if nom in changes else "déjà à jour"
            self.stdout.write(f"{nom} : {etat}")
