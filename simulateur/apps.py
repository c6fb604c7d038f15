from django.apps import AppConfig


class SimulateurConfig(AppConfig):
    name = "simulateur"
    verbose_name = "Simulateur d'aide"
