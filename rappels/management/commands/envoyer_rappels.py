from datetime import date

from django.core.management.base import BaseCommand, CommandError

from rappels.services import executer


class Command(BaseCommand):
    help = "Crée et envoie une fois les rappels dus (ce que fait la tâche planifiée chaque matin)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Lister ce qui serait envoyé, sans rien écrire.")
        parser.add_argument("--date", help="Jour à considérer (AAAA-MM-JJ), aujourd'hui par défaut.")

    def handle(self, *args, dry_run=False, date=None, **options):
        jour = None
        if date:
            try:
                jour = _date(date)
            except ValueError as exc:
                raise CommandError(f"Date invalide « {date} » : format attendu AAAA-MM-JJ.") from exc
        resultat = executer(jour, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Simulation au {resultat.aujourdhui:%d/%m/%Y} : {len(resultat.a_envoyer)} rappel(s).")
            for d in resultat.a_envoyer:
                self.stdout.write(
                    f"{d.destinataire.email}\t{d.type}\t{d.occurrence.niveau}\t{d.cle}\t"
                    f"échéance {d.occurrence.echeance:%d/%m/%Y}\t{d.libelle}"
                )
            return
        self.stdout.write(
            f"Rappels du {resultat.aujourdhui:%d/%m/%Y} : {resultat.crees} créé(s), {resultat.envoyes} envoyé(s), "
            f"{resultat.echecs} échec(s)."
        )


def _date(texte: str):
    return date.fromisoformat(texte)
