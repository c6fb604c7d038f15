"""Who sees what, and who may do what: the one place every view, export, PDF and API endpoint asks.

A person acts under one habilitation (role in an organisation). From it comes a ``Perimetre``: the
organisation, département and region they may see. Querysets are scoped with ``restreindre`` (each
model's ``visibles_par`` names its own paths); actions are checked with the small ``peut_*`` functions.
A forbidden object answers 404 (``get_object_or_404`` on a scoped queryset), a forbidden action 403.

Every comparison of a role, and every use of a scope's region, département or organisation to decide what a
person sees or does, is written here; views, APIs, home cards and querysets call these functions
(``tests/test_permissions_un_lieu.py`` fails otherwise).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from droit.nombres import limite_declaration
from droit.vocabulaire import Role, StatutConvention

from . import horloge, parametres

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


# --- territory ------------------------------------------------------------------------------------


def choisit_la_region(perimetre: Perimetre) -> bool:
    """National roles choose the region of a list or report (and get the region menu); the others are held to
    their own territory."""
    return perimetre.national


def region_choisie(perimetre: Perimetre, demandee: str | None) -> int | None:
    """The region a list or report is about: for national roles the one asked for (None: France entière),
    for the others their own region (None if they have none)."""
    if choisit_la_region(perimetre):
        return parametres.identifiant(demandee)
    return perimetre.region_id


def region_suivie(perimetre: Perimetre) -> int | None:
    """The region a correspondant or gestionnaire régional works in (bilans, operators, comités, CAOM to move
    on); None for everyone else, national roles and administrators included."""
    return perimetre.region_id if perimetre.regional else None


def region_geree(perimetre: Perimetre) -> int | None:
    """The region whose arrêtés a gestionnaire régional prepares; None for everyone else (an administrator
    chooses the region)."""
    return perimetre.region_id if perimetre.role == Role.GESTIONNAIRE_REGIONAL else None


def est_administrateur(perimetre: Perimetre) -> bool:
    return perimetre.administrateur


def departement_de_l_organisation(perimetre: Perimetre) -> int | None:
    """The département of the organisation one acts for (a default for the forms, not a scope)."""
    return perimetre.departement_id


def organisation_agissante(perimetre: Perimetre) -> int | None:
    """The organisation one acts for: the prescripteur of the conventions one enters."""
    return perimetre.organisation_id


def departement_du_conseil_general(perimetre: Perimetre) -> int | None:
    """The département of a conseil général (its CAOM); None for everyone else."""
    return perimetre.departement_id if est_conseil_general(perimetre) else None


def peut_donner_avis_caom(perimetre: Perimetre, departement_id: int) -> bool:
    """The conseil général of the CAOM's département comments on its steps and approves its text."""
    return est_conseil_general(perimetre) and perimetre.departement_id == departement_id


def departements_a_choisir(departements: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The départements a list may be filtered on: all for national roles, the region's for a regional role,
    one's own département otherwise."""
    if perimetre.national:
        return departements
    if perimetre.regional and perimetre.region_id:
        return departements.filter(region_id=perimetre.region_id)
    return departements.filter(pk=perimetre.departement_id)


def regions_a_choisir(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions a list may be filtered on: all for national roles, one's own region otherwise."""
    return regions if perimetre.national else regions.filter(pk=perimetre.region_id)


# --- actions -------------------------------------------------------------------------------------


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


def peut_lire_national(perimetre: Perimetre) -> bool:
    return perimetre.national


# --- arrêtés --------------------------------------------------------------------------------------

ROLES_ARRETES_A_PREPARER = (Role.GESTIONNAIRE_REGIONAL,)


def peut_creer_arrete(perimetre: Perimetre) -> bool:
    """Prepare a new arrêté: a gestionnaire régional (for their region), or an administrator (any region)."""
    return a_l_un_des_roles(perimetre, ROLES_ARRETES_A_PREPARER)


# --- CAOM -----------------------------------------------------------------------------------------

ROLES_CAOM = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL, Role.CONSEIL_GENERAL)
ROLES_RAPPORT_CAOM = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL, Role.CONSEIL_GENERAL)


def peut_voir_caom(perimetre: Perimetre) -> bool:
    """The CAOM lists: regions, national roles and conseils généraux (prescripteurs have no CAOM page)."""
    return a_l_un_des_roles(perimetre, ROLES_CAOM)


def region_des_caom_a_signer(perimetre: Perimetre) -> int | None:
    """The region whose CAOM a gestionnaire régional moves on and signs (the home card counts them); None for
    everyone else: a correspondent follows the negotiations without changing them."""
    return perimetre.region_id if perimetre.role == Role.GESTIONNAIRE_REGIONAL else None


def peut_lire_rapport_caom(perimetre: Perimetre) -> bool:
    """The 30 November report on the CAOM negotiations: regions, the DGEFP, and a conseil général for its own
    département (its lines are scoped by ``restreindre``)."""
    return a_l_un_des_roles(perimetre, ROLES_RAPPORT_CAOM)


# --- CAE-jeunes programme (tableau de bord) ------------------------------------------------------

ROLES_PROGRAMME = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_programme(perimetre: Perimetre) -> bool:
    """The CAE-jeunes pages and API: regional correspondents and gestionnaires (their region), national users
    (every region, read-only except reading and commenting the bilans), administrators."""
    return a_l_un_des_roles(perimetre, ROLES_PROGRAMME)


def regions_du_programme(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose CAE-jeunes pages the person may read: all for national roles, their own for a
    regional role, none otherwise (another region answers 404: its existence is not discussed)."""
    return restreindre(regions, perimetre, region="pk")


# --- ASP payment statements (paiements) -----------------------------------------------------------

ROLES_PAIEMENTS = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)
ROLES_RELEVES_A_IMPORTER = (Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_paiements(perimetre: Perimetre) -> bool:
    """The statements and the flagged months of a region: its correspondents and gestionnaires, national roles
    (every region), administrators."""
    return a_l_un_des_roles(perimetre, ROLES_PAIEMENTS)


def peut_importer_des_releves(perimetre: Perimetre) -> bool:
    """Import some region's ASP statement: a gestionnaire régional (theirs), national roles (any region)."""
    return a_l_un_des_roles(perimetre, ROLES_RELEVES_A_IMPORTER)


def peut_importer_releve_asp(perimetre: Perimetre, region_id: int | None) -> bool:
    """Import (deposit, check, confirm) the ASP statement of ``region_id``: its gestionnaire, or national roles."""
    if region_id is None:
        return False
    if perimetre.national:
        return True
    return perimetre.role == Role.GESTIONNAIRE_REGIONAL and perimetre.region_id == region_id


def region_des_releves(perimetre: Perimetre) -> int | None:
    """The region a gestionnaire's statements are for; None for national roles, who choose it."""
    return None if choisit_la_region(perimetre) else region_geree(perimetre)


def regions_des_releves(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose statements a person may import: all for national roles, a gestionnaire's own."""
    if not peut_importer_des_releves(perimetre):
        return regions.none()
    return regions if perimetre.national else regions.filter(pk=perimetre.region_id)


# --- budgets of the aid (paiements, tableau de bord) -------------------------------------------------

ROLES_BUDGETS = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)


def peut_voir_budgets(perimetre: Perimetre) -> bool:
    """The money of the aid (committed, due, paid, to recover): the regions for their own, national roles for
    all, administrators."""
    return a_l_un_des_roles(perimetre, ROLES_BUDGETS)


def regions_des_budgets(regions: QuerySet, perimetre: Perimetre) -> QuerySet:
    """The regions whose budget the person may read: all for national roles, their own for a regional role."""
    return restreindre(regions, perimetre, region="pk")


def peut_fixer_objectifs(perimetre: Perimetre) -> bool:
    """Each region's annual objectives of entries and State envelope: the DGEFP (national role)."""
    return perimetre.national


# --- view helpers --------------------------------------------------------------------------------


def exiger(condition: bool) -> None:
    """Raise a 403 when an action is not allowed."""
    if not condition:
        raise PermissionDenied("Vous n'avez pas les droits nécessaires pour cette action.")


def permission_requise(condition: Callable[[Perimetre], bool]):
    """Function-view decorator: logged in (login page otherwise), and ``condition(perimetre)`` true (403)."""

    def decorateur(vue):
        @wraps(vue)
        def enveloppe(request, *args, **kwargs):
            if not request.user.is_authenticated:
                # Imported here: django.contrib.auth.views loads the user model, and the models' querysets
                # import this module while the models load.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            exiger(condition(perimetre_de(request)))
            return vue(request, *args, **kwargs)

        return enveloppe

    return decorateur


def roles_requis(*roles):
    """Function-view decorator: logged in, and acting under one of ``roles`` (administrators always pass)."""
    return permission_requise(lambda perimetre: a_l_un_des_roles(perimetre, roles))


# Function-view decorator: logged in and acting under some habilitation (403 otherwise).
perimetre_requis = permission_requise(a_une_habilitation)
arretes_a_preparer_requis = permission_requise(peut_creer_arrete)
caom_requis = permission_requise(peut_voir_caom)
rapport_caom_requis = permission_requise(peut_lire_rapport_caom)
programme_requis = permission_requise(peut_voir_programme)
paiements_requis = permission_requise(peut_voir_paiements)
releves_a_importer_requis = permission_requise(peut_importer_des_releves)


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


def _statut_du_jour(convention) -> str:
    """The status on the clock's day when the object knows it (``Convention.statut_actuel``), else the stored one."""
    return getattr(convention, "statut_actuel", None) or convention.statut


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
    return peut_modifier_convention(perimetre, convention) and _statut_du_jour(convention) == StatutConvention.BROUILLON


def peut_ajouter_avenant(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and _statut_du_jour(convention) in STATUTS_ACTIFS


def peut_suspendre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and _statut_du_jour(convention) in (
        StatutConvention.CONCLUE,
        StatutConvention.EN_COURS,
    )


def peut_reprendre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and _statut_du_jour(convention) == StatutConvention.SUSPENDUE


def peut_rompre_convention(perimetre: Perimetre, convention) -> bool:
    return peut_modifier_convention(perimetre, convention) and _statut_du_jour(convention) in STATUTS_ACTIFS


# --- correct and undo (conventions) ---


def peut_supprimer_brouillon(perimetre: Perimetre, convention) -> bool:
    """Delete a draft convention (it has no number yet): those who may complete it."""
    return peut_completer_convention(perimetre, convention)


def peut_annuler_convention(perimetre: Perimetre, convention) -> bool:
    """Annul a concluded convention entered by mistake. Decision: the prescripteur organisation that owns it
    corrects its own mistake within the 7 days it has to report an event (counted from the conclusion); after
    that, the gestionnaire régional of the convention's region (who answers for the region's figures and
    budgets), or an administrator. A correspondant régional, the DGEFP and the conseil général only read."""
    statut = _statut_du_jour(convention)
    if statut in (StatutConvention.BROUILLON, StatutConvention.ANNULEE):
        return False
    if perimetre.administrateur:
        return True
    if perimetre.role == Role.GESTIONNAIRE_REGIONAL:
        return perimetre.region_id is not None and perimetre.region_id == convention.region_id
    return (
        peut_modifier_convention(perimetre, convention)
        and convention.date_conclusion is not None
        and horloge.aujourdhui() <= limite_declaration(convention.date_conclusion)
    )


def peut_modifier_comite(perimetre: Perimetre, comite) -> bool:
    """Change or cancel a comité de pilotage: the region's correspondents and gestionnaires, until it is cancelled
    (the DGEFP reads the calendar)."""
    return peut_suivre_region(perimetre, comite.region_id) and comite.annule_le is None


def peut_rouvrir_bilan(perimetre: Perimetre, bilan) -> bool:
    """Reopen a transmitted bilan d'étape for correction: the region, until the DGEFP has read it."""
    return peut_suivre_region(perimetre, bilan.region_id) and bilan.statut == "soumis"


def peut_rectifier_bilan(perimetre: Perimetre, bilan) -> bool:
    """Add a dated rectification to a bilan the DGEFP has read: the region."""
    return peut_suivre_region(perimetre, bilan.region_id) and bilan.statut == "lu"


def peut_corriger_rupture(perimetre: Perimetre, convention) -> bool:
    """Correct a wrong rupture declaration: its owner, within the 7 days following the declaration."""
    declaree = convention.date_declaration_evenement
    return (
        peut_modifier_convention(perimetre, convention)
        and convention.statut == StatutConvention.ROMPUE
        and declaree is not None
        and horloge.aujourdhui() <= limite_declaration(declaree)
    )


def peut_retirer_rupture(perimetre: Perimetre, convention) -> bool:
    """Withdraw a rupture declared by mistake: the same decision as correcting it."""
    return peut_corriger_rupture(perimetre, convention)


def peut_corriger_suspension(perimetre: Perimetre, convention) -> bool:
    """Correct (or withdraw) the last suspension declared: its owner, the convention neither broken, ended nor
    annulled, within the 7 days following the suspension's declaration (the same decision as for a rupture)."""
    if not peut_modifier_convention(perimetre, convention) or convention.statut in (
        StatutConvention.ROMPUE,
        StatutConvention.ANNULEE,
        StatutConvention.TERMINEE,
        StatutConvention.BROUILLON,
    ):
        return False
    suspension = convention.suspensions.order_by("-date_debut").first()
    return suspension is not None and horloge.aujourdhui() <= limite_declaration(suspension.date_declaration)


def peut_retirer_suspension(perimetre: Perimetre, convention) -> bool:
    return peut_corriger_suspension(perimetre, convention)
