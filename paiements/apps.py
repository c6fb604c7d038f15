from django.apps import AppConfig


class PaiementsConfig(AppConfig):
    name = "paiements"
    verbose_name = "Paiements de l'aide et budgets"

    def ready(self):
        # paiements sits above conventions: it lends the conventions page what the ASP paid, through the
        # registry of conventions.paiements.
        from conventions.paiements import enregistrer_fournisseur
        from cui_portal import badges

        from . import rapprochement
        from .models import StatutReleve
        from .regles import IMPAYE, SIGNAUX, TROP_PERCU

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
            {TROP_PERCU: badges.ATTENTION, IMPAYE: badges.ERREUR},
            libelles=SIGNAUX,
            nom="SignalPaiement",
        )
