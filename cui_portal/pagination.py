"""One page size for every list (``settings.TAILLE_PAGE``); the links keep the other query parameters
URL-encoded (``{% parametres_sans_page %}`` in ``templates/includes/pagination.html``).

A page of a queryset is read in two steps: the identifiers of its rows first (sorted and cut by the database on
its indexes, without the joined tables nor the wide columns), then those rows alone with everything the list
selects. Page 200 of a national list of a million conventions then costs what page 1 costs, where one query
sorting every joined row to skip 4 975 of them grew with the table."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


def _en_deux_temps(objets) -> bool:
    return isinstance(objets, QuerySet) and not objets.query.distinct and not objets.query.combinator


class PaginateurParIdentifiants(Paginator):
    def page(self, number) -> Page:
        page = super().page(number)
        # (A queryset already read is cut in memory: nothing to gain.)
        if _en_deux_temps(self.object_list) and isinstance(page.object_list, QuerySet):
            identifiants = list(page.object_list.values_list("pk", flat=True))
            rang = {pk: i for i, pk in enumerate(identifiants)}
            lignes = self.object_list.order_by().filter(pk__in=identifiants) if identifiants else []
            page.object_list = sorted(lignes, key=lambda objet: rang[objet.pk])
        return page


def paginer(request, objets) -> Page:
    """The requested page (``?page=``) of ``objets``, ordered beforehand; a wrong number gives the last or first."""
    return PaginateurParIdentifiants(objets, settings.TAILLE_PAGE).get_page(request.GET.get("page"))
