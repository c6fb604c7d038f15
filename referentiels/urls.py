from django.urls import path

from . import views

app_name = "referentiels"

urlpatterns = [
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
]
