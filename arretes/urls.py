from django.urls import path

from .views import detail, import_taux, liste, saisie, suivi

app_name = "arretes"

urlpatterns = [
    path("", liste.liste, name="liste"),
    path("nouveau/", saisie.creer, name="creer"),
    path("suivi/", suivi.suivi, name="suivi"),
    path("suivi/export/", suivi.suivi_export, name="suivi_export"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/modifier/", saisie.modifier, name="modifier"),
    path("<int:pk>/publier/", saisie.publier_vue, name="publier"),
    path("<int:pk>/remplacer/", saisie.remplacer, name="remplacer"),
    path("<int:pk>/supprimer/", saisie.supprimer, name="supprimer"),
    path("<int:pk>/pdf/", detail.pdf, name="pdf"),
    path("<int:pk>/import/", import_taux.importer, name="importer"),
    path("<int:pk>/import/modele/", import_taux.modele, name="import_modele"),
    path("<int:pk>/import/<int:import_pk>/", import_taux.apercu, name="import_apercu"),
    path("<int:pk>/import/<int:import_pk>/progression/", import_taux.progression, name="import_progression"),
    path("<int:pk>/import/<int:import_pk>/confirmer/", import_taux.confirmer, name="import_confirmer"),
    path("<int:pk>/import/<int:import_pk>/relancer/", import_taux.relancer, name="import_relancer"),
]
