from django.apps import AppConfig


class ConventionsConfig(AppConfig):
    name = "conventions"
    verbose_name = "Conventions individuelles"

    def ready(self):
        # conventions sits above caom: it lends caom its consumption figures through caom's registry.
        from caom.consommation import enregistrer_fournisseur, enregistrer_fournisseur_hors_caom
        from cui_portal import travaux

        from . import selectors, signaux  # noqa: F401  (signaux: the schedules follow the legal scales)
        from .views.export import TYPE_TRAVAIL, export_differe

        enregistrer_fournisseur(selectors.lignes_consommation_caom)
        enregistrer_fournisseur_hors_caom(selectors.rsa_hors_caom)
        # The deferred export of the list (its « Préparer l'export » button), run by the rappels app.
        travaux.enregistrer(TYPE_TRAVAIL, export_differe, libelle="Export des conventions (XLSX)")
