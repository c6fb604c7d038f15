from django.apps import AppConfig


class ArretesConfig(AppConfig):
    name = "arretes"
    verbose_name = "Arrêtés régionaux"

    def ready(self):
        from cui_portal import badges

        from .models import StatutArrete
        from .regles import EtatPublication

        badges.enregistrer(
            StatutArrete,
            {StatutArrete.PUBLIE: badges.SUCCES, StatutArrete.ABROGE: badges.ATTENTION},
            defaut=badges.INFO,
        )
        badges.enregistrer(
            EtatPublication,
            {
                EtatPublication.PUBLIE: badges.SUCCES,
                EtatPublication.EN_RETARD: badges.ERREUR,
                EtatPublication.BROUILLON: badges.INFO,
            },
            defaut=badges.NOUVEAU,
            libelles=EtatPublication.LIBELLES,
        )
