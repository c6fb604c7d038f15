"""Readable history of an object recorded by django-simple-history: who, when, what changed."""

from dataclasses import dataclass
from datetime import datetime

TYPES = {"+": "Création", "~": "Modification", "-": "Suppression"}


@dataclass(frozen=True)
class LigneHistorique:
    date: datetime
    auteur: str
    action: str
    changements: list[tuple[str, str, str]]  # (field label, old value, new value)
    motif: str


def lignes_historique(objet, limite: int = 50, champs_masques: frozenset = frozenset()) -> list[LigneHistorique]:
    """The last ``limite`` entries of ``objet.history``; ``champs_masques`` are shown as changed, never valued."""
    enregistrements = list(objet.history.select_related("history_user").order_by("-history_date", "-pk")[: limite + 1])
    lignes = []
    for i, enregistrement in enumerate(enregistrements[:limite]):
        precedent = enregistrements[i + 1] if i + 1 < len(enregistrements) else None
        changements = []
        if precedent is not None and enregistrement.history_type == "~":
            for change in enregistrement.diff_against(precedent).changes:
                champ = enregistrement.instance._meta.get_field(change.field)
                libelle = str(getattr(champ, "verbose_name", change.field))
                if change.field in champs_masques:
                    changements.append((libelle, "•••", "•••"))
                else:
                    changements.append((libelle, _texte(change.old, champ), _texte(change.new, champ)))
        auteur = enregistrement.history_user
        lignes.append(
            LigneHistorique(
                date=enregistrement.history_date,
                auteur=(auteur.get_full_name() or auteur.email) if auteur else "Système",
                action=TYPES.get(enregistrement.history_type, enregistrement.history_type),
                changements=changements,
                motif=enregistrement.history_change_reason or "",
            )
        )
    return lignes


def _texte(valeur, champ=None) -> str:
    if valeur is None or valeur == "":
        return "—"
    if champ is not None and getattr(champ, "choices", None):
        return str(dict(champ.flatchoices).get(valeur, valeur))
    if hasattr(valeur, "strftime"):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur)
