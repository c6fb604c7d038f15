from django.apps import AppConfig


class CaomConfig(AppConfig):
    name = "caom"
    verbose_name = "Conventions annuelles d'objectifs et de moyens"

    def ready(self):
        from cui_portal import badges

        from .consommation import LIBELLES_NIVEAUX, Niveau
        from .models import StatutCaom

        badges.enregistrer(
            StatutCaom,
            {
                StatutCaom.SIGNEE: badges.SUCCES,
                StatutCaom.ECHEC: badges.ERREUR,
                StatutCaom.NON_ENGAGEE: badges.ATTENTION,
            },
            defaut=badges.INFO,
        )
        badges.enregistrer(
            Niveau,
            {Niveau.DEPASSE: badges.ERREUR, Niveau.ALERTE_90: badges.ATTENTION},
            defaut=badges.SUCCES,
            libelles=LIBELLES_NIVEAUX,
            nom="NiveauConsommation",
        )
