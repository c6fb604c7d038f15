from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from . import aide, views

admin.site.site_header = "Portail CUI – administration"
admin.site.site_title = "Portail CUI"
admin.site.index_title = "Données de référence et comptes"

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("comptes/", include("comptes.urls")),
    path("referentiels/", include("referentiels.urls")),
    path("arretes/", include("arretes.urls")),
    path("simulateur/", include("simulateur.urls")),
    path("caom/", include("caom.urls")),
    path("conventions/", include("conventions.urls")),
    path("paiements/", include("paiements.urls")),
    path("tableau-de-bord/", include("tableau_de_bord.urls")),
    path("rappels/", include("rappels.urls")),
    path("aide/", aide.aide, name="aide"),
    path("aide/<slug:role>/", aide.aide, name="aide_role"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/documentation/", aide.DocumentationApi.as_view(), name="api-documentation"),
    path("api/aides/simulation", include("simulateur.api_urls")),
    path("admin/", admin.site.urls),
]

handler403 = "cui_portal.views.erreur_403"
handler404 = "cui_portal.views.erreur_404"
handler500 = "cui_portal.views.erreur_500"
