"""The « Aide » pages: one per role (what to do, deadlines, the law's limits with their sources), public like the
simulator (help hides nothing), and the browsable documentation of the API, served from the project's own static
files (Swagger UI from ``drf-spectacular-sidecar``), under the portal's CSP: no inline script, no inline style."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView

from droit.vocabulaire import Role

PAGES = {role.value: role.label for role in Role}


def _role_de(request) -> str | None:
    """The role the person acts under (its help page is shown first), None when anonymous or without one."""
    habilitation = getattr(request, "habilitation", None)
    return habilitation.role if habilitation is not None else None


def aide(request, role: str | None = None):
    role = role or _role_de(request)
    if role is not None and role not in PAGES:
        raise Http404("Aucune page d'aide pour ce rôle.")
    titre = f"Aide – {PAGES[role].lower()}" if role else "Aide"
    return render(
        request,
        "aide/aide.html",
        {
            "title": titre,
            "role": role,
            "libelle_role": PAGES.get(role, ""),
            "pages": [(cle, libelle, reverse("aide_role", args=[cle])) for cle, libelle in PAGES.items()],
            "gabarit_role": f"aide/roles/{role}.html" if role else "",
            "fil": [(reverse("aide"), "Aide")],
        },
    )


class DocumentationApi(SpectacularSwaggerSplitView):
    """Swagger UI in French page chrome; its start-up script is a separate response (``?script``), so that the
    page needs no inline script (``SpectacularSwaggerSplitView``)."""

    template_name = "api/documentation.html"
    url_name = "api-schema"
    title = "Documentation de l'API du Portail CUI"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        reponse = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:
            reponse.data["fil"] = [(reverse("aide"), "Aide")]
        return reponse
