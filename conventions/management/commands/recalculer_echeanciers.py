"""``manage.py recalculer_echeanciers``: every schedule of the aid rewritten from the rules and the SMIC and RSA
tables in the database, all or nothing (after a revaluation is loaded, or after the migration of old data)."""

from django.core.management.base import BaseCommand, CommandError

from conventions.regles.base import RegleConventionError
from conventions.services.echeancier import recalculer_echeanciers


class Command(BaseCommand):
    help = "Recalcule l'échéancier de l'aide de toutes les conventions conclues (tout ou rien)."

    def handle(self, *args, **options):
        def progression(fait, total):
            self.stdout.write(f"{fait} / {total} conventions recalculées")

        try:
            n = recalculer_echeanciers(progression=progression)
        except RegleConventionError as exc:
            raise CommandError(f"Rien n'a été modifié : {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Échéanciers recalculés : {n} conventions."))
