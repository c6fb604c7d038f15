"""One page size for every list (``settings.TAILLE_PAGE``); the links keep the other query parameters
URL-encoded (``{% parametres_sans_page %}`` in ``templates/includes/pagination.html``)."""

from django.conf import settings
from django.core.paginator import Page, Paginator


def paginer(request, objets) -> Page:
    """The requested page (``?page=``) of ``objets``, ordered beforehand; a wrong number gives the last or first."""
    return Paginator(objets, settings.TAILLE_PAGE).get_page(request.GET.get("page"))
