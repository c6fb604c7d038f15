"""The product's URLconf plus two floors that exist only in the benchmark processes (never in the product's menu
nor in its URLconf):

- ``/bench/nu/``: a bare Django view (no template, no session read);
- ``/bench/squelette/``: the *skeleton page*, what every page of the portal pays anyway: the project's
  ``base.html`` (header, navigation, footer) rendered with the session, the user, their habilitation and every
  context processor, and an empty ``contenu`` block (no domain query).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

SQUELETTE = '{% extends "base.html" %}{% block contenu %}{% endblock %}'


def vue_nue(request):
    return HttpResponse(b"ok", content_type="text/plain")


@login_required
def squelette(request):
    gabarit = engines["django"].from_string(SQUELETTE)
    return HttpResponse(gabarit.render({"title": "Squelette"}, request))


urlpatterns = [
    path("bench/nu/", vue_nue),
    path("bench/squelette/", squelette),
    path("", include("cui_portal.urls")),
]

handler403 = "cui_portal.views.erreur_403"
handler404 = "cui_portal.views.erreur_404"
handler500 = "cui_portal.views.erreur_500"
