from django.urls import path

from . import views

app_name = "rappels"

urlpatterns = [
    path("", views.notifications, name="notifications"),
    path("<int:pk>/ouvrir/", views.ouvrir, name="ouvrir"),
    path("tout-marquer-lu/", views.tout_marquer_lu, name="tout_marquer_lu"),
    path("travaux/lancer/<slug:type_travail>/", views.lancer_travail, name="lancer_travail"),
    path("travaux/<uuid:pk>/", views.travail, name="travail"),
    path("travaux/<uuid:pk>/etat/", views.travail_etat, name="travail_etat"),
    path("travaux/<uuid:pk>/telecharger/", views.telecharger, name="telecharger"),
]
