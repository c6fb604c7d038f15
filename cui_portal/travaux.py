"""The registry of the kinds of long work (large exports, batches of PDFs), at the bottom so that every app can
declare its own kinds in its ``AppConfig.ready()`` without importing the app that runs them.

A kind is declared with ``enregistrer(type, fonction, libelle=…, autorise=…)`` where
``fonction(parametres, progression) -> (nom_fichier, contenu)``, ``contenu`` being bytes or, for a large file,
the ``pathlib.Path`` of a temporary file (``cui_portal.exports.fichier_xlsx``: streamed row by row, copied into
the storage then deleted by the runner), and ``progression(pourcentage)`` may be
called as often as wished; ``preparer(parametres) -> parametres`` (optional) cleans what is stored (a search by
NIR becomes its hash). The person's scope at the time of the request is stored in
``parametres["perimetre"]`` (read it back with ``perimetre_depuis``) so that the worker exports exactly what
they may see. A page starts a kind by POSTing to ``{% url 'rappels:lancer_travail' type %}`` (its POST
parameters become ``parametres``); the ``rappels`` app stores the work, runs it in a worker and shows its
progress page and its owner-only download (``rappels/travaux.py``).
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .permissions import Perimetre, a_une_habilitation

Fonction = Callable[[dict, Callable[[int], None]], tuple[str, bytes | Path]]


@dataclass(frozen=True)
class TypeTravail:
    type: str
    fonction: Fonction
    libelle: str
    autorise: Callable[[Perimetre], bool]
    preparer: Callable[[dict], dict] = dict


REGISTRE: dict[str, TypeTravail] = {}


def enregistrer(type_travail: str, fonction: Fonction, *, libelle: str = "", autorise=None, preparer=None) -> None:
    REGISTRE[type_travail] = TypeTravail(
        type_travail, fonction, libelle or type_travail, autorise or a_une_habilitation, preparer or dict
    )


def type_de(type_travail: str) -> TypeTravail | None:
    return REGISTRE.get(type_travail)


def perimetre_depuis(parametres: dict) -> Perimetre:
    return Perimetre(**parametres.get("perimetre", {}))


def filtres_depuis(parametres: dict) -> dict:
    """The page's own parameters (its filters), without the stored scope."""
    return {k: v for k, v in parametres.items() if k != "perimetre"}


def lignes_avec_progression(
    objets: Iterable, ligne: Callable, progression: Callable[[int], None], total: int, debut: int = 0, fin: int = 95
) -> Iterator[list]:
    """Yield ``ligne(objet)`` for each object, reporting the progress every 200 rows (``total`` rows expected)."""
    total = total or 1
    for i, objet in enumerate(objets, start=1):
        if i % 200 == 0 or i == total:
            progression(debut + (fin - debut) * i // total)
        yield ligne(objet)
