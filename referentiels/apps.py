from django.apps import AppConfig


class ReferentielsConfig(AppConfig):
    name = "referentiels"
    verbose_name = "Référentiels"

    def ready(self):
        from .exports import enregistrer_types

        enregistrer_types()
