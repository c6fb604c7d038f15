"""The home page of each role gathers what is theirs to do from every app.

An app takes part by defining ``accueil.py`` with ``a_faire(request, perimetre) -> list[Carte]``. Each card counts
only what its reader may act on, and its link leads to a list filtered to exactly those items. A deadline reads as
people read it (``echeance``): « À rendre avant le jj/mm/aaaa » until the day itself, late only once it has passed.
"""

from dataclasses import dataclass
from datetime import date
from importlib import import_module

from django.conf import settings

from .badges import ATTENTION, ERREUR, INFO


@dataclass(frozen=True)
class Carte:
    titre: str
    description: str
    url: str
    nombre: int | None = None
    badge: str = ""
    couleur: str = ATTENTION  # the DSFR modifier of the badge (``cui_portal.badges``)
    echeance: date | None = None  # the deadline the badge speaks of, if any


def echeance(jour: date, aujourd_hui: date, *, avant: str = "À rendre avant le", apres: str = "En retard") -> dict:
    """The badge of a deadline ``jour`` on ``aujourd_hui``: ``avant`` and the date until the deadline has passed
    (the deadline's own day included), then ``apres``. Returns the ``badge``, ``couleur`` and ``echeance`` of a
    ``Carte``."""
    if aujourd_hui > jour:
        return {"badge": apres, "couleur": ERREUR, "echeance": jour}
    return {"badge": f"{avant} {jour:%d/%m/%Y}", "couleur": INFO, "echeance": jour}


def cartes_pour(request, perimetre) -> list[Carte]:
    cartes: list[Carte] = []
    for app in settings.PROJECT_APPS:
        try:
            module = import_module(f"{app}.accueil")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.accueil":
                raise
            continue
        cartes.extend(module.a_faire(request, perimetre))
    return cartes
