"""The scope a person acts in (``Perimetre``), drawn from their habilitation; querysets scoped to it
(``restreindre``); and the questions on their role that every other module of the package asks."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from droit.vocabulaire import Role

ROLES_REGIONAUX = frozenset({Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL})
ROLES_NATIONAUX = frozenset({Role.NATIONAL, Role.ADMINISTRATEUR})


@dataclass(frozen=True)
class Perimetre:
    role: str | None
    organisation_id: int | None = None
    departement_id: int | None = None
    region_id: int | None = None

    @property
    def national(self) -> bool:
        return self.role in ROLES_NATIONAUX

    @property
    def regional(self) -> bool:
        return self.role in ROLES_REGIONAUX

    @property
    def administrateur(self) -> bool:
        return self.role == Role.ADMINISTRATEUR


AUCUN = Perimetre(role=None)


def perimetre_de(request) -> Perimetre:
    """The scope of the person making the request (cached on the request)."""
    if hasattr(request, "_perimetre"):
        return request._perimetre
    perimetre = AUCUN
    user = getattr(request, "user", None)
    habilitation = getattr(request, "habilitation", None)
    if habilitation is not None:
        organisation = habilitation.organisation
        perimetre = Perimetre(
            role=habilitation.role,
            organisation_id=organisation.pk,
            departement_id=organisation.departement_id,
            region_id=organisation.region_id,
        )
    elif user is not None and user.is_authenticated and user.is_superuser:
        perimetre = Perimetre(role=Role.ADMINISTRATEUR)
    request._perimetre = perimetre
    return perimetre


def restreindre(
    queryset: QuerySet,
    perimetre: Perimetre,
    *,
    organisation: str | None = None,
    departement: str | None = None,
    region: str | None = None,
    cofinancement: Q | None = None,
    applicables: Q | None = None,
) -> QuerySet:
    """Scope ``queryset`` to ``perimetre``; the keyword arguments are the model's lookups for the id of
    each level (e.g. ``organisation="prescripteur_id"``, ``region="departement__region_id"``).

    National roles see everything; a regional role sees its region; a conseil général its département;
    any other role its organisation. A level the model has no path for shows nothing.

    ``cofinancement``: a conseil général sees only the rows of its département that match it (the conventions
    it co-finances or funds alone), plus the rows of its own organisation (through ``organisation``).
    ``applicables``: prescripteurs and conseils généraux, who apply these texts without preparing them, see
    the rows of their organisation's region that match it (published arrêtés), and nothing else.
    """
    if perimetre.national:
        return queryset
    if perimetre.regional and region and perimetre.region_id:
        return queryset.filter(**{region: perimetre.region_id})
    if applicables is not None and perimetre.role in (Role.PRESCRIPTEUR, Role.CONSEIL_GENERAL):
        if not (region and perimetre.region_id):
            return queryset.none()
        return queryset.filter(applicables, **{region: perimetre.region_id})
    if perimetre.role == Role.CONSEIL_GENERAL and cofinancement is not None:
        condition = Q(pk__in=[])
        if departement and perimetre.departement_id:
            condition |= Q(cofinancement, **{departement: perimetre.departement_id})
        if organisation and perimetre.organisation_id:
            condition |= Q(**{organisation: perimetre.organisation_id})
        return queryset.filter(condition)
    if perimetre.role == Role.CONSEIL_GENERAL and departement and perimetre.departement_id:
        return queryset.filter(**{departement: perimetre.departement_id})
    if perimetre.role == Role.PRESCRIPTEUR and organisation and perimetre.organisation_id:
        return queryset.filter(**{organisation: perimetre.organisation_id})
    return queryset.none()


# --- roles ---------------------------------------------------------------------------------------


def a_une_habilitation(perimetre: Perimetre) -> bool:
    """Acting under some habilitation (every private page asks at least this)."""
    return perimetre.role is not None


def a_l_un_des_roles(perimetre: Perimetre, roles: Iterable) -> bool:
    """Acting under one of ``roles``; administrators always pass."""
    return perimetre.administrateur or perimetre.role in roles


def est_prescripteur(perimetre: Perimetre) -> bool:
    return perimetre.role == Role.PRESCRIPTEUR


def est_conseil_general(perimetre: Perimetre) -> bool:
    return perimetre.role == Role.CONSEIL_GENERAL


def est_administrateur(perimetre: Perimetre) -> bool:
    return perimetre.administrateur
