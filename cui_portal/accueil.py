"""The home page of each role gathers what is theirs to do from every app.

An app takes part by defining ``accueil.py`` with ``a_faire(request, perimetre) -> list[Carte]``.
"""

from dataclasses import dataclass
from importlib import import_module

from django.conf import settings


@dataclass(frozen=True)
class Carte:
    titre: str
    description: str
    url: str
    nombre: int | None = None
    badge: str = ""


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
