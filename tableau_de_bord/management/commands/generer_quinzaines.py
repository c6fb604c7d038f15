from django.core.management.base import BaseCommand

from tableau_de_bord.services import generer_quinzaines


class Command(BaseCommand):
    help = "Crée le calendrier national des bilans d'étape (24 quinzaines) des années données."

    def add_arguments(self, parser):
        parser.add_argument("annees", nargs="+", type=int)

    def handle(self, *args, annees, **options):
        for annee in annees:
            crees = generer_quinzaines(annee)
            self.stdout.write(f"{annee} : {crees} quinzaine(s) créée(s).")
