from django.apps import AppConfig


class RappelsConfig(AppConfig):
    name = "rappels"
    verbose_name = "Rappels et notifications"

    def ready(self):
        from .exports import enregistrer_types

        enregistrer_types()
