"""Readable history of an object recorded by django-simple-history: who, when, what changed.

Each change reads as a person would write it: the field's label (its unit moved to the values), the old and the
new value formatted (« 1 043,38 € », « 95 % », « 04/01/2010 », « oui » / « non », a choice's label, the name of a
related object rather than its id), never « arrêté régional appliqué : — → 1 » or « False → True ». Related
objects are read with one query per model for the whole page; fields set by the machine (``auto_now``) are left
out.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

TYPES = {"+": "Création", "~": "Modification", "-": "Suppression"}
VIDE = "—"
INSECABLE = "\u00a0"  # before « € » and « % », between thousands
UNITE = re.compile(r"\s*\((€|%)\)\s*$")  # « montant (€) »: the unit goes with the values


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
    bruts = []  # (record, [(field, old, new)])
    for i, enregistrement in enumerate(enregistrements[:limite]):
        precedent = enregistrements[i + 1] if i + 1 < len(enregistrements) else None
        changements = []
        if precedent is not None and enregistrement.history_type == "~":
            for change in enregistrement.diff_against(precedent).changes:
                champ = enregistrement.instance._meta.get_field(change.field)
                if getattr(champ, "auto_now", False):
                    continue
                changements.append((champ, change.old, change.new))
        bruts.append((enregistrement, changements))
    lies = objets_lies(c for _, changements in bruts for c in changements)
    lignes = []
    for enregistrement, changements in bruts:
        auteur = enregistrement.history_user
        lignes.append(
            LigneHistorique(
                date=enregistrement.history_date,
                auteur=(auteur.get_full_name() or auteur.email) if auteur else "Système",
                action=TYPES.get(enregistrement.history_type, enregistrement.history_type),
                changements=[
                    (libelle(champ), "•••", "•••")
                    if champ.name in champs_masques
                    else (libelle(champ), valeur_lisible(avant, champ, lies), valeur_lisible(apres, champ, lies))
                    for champ, avant, apres in changements
                ],
                motif=enregistrement.history_change_reason or "",
            )
        )
    return lignes


def objets_lies(changements) -> dict:
    """{(related model, pk): object} for every related id of ``changements`` ((field, old, new)): one query a model."""
    cles: dict = {}
    for champ, avant, apres in changements:
        if champ.is_relation and (champ.many_to_one or champ.one_to_one):
            cles.setdefault(champ.related_model, set()).update(v for v in (avant, apres) if v not in (None, ""))
    return {
        (modele, pk): objet
        for modele, pks in cles.items()
        for pk, objet in modele._base_manager.in_bulk(list(pks)).items()
    }


def libelle(champ) -> str:
    return capfirst(UNITE.sub("", str(getattr(champ, "verbose_name", champ.name))))


def valeur_lisible(valeur, champ=None, lies: dict | None = None) -> str:
    """``valeur`` of ``champ`` as a person reads it (French numbers, dates jj/mm/aaaa, oui / non, labels, names)."""
    if valeur is None or valeur == "":
        return VIDE
    if champ is not None and getattr(champ, "choices", None):
        return str(dict(champ.flatchoices).get(valeur, valeur))
    if champ is not None and champ.is_relation:
        objet = (lies or {}).get((champ.related_model, valeur))
        return str(objet) if objet is not None else f"{capfirst(champ.related_model._meta.verbose_name)} introuvable"
    if isinstance(valeur, bool) or isinstance(champ, models.BooleanField):
        return "oui" if valeur in (True, "True", 1) else "non"
    if isinstance(valeur, datetime):
        return (timezone.localtime(valeur) if timezone.is_aware(valeur) else valeur).strftime("%d/%m/%Y à %H:%M")
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    unite = UNITE.search(str(getattr(champ, "verbose_name", ""))) if champ is not None else None
    if isinstance(valeur, Decimal | int | float):
        if unite and unite.group(1) == "€":
            return f"{nombre(valeur, decimales=2)}{INSECABLE}€"
        texte = nombre(valeur)
        return f"{texte}{INSECABLE}%" if unite else texte
    return str(valeur)


def nombre(valeur, decimales: int | None = None) -> str:
    """French writing of a number: « 1 043,38 » (non-breaking thousands), no useless zeros unless ``decimales``."""
    valeur = Decimal(str(valeur))
    if decimales is not None:
        texte = f"{valeur:,.{decimales}f}"
    else:
        texte = f"{valeur.normalize():,f}"
        if "." in texte:
            texte = texte.rstrip("0").rstrip(".")
    return texte.replace(",", INSECABLE).replace(".", ",")
