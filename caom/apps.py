from django.apps import AppConfig


class CaomConfig(AppConfig):
    name = "caom"
    verbose_name = "Conventions annuelles d'objectifs et de moyens"
