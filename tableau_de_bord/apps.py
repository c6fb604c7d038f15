from django.apps import AppConfig


class TableauDeBordConfig(AppConfig):
    name = "tableau_de_bord"
    verbose_name = "Tableau de bord CAE-jeunes"

    def ready(self):
        from cui_portal import badges

        from .models import StatutBilan
        from .signaux import brancher

        brancher()
        badges.enregistrer(
            StatutBilan,
            {StatutBilan.BROUILLON: badges.NOUVEAU, StatutBilan.SOUMIS: badges.INFO, StatutBilan.LU: badges.SUCCES},
        )
