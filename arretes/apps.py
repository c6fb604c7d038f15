from django.apps import AppConfig


class ArretesConfig(AppConfig):
    name = "arretes"
    verbose_name = "Arrêtés régionaux"
