"""Correct and undo, continued: a wrong suspension declaration corrected, a rupture or a suspension declared by
mistake withdrawn, within the 7 days following the declaration (``regles.statuts.verifier_correction_declaration``).

A withdrawal puts the convention back in its state before the declaration, read from its own history (the record
just before « Rupture déclarée » or « Suspension déclarée »): the suspension a rupture had closed is reopened as it
was, a suspension withdrawn is deleted (its deletion stays in its history). Each write rewrites the schedule of the
aid and leaves an entry with its author (and, for a withdrawal, its reason) in the history.
"""

from datetime import date, timedelta

from django.db import transaction

from cui_portal import horloge
from droit.vocabulaire import StatutConvention
from referentiels.violation import Violation

from ..models import Convention
from ..models_evenements import Suspension
from ..regles.base import RegleConventionError
from ..regles.convention import EVENEMENT
from ..regles.statuts import (
    declaration_tardive,
    statut_a_la_date,
    verifier_correction_declaration,
    verifier_reprise,
    verifier_suspension,
)
from .commun import enregistrer, exiger_regles
from .echeancier import ecrire_echeancier
from .verification import exiger_conforme

# The fields a declaration of rupture or suspension changes on the convention, restored by its withdrawal.
CHAMPS_DE_LA_DECLARATION = (
    "statut",
    "date_rupture",
    "motif_rupture",
    "date_suspension",
    "motif_suspension",
    "date_declaration_evenement",
    "declaration_tardive",
)
# The history's reason of a withdrawal: its label, « : », then the reason typed, within the 100 characters of
# ``history_change_reason``. The form (``forms_actions.RetraitForm``) reads this limit, and says it.
RETRAIT_RUPTURE = "Déclaration de rupture retirée"
RETRAIT_SUSPENSION = "Déclaration de suspension retirée"
LONGUEUR_RAISON = 60


def derniere_suspension(convention: Convention) -> Suspension | None:
    return convention.suspensions.order_by("-date_debut").first()


def _refus(champ: str, message: str) -> RegleConventionError:
    return RegleConventionError([Violation(champ, message)])


def _etat_avant(convention: Convention, raison: str):
    """The convention's historical record just before its last record whose reason starts with ``raison``."""
    enregistrements = list(convention.history.order_by("-history_date", "-history_id"))
    for i, enregistrement in enumerate(enregistrements):
        if (enregistrement.history_change_reason or "").startswith(raison) and i + 1 < len(enregistrements):
            return enregistrements[i + 1]
    raise _refus("statut", "L'historique de la convention ne dit pas son état avant la déclaration : rien à retirer.")


def _raison(libelle: str, raison: str) -> str:
    raison = " ".join((raison or "").split())
    if not raison:
        raise _refus("raison", "Indiquez la raison du retrait : elle reste dans l'historique.")
    return f"{libelle} : {raison[:LONGUEUR_RAISON]}"


# --- a rupture withdrawn ---------------------------------------------------------------------------


def verifier_retrait_rupture(convention: Convention) -> list[Violation]:
    if convention.statut != StatutConvention.ROMPUE:
        return [Violation("statut", "La convention n'est pas rompue : aucune rupture à retirer.")]
    return verifier_correction_declaration(convention.date_declaration_evenement, horloge.aujourdhui())


@transaction.atomic
def retirer_rupture(convention: Convention, *, raison: str, par) -> Convention:
    """Withdraw a rupture declared by mistake: the convention as it was before (the suspension the rupture closed
    reopened), the schedule of the aid rewritten."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    exiger_regles(verifier_retrait_rupture(convention))
    libelle = _raison(RETRAIT_RUPTURE, raison)
    avant = _etat_avant(convention, "Rupture déclarée")
    for champ in CHAMPS_DE_LA_DECLARATION:
        setattr(convention, champ, getattr(avant, champ))
    if convention.statut != StatutConvention.SUSPENDUE:
        convention.statut = statut_a_la_date(
            convention.statut, convention.date_debut, convention.date_fin, horloge.aujourdhui()
        )
    enregistrer(convention, par, libelle)
    if avant.statut == StatutConvention.SUSPENDUE:
        close = convention.suspensions.filter(date_fin__isnull=False, date_declaration_reprise__isnull=True)
        close = close.order_by("-date_debut").first()
        if close is not None:
            close.date_fin = None
            enregistrer(close, par, "Suspension rouverte par le retrait de la rupture")
    ecrire_echeancier(convention)
    return convention


# --- a suspension corrected or withdrawn ------------------------------------------------------------


def verifier_reprise_de_suspension(convention: Convention, suspension: Suspension | None) -> list[Violation]:
    """Whether the last suspension may still be corrected or withdrawn: the convention not broken nor annulled,
    within the 7 days of the suspension's declaration."""
    if suspension is None:
        return [Violation("statut", "La convention n'a pas de suspension déclarée.")]
    if convention.statut in (StatutConvention.ROMPUE, StatutConvention.ANNULEE, StatutConvention.TERMINEE):
        libelle = convention.get_statut_display().lower()
        return [Violation("statut", f"La convention est {libelle} : sa suspension ne se corrige plus.")]
    return verifier_correction_declaration(suspension.date_declaration, horloge.aujourdhui())


@transaction.atomic
def corriger_suspension(
    convention: Convention,
    *,
    date_suspension: date,
    motif: str,
    remuneration_maintenue: bool,
    date_declaration: date,
    par,
    date_fin: date | None = None,
) -> Suspension:
    """Correct the dates, the motive or the remuneration of the last suspension, within the 7 days of its
    declaration: checked again as if declared with these values, the schedule of the aid rewritten."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    suspension = derniere_suspension(convention)
    exiger_regles(verifier_reprise_de_suspension(convention, suspension))
    statut = convention.statut
    # The rules see the suspension declared again, from the status the convention had before it.
    convention.statut = statut_a_la_date(
        StatutConvention.CONCLUE, convention.date_debut, convention.date_fin, date_suspension
    )
    convention.motif_suspension = motif
    exiger_conforme(
        convention,
        EVENEMENT,
        nouveau_statut=StatutConvention.SUSPENDUE,
        declaration=(date_suspension, date_declaration),
    )
    precedente = convention.suspensions.exclude(pk=suspension.pk).order_by("-date_debut").first()
    exiger_regles(
        verifier_suspension(date_suspension, convention.date_fin, precedente.date_fin if precedente else None)
    )
    if suspension.date_fin is not None:
        if date_fin is None:
            raise _refus("date_fin", "La suspension a pris fin : indiquez son dernier jour.")
        exiger_regles(verifier_reprise(date_suspension, date_fin + timedelta(days=1), convention.date_fin))
    elif date_fin is not None:
        raise _refus("date_fin", "La suspension n'a pas pris fin : déclarez la reprise du contrat.")
    tardive = declaration_tardive(date_suspension, date_declaration)
    convention.statut = statut
    convention.date_suspension, convention.motif_suspension = date_suspension, motif
    convention.date_declaration_evenement, convention.declaration_tardive = date_declaration, tardive
    enregistrer(convention, par, "Déclaration de suspension corrigée")
    suspension.date_debut, suspension.date_fin, suspension.motif = date_suspension, date_fin, motif
    suspension.remuneration_maintenue = remuneration_maintenue
    suspension.date_declaration, suspension.declaration_tardive = date_declaration, tardive
    enregistrer(suspension, par, "Déclaration de suspension corrigée")
    ecrire_echeancier(convention)
    return suspension


@transaction.atomic
def retirer_suspension(convention: Convention, *, raison: str, par) -> Convention:
    """Withdraw the last suspension declared by mistake: deleted (its history keeps it, with the reason), the
    convention as it was before its declaration, the schedule of the aid rewritten."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    suspension = derniere_suspension(convention)
    exiger_regles(verifier_reprise_de_suspension(convention, suspension))
    libelle = _raison(RETRAIT_SUSPENSION, raison)
    avant = _etat_avant(convention, "Suspension déclarée")
    for champ in CHAMPS_DE_LA_DECLARATION:
        setattr(convention, champ, getattr(avant, champ))
    convention.statut = statut_a_la_date(
        convention.statut, convention.date_debut, convention.date_fin, horloge.aujourdhui()
    )
    enregistrer(convention, par, libelle)
    suspension._history_user, suspension._change_reason = par, libelle
    suspension.delete()
    ecrire_echeancier(convention)
    return convention
