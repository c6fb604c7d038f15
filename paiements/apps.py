from django.apps import AppConfig


class PaiementsConfig(AppConfig):
    name = "paiements"
    verbose_name = "Paiements de l'aide et budgets"

    def ready(self):
        # paiements sits above caom and conventions: it lends the CAOM its budget figures and the conventions
        # page what the ASP paid, through their registries.
        from caom.consommation import enregistrer_fournisseur_budget
        from conventions.paiements import enregistrer_fournisseur
        from cui_portal import badges

        from . import rapprochement
        from .budgets import budgets_par_caom
        from .models import StatutReleve
        from .regles import CONVENTION_ANNULEE, IMPAYE, SIGNAUX, TROP_PERCU

        enregistrer_fournisseur_budget(budgets_par_caom)
        enregistrer_fournisseur(rapprochement.paiements_par_mois)
        badges.enregistrer(
            StatutReleve,
            {
                StatutReleve.APPLIQUE: badges.SUCCES,
                StatutReleve.VALIDE: badges.INFO,
                StatutReleve.INVALIDE: badges.ERREUR,
                StatutReleve.ECHEC: badges.ERREUR,
            },
            defaut=badges.NOUVEAU,
        )
        badges.enregistrer(
            SIGNAUX,
            {TROP_PERCU: badges.ATTENTION, IMPAYE: badges.ERREUR, CONVENTION_ANNULEE: badges.ERREUR},
            libelles=SIGNAUX,
            nom="SignalPaiement",
        )
