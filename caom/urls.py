from django.urls import path

from . import views, views_avis, views_rapport

app_name = "caom"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouvelle/", views.creer, name="creer"),
    path("rapport/", views_rapport.rapport, name="rapport"),
    path("rapport/tableur/", views_rapport.rapport_xlsx, name="rapport_xlsx"),
    path("rapport/pdf/", views_rapport.rapport_pdf, name="rapport_pdf"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.modifier, name="modifier"),
    path("<int:pk>/supprimer/", views.supprimer, name="supprimer"),
    path("<int:pk>/etape/", views.etape, name="etape"),
    path("<int:pk>/etapes/<int:etape>/commenter/", views_avis.commenter_etape, name="commenter_etape"),
    path("<int:pk>/approuver/", views_avis.approuver_texte, name="approuver_texte"),
    path("<int:pk>/avenant/", views.avenant, name="avenant"),
    path("<int:pk>/mode-exceptionnel/", views.mode_exceptionnel, name="mode_exceptionnel"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
]
