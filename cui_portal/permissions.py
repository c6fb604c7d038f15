"""Who sees what, and who may do what: the one place every view, export, PDF and API endpoint asks.

A person acts under one habilitation (role in an organisation). From it comes a ``Perimetre``: the
organisation, département and region they may see. Querysets are scoped with ``restreindre`` (each
model's ``visibles_par`` names its own paths); actions are checked with the small ``peut_*`` functions.
A forbidden object answers 404 (``get_object_or_404`` on a scoped queryset), a forbidden action 403.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from droit.vocabulaire import Role, StatutConvention

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

    def a_le_role(self, *roles) -> bool:
        return self.role in roles


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
) -> QuerySet:
    """Scope ``queryset`` to ``perimetre``; the keyword arguments are the model's lookups for the id of
    each level (e.g. ``organisation="prescripteur_id"``, ``region="departement__region_id"``).

    National roles see everything; a regional role sees its region; a conseil général its département;
    any other role its organisation. A level the model has no path for shows nothing.
    """
    if perimetre.national:
        return queryset
    if perimetre.regional and region and perimetre.region_id:
        return queryset.filter(**{region: perimetre.region_id})
    if perimetre.role == Role.CONSEIL_GENERAL and departement and perimetre.departement_id:
        return queryset.filter(**{departement: perimetre.departement_id})
    if perimetre.role == Role.PRESCRIPTEUR and organisation and perimetre.organisation_id:
        return queryset.filter(**{organisation: perimetre.organisation_id})
    return queryset.none()


# --- actions -------------------------------------------------------------------------------------


def peut_administrer(perimetre: Perimetre) -> bool:
    return perimetre.administrateur


def peut_gerer_region(perimetre: Perimetre, region_id: int | None) -> bool:
    """Load arrêtés, sign CAOM, follow operators: the region's gestionnaire, or an administrator."""
    if perimetre.administrateur:
        return True
    return perimetre.role == Role.GESTIONNAIRE_REGIONAL and region_id is not None and perimetre.region_id == region_id


def peut_suivre_region(perimetre: Perimetre, region_id: int | None) -> bool:
    """Fill the bilans and follow the programme: the region's correspondents and gestionnaires."""
    if perimetre.administrateur:
        return True
    return perimetre.regional and region_id is not None and perimetre.region_id == region_id


def peut_prescrire(perimetre: Perimetre) -> bool:
    return perimetre.role == Role.PRESCRIPTEUR or perimetre.administrateur


def peut_lire_national(perimetre: Perimetre) -> bool:
    return perimetre.national


# --- view helpers --------------------------------------------------------------------------------


def exiger(condition: bool) -> None:
    """Raise a 403 when an action is not allowed."""
    if not condition:
        raise PermissionDenied("Vous n'avez pas les droits nécessaires pour cette action.")


def roles_requis(*roles):
    """Function-view decorator: logged in, and acting under one of ``roles`` (administrators always pass)."""

    def decorateur(vue):
        @wraps(vue)
        def enveloppe(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            perimetre = perimetre_de(request)
            exiger(perimetre.administrateur or perimetre.role in roles)
            return vue(request, *args, **kwargs)

        return enveloppe

    return decorateur


def perimetre_requis(vue):
    """Function-view decorator: logged in and acting under some habilitation (403 otherwise)."""

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        exiger(perimetre_de(request).role is not None)
        return vue(request, *args, **kwargs)

    return enveloppe


class PerimetreMixin(LoginRequiredMixin):
    """Class-based views: logged in, ``self.perimetre`` set, and ``roles`` (if given) checked (403)."""

    roles: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.perimetre = perimetre_de(request)
        if self.roles:
            exiger(self.perimetre.administrateur or self.perimetre.role in self.roles)
        return super().dispatch(request, *args, **kwargs)


# --- conventions ---
# A convention is duck-typed: anything with ``prescripteur_id`` and ``statut`` (``conventions.models.Convention``).

ROLES_LISTE_CONVENTIONS = (
    Role.PRESCRIPTEUR,
    Role.CORRESPONDANT_REGIONAL,
    Role.GESTIONNAIRE_REGIONAL,
    Role.NATIONAL,
    Role.CONSEIL_GENERAL,
)
STATUTS_ACTIFS = frozenset({StatutConvention.CONCLUE, StatutConvention.EN_COURS, StatutConvention.SUSPENDUE})


def peut_creer_convention(perimetre: Perimetre) -> bool:
    """A prescripteur (or an administrator) acting for an organisation."""
    return perimetre.organisation_id is not None and perimetre.role in (Role.PRESCRIPTEUR, Role.ADMINISTRATEUR)


def peut_modifier_convention(perimetre: Perimetre, convention) -> bool:
    """The prescripteur organisation that owns the convention, or an administrator."""
    if perimetre.administrateur:
        return True
    return perimetre.role == Role.PRESCRIPTEUR and perimetre.organisation_id == convention.prescripteur_id


def peut_voir_nir(perimetre: Perimetre, convention) -> bool:
    """The NIR unmasked: those who may change the convention, no one else."""
    return peut_modifier_convention(perimetre, convention)


def peut_completer_convention(perimetre: Perimetre, convention) -> bool:
    """Go on with the entry of a draft, and conclude it."""
    return peut_modifier_convention(perimetre, convention) and convention.statut == StatutConvention.BROUILLON


def peut_ajouter_avenant(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and convention.statut in STATUTS_ACTIFS


def peut_suspendre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and convention.statut in (
        StatutConvention.CONCLUE,
        StatutConvention.EN_COURS,
    )


def peut_reprendre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and convention.statut == StatutConvention.SUSPENDUE


def peut_rompre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and convention.statut in STATUTS_ACTIFS
