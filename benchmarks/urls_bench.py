"""The product's URLconf plus ``/bench/nu/``: a bare Django view, the floor of the load test."""

from django.http import HttpResponse
from django.urls import include, path


def vue_nue(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/nu/", vue_nue),
    path("", include("cui_portal.urls")),
]

handler403 = "cui_portal.views.erreur_403"
handler404 = "cui_portal.views.erreur_404"
handler500 = "cui_portal.views.erreur_500"
