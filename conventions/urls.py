from django.urls import path

from . import views_aide, views_detail, views_liste, views_pdf, views_recapitulatif, views_saisie

app_name = "conventions"

urlpatterns = [
    path("", views_liste.liste, name="liste"),
    path("export/", views_liste.export, name="export"),
    path("nouvelle/", views_saisie.nouvelle, name="nouvelle"),
    path("nouvelle/salarie/", views_saisie.nouvelle_salarie, name="nouvelle_salarie"),
    path("<int:pk>/", views_detail.detail, name="detail"),
    path("<int:pk>/saisie/<int:numero>/", views_saisie.etape, name="etape"),
    path("<int:pk>/saisie/aide/", views_aide.calcul_aide, name="calcul_aide"),
    path("<int:pk>/recapitulatif/", views_recapitulatif.recapitulatif, name="recapitulatif"),
    path("<int:pk>/avenant/<slug:type_avenant>/", views_detail.avenant, name="avenant"),
    path("<int:pk>/suspension/", views_detail.suspension, name="suspension"),
    path("<int:pk>/reprise/", views_detail.reprise, name="reprise"),
    path("<int:pk>/rupture/", views_detail.rupture, name="rupture"),
    path("<int:pk>/cerfa.pdf", views_pdf.cerfa, name="cerfa"),
    path("<int:pk>/attestation.pdf", views_pdf.attestation, name="attestation"),
]
