from django.urls import path

from . import views

app_name = "simulateur"

urlpatterns = [
    path("", views.simulateur, name="simulateur"),
    path("resultat/", views.resultat, name="resultat"),
]
