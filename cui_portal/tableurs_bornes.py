"""The bounds of an uploaded spreadsheet and the French refusals shared by its readers (``cui_portal.tableurs``,
which documents them; ``cui_portal.tableurs_archive`` for what an XLSX archive declares and holds)."""

from dataclasses import dataclass
from typing import NamedTuple

EXTRAIT = 60  # characters of a cell quoted in a message
MARGE_CELLULES_VIDES = 64  # empty styled cells allowed beyond ``colonnes`` in a row of a sheet
MARGE_LIGNES_VIDES = 1000  # empty rows (styled rows, blank lines) allowed beyond ``lignes``
MESSAGE_CLASSEUR_ILLISIBLE = "Ce classeur XLSX est illisible ou protégé : enregistrez-le à nouveau au format .xlsx."


class TableurRefuse(ValueError):
    """The file cannot be read within its bounds: the message is French and says why."""


@dataclass(frozen=True)
class Bornes:
    octets: int
    lignes: int
    colonnes: int
    caracteres: int
    octets_decompresses: int = 32 * 1024 * 1024
    ratio: int = 200
    octets_par_annexe: int = 4 * 1024 * 1024
    chaines_partagees: int = 100_000


class Ligne(NamedTuple):
    numero: int
    cellules: tuple[str, ...]


def extrait(texte, longueur: int = EXTRAIT) -> str:
    """At most ``longueur`` characters of ``texte``, then « … » when it was longer."""
    texte = str(texte)
    return texte if len(texte) <= longueur else texte[:longueur] + "…"


def octets_lisibles(n: int) -> str:
    """``n`` bytes in words: « 8 Mo », « 512 Ko », « 300 octets »."""
    for unite, taille in (("Mo", 1024 * 1024), ("Ko", 1024)):
        if n >= taille:
            entier = n % taille == 0 or n >= 10 * taille
            return f"{n / taille:.0f} {unite}" if entier else f"{n / taille:.1f} {unite}".replace(".", ",")
    return f"{n} octets"


def trop_de_lignes(bornes: Bornes) -> TableurRefuse:
    return TableurRefuse(
        f"Le fichier compte plus de {bornes.lignes} lignes après l'en-tête : {bornes.lignes} au plus sont acceptées."
    )


def trop_de_colonnes(numero: int, bornes: Bornes) -> TableurRefuse:
    return TableurRefuse(
        f"La ligne {numero} compte plus de {bornes.colonnes} colonnes : {bornes.colonnes} au plus sont acceptées."
    )


def cellule_trop_longue(numero: int | None, bornes: Bornes, debut: str) -> TableurRefuse:
    ou = f"La ligne {numero} a une cellule" if numero else "Le classeur contient un texte"
    cite = f" (« {extrait(debut)} »)" if debut else ""
    return TableurRefuse(
        f"{ou} de plus de {bornes.caracteres} caractères{cite} : {bornes.caracteres} au plus sont acceptés par cellule."
    )


def rangee(numero: int, cellules: list[str], bornes: Bornes) -> Ligne | None:
    while cellules and not cellules[-1].strip():
        cellules.pop()
    if not cellules:
        return None
    if len(cellules) > bornes.colonnes:
        raise trop_de_colonnes(numero, bornes)
    for cellule in cellules:
        if len(cellule) > bornes.caracteres:
            raise cellule_trop_longue(numero, bornes, cellule)
    return Ligne(numero, tuple(cellules))
