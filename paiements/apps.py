from django.apps import AppConfig


class PaiementsConfig(AppConfig):
    name = "paiements"
    verbose_name = "Paiements de l'aide et budgets"

    def ready(self):
        from caom.consommation import enregistrer_fournisseur_budget

        from .budgets import budgets_par_caom

        enregistrer_fournisseur_budget(budgets_par_caom)
