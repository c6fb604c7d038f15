from django.urls import path

from .views import releves, signalements

app_name = "paiements"

urlpatterns = [
    path("", signalements.signalements, name="signalements"),
    path("signalements.xlsx", signalements.signalements_xlsx, name="signalements_xlsx"),
    path("releves/", releves.liste, name="releves"),
    path("releves/importer/", releves.importer, name="importer"),
    path("releves/modele/", releves.modele, name="modele"),
    path("releves/<int:pk>/", releves.apercu, name="apercu"),
    path("releves/<int:pk>/progression/", releves.progression, name="progression"),
    path("releves/<int:pk>/confirmer/", releves.confirmer, name="confirmer"),
    path("releves/<int:pk>/relancer/", releves.relancer, name="relancer"),
]
