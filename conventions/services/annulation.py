"""Correct and undo: a draft convention deleted with its dependants, a concluded convention annulled, a wrong
rupture declaration corrected within its 7 days.

A draft has no number: it is deleted with its own records of the employer and the employee and its immersion
periods (the shared identities, SIRET and NIR, stay). A concluded convention is never deleted: it is *annulled*,
with its reason, and then counts in no figure (``droit.vocabulaire.STATUTS_HORS_CHIFFRES``); its schedule of the
aid is emptied, its number stays its own. Both leave an entry with their author in the history.
"""

from datetime import date

from django.db import transaction

from cui_portal import horloge
from droit.vocabulaire import StatutConvention
from referentiels.violation import Violation

from ..models import Convention
from ..regles.base import RegleConventionError
from ..regles.statuts import (
    declaration_tardive,
    statut_a_la_date,
    verifier_annulation,
    verifier_correction_declaration,
)
from .commun import enregistrer, exiger_regles
from .echeancier import ecrire_echeancier


def _supprimer(objet, par, raison: str) -> None:
    objet._history_user = par
    objet._change_reason = raison
    objet.delete()


@transaction.atomic
def supprimer_brouillon(convention: Convention, *, par) -> None:
    """Delete a draft and its dependants (immersion periods, its employer and employee records)."""
    convention = Convention.objects.select_for_update().select_related("employeur", "salarie").get(pk=convention.pk)
    if convention.statut != StatutConvention.BROUILLON:
        raise RegleConventionError(
            [Violation("statut", "Seul un brouillon est supprimé ; une convention conclue est annulée.")]
        )
    employeur, salarie = convention.employeur, convention.salarie
    raison = "Brouillon supprimé"
    for periode in convention.periodes_immersion.all():
        _supprimer(periode, par, raison)
    _supprimer(convention, par, raison)
    _supprimer(employeur, par, raison)
    _supprimer(salarie, par, raison)


def verifier_annulation_de(convention: Convention, motif: str) -> list[Violation]:
    """The rule check of an annulment, before any confirmation is asked."""
    statut = statut_a_la_date(convention.statut, convention.date_debut, convention.date_fin, horloge.aujourdhui())
    return verifier_annulation(statut, motif)


@transaction.atomic
def annuler_convention(convention: Convention, *, motif: str, par) -> Convention:
    """Annul a concluded convention entered by mistake: reason required, kept in the history; its schedule of
    the aid is emptied so that no budget, dashboard or CAOM counts it; its number is kept (never given again)."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    motif = (motif or "").strip()
    exiger_regles(verifier_annulation_de(convention, motif))
    convention.statut = StatutConvention.ANNULEE
    convention.date_annulation = horloge.aujourdhui()
    convention.motif_annulation = motif
    enregistrer(convention, par, "Convention annulée")  # the reason is a field: the history shows it whole
    ecrire_echeancier(convention)
    return convention


@transaction.atomic
def corriger_rupture(
    convention: Convention, *, date_rupture: date, motif: str, date_declaration: date, par
) -> Convention:
    """Correct the date or the motive of a rupture declared by mistake, within the 7 days of its declaration: the
    rupture is checked again as if declared with these values (its schedule of the aid rewritten)."""
    from .evenements import _preparer_rupture

    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut != StatutConvention.ROMPUE:
        raise RegleConventionError([Violation("statut", "La convention n'est pas rompue : aucune rupture à corriger.")])
    exiger_regles(verifier_correction_declaration(convention.date_declaration_evenement, horloge.aujourdhui()))
    ancienne = convention.date_rupture
    # The suspension the rupture closed, if any, follows the corrected date.
    close = convention.suspensions.filter(date_fin=ancienne).order_by("-date_debut").first()
    convention.statut = (
        StatutConvention.SUSPENDUE if close and close.date_debut <= date_rupture else StatutConvention.CONCLUE
    )
    _preparer_rupture(convention, date_rupture, motif, date_declaration)
    convention.statut = StatutConvention.ROMPUE
    convention.date_declaration_evenement = date_declaration
    convention.declaration_tardive = declaration_tardive(date_rupture, date_declaration)
    enregistrer(convention, par, "Déclaration de rupture corrigée")
    if close is not None:
        close.date_fin = max(close.date_debut, date_rupture)
        enregistrer(close, par, "Suspension close par la rupture corrigée")
    ecrire_echeancier(convention)
    return convention
