from django.apps import AppConfig


class TableauDeBordConfig(AppConfig):
    name = "tableau_de_bord"
    verbose_name = "Tableau de bord CAE-jeunes"

    def ready(self):
        from .signaux import brancher

        brancher()
