"""``manage.py recalculer_echeanciers``: every schedule of the aid rewritten from the rules and the SMIC and RSA
tables in the database, all or nothing (after a revaluation is loaded, or after the migration of old data).

By default in this process, in one transaction. With ``--blocs``, as a Celery group of per-block tasks shared
by every worker (``services.echeancier_blocs``): still all or nothing (the last block swaps everything in, in one
transaction; a failure leaves every schedule as it was), the run followed in the admin
(« Recalculs nationaux des échéanciers »)."""

from django.core.management.base import BaseCommand, CommandError

from conventions.regles.base import RegleConventionError
from conventions.services.echeancier import recalculer_echeanciers


class Command(BaseCommand):
    help = "Recalcule l'échéancier de l'aide de toutes les conventions conclues (tout ou rien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--blocs",
            action="store_true",
            help="partage le recalcul entre les workers Celery, par blocs de conventions (toujours tout ou rien)",
        )

    def handle(self, *args, **options):
        if options["blocs"]:
            from conventions.services.echeancier_blocs import lancer_recalcul

            recalcul = lancer_recalcul()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Recalcul n° {recalcul.pk} envoyé aux workers : {recalcul.blocs} blocs, "
                    f"{recalcul.conventions} conventions."
                )
            )
            return

        def progression(fait, total):
            self.stdout.write(f"{fait} / {total} conventions recalculées")

        try:
            n = recalculer_echeanciers(progression=progression)
        except RegleConventionError as exc:
            raise CommandError(f"Rien n'a été modifié : {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Échéanciers recalculés : {n} conventions."))
