from django.apps import AppConfig


class RappelsConfig(AppConfig):
    name = "rappels"
    verbose_name = "Rappels et notifications"

    def ready(self):
        from cui_portal import badges

        from .models import StatutTravail

        badges.enregistrer(
            StatutTravail,
            {
                StatutTravail.EN_ATTENTE: badges.NOUVEAU,
                StatutTravail.EN_COURS: badges.INFO,
                StatutTravail.TERMINE: badges.SUCCES,
                StatutTravail.ECHEC: badges.ERREUR,
            },
        )
