from django.urls import path

from .views import aide, annulation, detail, echeancier, liste, pdf, recapitulatif, saisie

app_name = "conventions"

urlpatterns = [
    path("", liste.liste, name="liste"),
    path("export/", liste.export, name="export"),
    path("nouvelle/", saisie.nouvelle, name="nouvelle"),
    path("nouvelle/salarie/", saisie.nouvelle_salarie, name="nouvelle_salarie"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/saisie/<int:numero>/", saisie.etape, name="etape"),
    path("<int:pk>/saisie/aide/", aide.calcul_aide, name="calcul_aide"),
    path("<int:pk>/recapitulatif/", recapitulatif.recapitulatif, name="recapitulatif"),
    path("<int:pk>/avenant/<slug:type_avenant>/", detail.avenant, name="avenant"),
    path("<int:pk>/suspension/", detail.suspension, name="suspension"),
    path("<int:pk>/reprise/", detail.reprise, name="reprise"),
    path("<int:pk>/rupture/", detail.rupture, name="rupture"),
    path("<int:pk>/supprimer/", annulation.supprimer, name="supprimer"),
    path("<int:pk>/annuler/", annulation.annuler, name="annuler"),
    path("<int:pk>/rupture/corriger/", annulation.corriger_rupture, name="corriger_rupture"),
    path("<int:pk>/rupture/retirer/", annulation.retirer_rupture, name="retirer_rupture"),
    path("<int:pk>/suspension/corriger/", annulation.corriger_suspension, name="corriger_suspension"),
    path("<int:pk>/suspension/retirer/", annulation.retirer_suspension, name="retirer_suspension"),
    path("<int:pk>/cerfa.pdf", pdf.cerfa, name="cerfa"),
    path("<int:pk>/echeancier.xlsx", echeancier.paiements_xlsx, name="paiements_xlsx"),
    path("<int:pk>/attestation.pdf", pdf.attestation, name="attestation"),
]
