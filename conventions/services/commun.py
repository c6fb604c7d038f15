"""What every write on conventions shares: saving with its author in the history, inserting once against a
concurrent twin, refusing with every rule broken."""

from django.db import IntegrityError, transaction

from referentiels.violation import Violation

from ..regles.base import RegleConventionError
from ..regles.convention import est_cae_jeune
from ..regles.duree import duree_en_mois


def enregistrer(objet, par, raison: str = "", **kwargs):
    objet._history_user = par
    if raison:
        objet._change_reason = raison
    objet.save(**kwargs)
    return objet


def creer_sans_doublon(objet, par, raison: str, retrouver):
    """Insert ``objet``; when a concurrent request inserted the same one first (a unique constraint says so),
    return that one instead: the same form submitted twice at once gives one object, never an error."""
    try:
        with transaction.atomic():
            return enregistrer(objet, par, raison)
    except IntegrityError:
        existant = retrouver()
        if existant is None:
            raise
        return existant


def exiger_regles(violations: list[Violation]) -> None:
    if violations:
        raise RegleConventionError(violations)


def cae_jeune(convention) -> bool:
    """Whether a convention is a CAE-jeune (circular 2009-38), from its dates, its employee and its employer."""
    c = convention
    if not (c.date_embauche and c.date_debut and c.date_fin):
        return False
    return est_cae_jeune(
        c.type_contrat,
        c.salarie.date_naissance,
        c.date_embauche,
        duree_en_mois(c.date_debut, c.date_fin),
        c.employeur.statut_juridique,
    )
