from datetime import date
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comptes.demo import COMPTES, DATE_DEMONSTRATION, MOT_DE_PASSE_DEMO, creer_organisations_et_comptes
from cui_portal import horloge
from referentiels.chargement import charger


class Command(BaseCommand):
    help = "Crée les organisations, comptes et données de démonstration (refusé quand DEBUG est désactivé)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Autorise le chargement même si DEBUG est désactivé.")
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            default=DATE_DEMONSTRATION,
            help="Jour où la démonstration se place (AAAA-MM-JJ, 2010-11-30 par défaut).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Les données de démonstration ne se chargent que lorsque DEBUG est activé.")
        with horloge.au(options["date"]), transaction.atomic():
            charger()
            demo = creer_organisations_et_comptes()
            # Each app adds its own demo data, in the order of the dependencies.
            for app in settings.PROJECT_APPS:
                if app == "comptes":
                    continue
                try:
                    module = import_module(f"{app}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app}.demo":
                        raise
                    continue
                module.peupler(demo, self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Comptes de démonstration (mot de passe « {MOT_DE_PASSE_DEMO} ») :"))
        for email, _prenom, _nom, habilitations in COMPTES:
            roles = ", ".join(role.label for _, role in habilitations)
            self.stdout.write(f"  {email:34} {roles}")
