from django.core.management.base import BaseCommand

from referentiels.chargement import charger


class Command(BaseCommand):
    help = "Charge (ou met à jour) les données de référence : régions, départements, correspondants MIP, barèmes."

    def handle(self, *args, **options):
        compte = charger()
        for libelle, nombre in compte.items():
            self.stdout.write(f"{libelle} : {nombre}")
