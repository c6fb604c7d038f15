from django.urls import path

from . import api
from .views import bilans as views_bilans
from .views import budgets as views_budgets
from .views import comites as views_comites
from .views import operateurs as views_operateurs
from .views import tableaux as views_tableaux

app_name = "tableau_de_bord"

urlpatterns = [
    path("", views_tableaux.accueil, name="accueil"),
    path("national/", views_tableaux.national, name="national"),
    path("national/export.xlsx", views_tableaux.national_xlsx, name="national_xlsx"),
    path("national/export.pdf", views_tableaux.national_pdf, name="national_pdf"),
    path("region/<int:pk>/", views_tableaux.regional, name="regional"),
    path("budgets/", views_budgets.budgets, name="budgets"),
    path("budgets/export.xlsx", views_budgets.budgets_xlsx, name="budgets_xlsx"),
    path("budgets/region/<int:pk>/", views_budgets.budget_region, name="budget_region"),
    path("budgets/objectifs/", views_budgets.objectifs, name="objectifs"),
    path("bilans/", views_bilans.liste, name="bilans"),
    path("bilans/quinzaine/", views_bilans.bilan_de_la_quinzaine, name="bilan_quinzaine"),
    path("bilans/<int:pk>/", views_bilans.detail, name="bilan"),
    path("bilans/<int:pk>/modifier/", views_bilans.modifier, name="modifier_bilan"),
    path("bilans/<int:pk>/transmettre/", views_bilans.transmettre, name="transmettre_bilan"),
    path("bilans/<int:pk>/lecture/", views_bilans.lire, name="lire_bilan"),
    path("bilans/<int:pk>/rouvrir/", views_bilans.rouvrir, name="rouvrir_bilan"),
    path("bilans/<int:pk>/rectifier/", views_bilans.rectifier, name="rectifier_bilan"),
    path("bilans/<int:pk>/bilan.pdf", views_bilans.pdf, name="bilan_pdf"),
    path("operateurs/", views_operateurs.operateurs, name="operateurs"),
    path("operateurs/region/<int:pk>/", views_operateurs.operateurs_region, name="operateurs_region"),
    path("operateurs/region/<int:pk>/ajouter/", views_operateurs.ajouter_operateur, name="ajouter_operateur"),
    path(
        "operateurs/region/<int:pk>/conventions/ajouter/",
        views_operateurs.ajouter_convention,
        name="ajouter_convention",
    ),
    path("operateurs/region/<int:pk>/credits/ajouter/", views_operateurs.ajouter_credit, name="ajouter_credit"),
    path("operateurs/region/<int:pk>/paiements/ajouter/", views_operateurs.ajouter_demande, name="ajouter_demande"),
    path(
        "operateurs/region/<int:pk>/paiements/<int:demande>/",
        views_operateurs.modifier_demande,
        name="modifier_demande",
    ),
    path("comites/", views_operateurs.comites, name="comites"),
    path("comites/region/<int:pk>/ajouter/", views_operateurs.ajouter_comite, name="ajouter_comite"),
    path("comites/<int:pk>/modifier/", views_comites.modifier_comite, name="modifier_comite"),
    path("comites/<int:pk>/annuler/", views_comites.annuler_comite, name="annuler_comite"),
    path("api/indicateurs", api.IndicateursView.as_view(), name="api_indicateurs"),
]
