"""The public simulator page and its htmx fragment; both validate through ``SimulationForm``."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_htmx.http import replace_url

from referentiels.services import etendue_des_baremes

from .forms import SimulationForm

# What the page shows before anyone types: a 2010 CAE at the usual rate and hours of the programming circular.
VALEURS_INITIALES = {"contrat": "CAE", "taux": "90", "heures": "26", "date": "01/01/2010"}


def _formulaire(request) -> SimulationForm:
    saisi = any(nom in request.GET for nom in SimulationForm.base_fields)
    formulaire = SimulationForm(request.GET if saisi else VALEURS_INITIALES)
    formulaire.is_valid()
    return formulaire


def _contexte(formulaire: SimulationForm) -> dict:
    return {
        "form": formulaire,
        "simulation": formulaire.simulation,
        "title": "Simulateur de l'aide à l'employeur",
        "etendues": etendue_des_baremes(),
    }


@require_GET
def simulateur(request):
    """The page; without JavaScript the form is submitted here with GET and the page comes back with the result."""
    return render(request, "simulateur/simulateur.html", _contexte(_formulaire(request)))


@require_GET
def resultat(request):
    """The fragment htmx swaps in: the form (each error at its field) and, out of band, the result."""
    reponse = render(request, "simulateur/_fragment.html", _contexte(_formulaire(request)))
    if request.htmx:
        # The address bar shows the page's own URL, so that a result can be shared or reloaded.
        replace_url(reponse, f"{reverse('simulateur:simulateur')}?{request.GET.urlencode()}")
    return reponse
