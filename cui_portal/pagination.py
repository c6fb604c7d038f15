"""One page size for every list (``settings.TAILLE_PAGE``); the links keep the other query parameters
URL-encoded (``{% parametres_sans_page %}`` in ``templates/includes/pagination.html``).

A page of a queryset is read in two steps: the identifiers of its rows first (sorted and cut by the database on
its indexes, without the joined tables nor the wide columns), then those rows alone with everything the list
selects. Page 200 of a national list of a million conventions then costs what page 1 costs, where one query
sorting every joined row to skip 4 975 of them grew with the table."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.utils.functional import cached_property


def _en_deux_temps(objets) -> bool:
    """A queryset of model instances (not of ``values()`` dictionaries), neither distinct nor combined."""
    return (
        isinstance(objets, QuerySet)
        and objets._iterable_class is ModelIterable
        and not objets.query.distinct
        and not objets.query.combinator
    )


def _lignes(objets: QuerySet, identifiants: list) -> QuerySet:
    """The rows of these identifiers with what ``objets`` selects (joined tables, columns, prefetches), without
    its conditions again: they chose the identifiers already, and a search's would cost the page a second time.
    A queryset with annotations keeps its conditions (an annotation may read the joins they made)."""
    if objets.query.annotations or objets.query.extra:
        return objets.order_by().filter(pk__in=identifiants)
    lignes = objets.model._default_manager.filter(pk__in=identifiants)
    lignes.query.select_related = objets.query.select_related
    lignes.query.deferred_loading = objets.query.deferred_loading
    return lignes.prefetch_related(*objets._prefetch_related_lookups)


class PaginateurParIdentifiants(Paginator):
    """With a ``plafond``, the rows are counted up to it and one more (« plus de 10 000 conventions »): counting
    every convention of the nation costs more than the whole page, and nobody pages through a million."""

    def __init__(self, *args, plafond: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plafond = plafond

    @cached_property
    def count(self) -> int:
        if self.plafond is None or not isinstance(self.object_list, QuerySet):
            return super().count
        return self.object_list.order_by()[: self.plafond + 1].count()

    @property
    def plafonne(self) -> bool:
        """More rows than the ceiling: the page says « plus de … » and the last page is the ceiling's."""
        return self.plafond is not None and self.count > self.plafond

    def page(self, number) -> Page:
        page = super().page(number)
        # (A queryset already read is cut in memory: nothing to gain.)
        if _en_deux_temps(self.object_list) and isinstance(page.object_list, QuerySet):
            identifiants = list(page.object_list.values_list("pk", flat=True))
            rang = {pk: i for i, pk in enumerate(identifiants)}
            lignes = _lignes(self.object_list, identifiants) if identifiants else []
            page.object_list = sorted(lignes, key=lambda objet: rang[objet.pk])
        return page


def paginer(request, objets, plafond: int | None = None) -> Page:
    """The requested page (``?page=``) of ``objets``, ordered beforehand; a wrong number gives the last or first.
    ``plafond``: count no further (``settings.PLAFOND_DU_DECOMPTE`` for the lists that reach a million rows)."""
    paginateur = PaginateurParIdentifiants(objets, settings.TAILLE_PAGE, plafond=plafond)
    return paginateur.get_page(request.GET.get("page"))
