from django.apps import AppConfig


class ConventionsConfig(AppConfig):
    name = "conventions"
    verbose_name = "Conventions individuelles"

    def ready(self):
        # conventions sits above caom: it lends caom its consumption figures through caom's registry.
        from caom.consommation import enregistrer_fournisseur, enregistrer_fournisseur_hors_caom

        from . import selectors

        enregistrer_fournisseur(selectors.lignes_consommation_caom)
        enregistrer_fournisseur_hors_caom(selectors.rsa_hors_caom)
