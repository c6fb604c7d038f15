from django.urls import path  # noqa: F401

app_name = "tableau_de_bord"

urlpatterns: list = []
