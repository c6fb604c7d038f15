from datetime import date

from django.core.management.base import BaseCommand, CommandError

from rappels.anonymisation import a_anonymiser, anonymiser


class Command(BaseCommand):
    help = (
        "Anonymise les salariés dont la dernière convention a pris fin depuis plus d'un an (article R5134-23 du "
        "code du travail). Commencez par --dry-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien modifier.")
        parser.add_argument("--date", help="Jour à considérer (AAAA-MM-JJ), aujourd'hui par défaut.")

    def handle(self, *args, dry_run=False, date=None, **options):
        jour = None
        if date:
            try:
                jour = _date(date)
            except ValueError as exc:
                raise CommandError(f"Date invalide « {date} » : format attendu AAAA-MM-JJ.") from exc
        ids = anonymiser(jour, dry_run=dry_run)
        if dry_run:
            # Identifiers and last end dates only: never a name or a NIR in a terminal or a log.
            self.stdout.write(f"Simulation : {len(ids)} salarié(s) seraient anonymisé(s).")
            for s in a_anonymiser(jour or _aujourdhui()).filter(pk__in=ids).values("pk", "derniere_fin"):
                self.stdout.write(f"salarié n° {s['pk']}\tdernière convention terminée le {s['derniere_fin']:%d/%m/%Y}")
            return
        self.stdout.write(f"{len(ids)} salarié(s) anonymisé(s).")


def _date(texte: str):
    return date.fromisoformat(texte)


def _aujourdhui():
    from django.utils import timezone

    return timezone.localdate()
