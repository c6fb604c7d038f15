from django.urls import path

from .views import avis, detail, etapes, liste, rapport, saisie

app_name = "caom"

urlpatterns = [
    path("", liste.liste, name="liste"),
    path("nouvelle/", saisie.creer, name="creer"),
    path("rapport/", rapport.rapport, name="rapport"),
    path("rapport/tableur/", rapport.rapport_xlsx, name="rapport_xlsx"),
    path("rapport/pdf/", rapport.rapport_pdf, name="rapport_pdf"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/modifier/", saisie.modifier, name="modifier"),
    path("<int:pk>/supprimer/", saisie.supprimer, name="supprimer"),
    path("<int:pk>/etape/", etapes.etape, name="etape"),
    path("<int:pk>/etapes/<int:etape>/commenter/", avis.commenter_etape, name="commenter_etape"),
    path("<int:pk>/approuver/", avis.approuver_texte, name="approuver_texte"),
    path("<int:pk>/avenant/", saisie.avenant, name="avenant"),
    path("<int:pk>/mode-exceptionnel/", detail.mode_exceptionnel, name="mode_exceptionnel"),
    path("<int:pk>/pdf/", detail.pdf, name="pdf"),
]
