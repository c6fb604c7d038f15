from datetime import date

from django.core.management.base import BaseCommand, CommandError

from cui_portal import horloge
from rappels.anonymisation import a_anonymiser, anonymiser


class Command(BaseCommand):
    help = (
        "Anonymise les salariés dont la dernière convention a pris fin depuis plus d'un an (article R5134-23 du "
        "code du travail). Sans --execute, rien n'est modifié : la commande liste ce qu'elle ferait."
    )

    def add_arguments(self, parser):
        parser.add_argument("--execute", action="store_true", help="Anonymiser pour de bon (irréversible).")
        parser.add_argument("--dry-run", action="store_true", help="Lister sans rien modifier (par défaut).")
        parser.add_argument("--date", help="Jour à considérer (AAAA-MM-JJ), aujourd'hui par défaut.")

    def handle(self, *args, execute=False, dry_run=False, date=None, **options):
        if execute and dry_run:
            raise CommandError("--execute et --dry-run s'excluent : choisissez l'un ou l'autre.")
        jour = None
        if date:
            try:
                jour = _date(date)
            except ValueError as exc:
                raise CommandError(f"Date invalide « {date} » : format attendu AAAA-MM-JJ.") from exc
        ids = anonymiser(jour, dry_run=not execute)
        if not execute:
            # Identifiers and last end dates only: never a name or a NIR in a terminal or a log.
            self.stdout.write(f"Simulation : {len(ids)} salarié(s) seraient anonymisé(s).")
            for s in a_anonymiser(jour or _aujourdhui()).filter(pk__in=ids).values("pk", "derniere_fin"):
                self.stdout.write(
                    f"salarié n° {s['pk']}\tdernière convention finie (terme, rupture ou annulation) le "
                    f"{s['derniere_fin']:%d/%m/%Y}"
                )
            self.stdout.write("Rien n'a été modifié. Relancez avec --execute pour anonymiser.")
            return
        self.stdout.write(f"{len(ids)} salarié(s) anonymisé(s).")


def _date(texte: str):
    return date.fromisoformat(texte)


def _aujourdhui():

    return horloge.aujourdhui()
