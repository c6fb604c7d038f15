"""Conventions individuelles: who lists and enters them, and who may change, suspend, break, correct or annul
one, on the clock's day.

A convention is duck-typed: anything with ``prescripteur_id`` and ``statut`` (``conventions.models.Convention``).
"""

from droit.nombres import limite_declaration
from droit.vocabulaire import Role, StatutConvention

from .. import horloge
from .perimetre import Perimetre

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


# --- correct and undo ---


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
