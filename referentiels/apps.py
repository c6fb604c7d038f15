from django.apps import AppConfig


class ReferentielsConfig(AppConfig):
    name = "referentiels"
    verbose_name = "Référentiels"

    def ready(self):
        from cui_portal import recherche

        from .exports import enregistrer_types

        enregistrer_types()
        recherche.installer()  # SQLite learns cui_sans_accents (PostgreSQL has it from the migration 0004)
