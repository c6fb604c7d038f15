from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .accueil import cartes_pour
from .permissions import est_administrateur, perimetre_de


@login_required
def accueil(request):
    perimetre = perimetre_de(request)
    return render(
        request,
        "accueil.html",
        {
            "cartes": cartes_pour(request, perimetre),
            "title": "Accueil",
            "administrateur": est_administrateur(perimetre),
        },
    )


def erreur_403(request, exception=None):
    return render(request, "erreurs/403.html", {"title": "Accès refusé"}, status=403)


def erreur_404(request, exception=None):
    return render(request, "erreurs/404.html", {"title": "Page introuvable"}, status=404)


def erreur_500(request):
    return render(request, "erreurs/500.html", {"title": "Erreur du serveur"}, status=500)
