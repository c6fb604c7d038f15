from django.urls import path

from . import views, views_import

app_name = "arretes"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouveau/", views.creer, name="creer"),
    path("suivi/", views.suivi, name="suivi"),
    path("suivi/export/", views.suivi_export, name="suivi_export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.modifier, name="modifier"),
    path("<int:pk>/publier/", views.publier_vue, name="publier"),
    path("<int:pk>/remplacer/", views.remplacer, name="remplacer"),
    path("<int:pk>/supprimer/", views.supprimer, name="supprimer"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/import/", views_import.importer, name="importer"),
    path("<int:pk>/import/modele/", views_import.modele, name="import_modele"),
    path("<int:pk>/import/<int:import_pk>/", views_import.apercu, name="import_apercu"),
    path("<int:pk>/import/<int:import_pk>/progression/", views_import.progression, name="import_progression"),
    path("<int:pk>/import/<int:import_pk>/confirmer/", views_import.confirmer, name="import_confirmer"),
    path("<int:pk>/import/<int:import_pk>/relancer/", views_import.relancer, name="import_relancer"),
]
