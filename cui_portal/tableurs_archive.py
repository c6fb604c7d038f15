"""What an XLSX archive declares and holds, checked before openpyxl opens it (see ``cui_portal.tableurs``): the
declared sizes of its parts, then its sheets and shared strings streamed through expat, bounded at the first excess.
"""

import re
import zipfile
from xml.parsers import expat

from .tableurs_bornes import (
    EXTRAIT,
    MARGE_CELLULES_VIDES,
    MARGE_LIGNES_VIDES,
    MESSAGE_CLASSEUR_ILLISIBLE,
    Bornes,
    TableurRefuse,
    cellule_trop_longue,
    octets_lisibles,
    trop_de_colonnes,
    trop_de_lignes,
)

SEUIL_RATIO = 1024 * 1024  # bytes: below, a part's compression ratio is not checked (tiny XML compresses well)
MAX_PARTIES = 500  # parts in an XLSX archive
MORCEAU = 64 * 1024  # bytes read at a time from a part of the archive


def _est_feuille(nom: str) -> bool:
    return nom.startswith("xl/worksheets/") and nom.count("/") == 2 and nom.endswith(".xml")


def _est_chaines(nom: str) -> bool:
    return nom.lower().endswith("sharedstrings.xml")


def verifier_archive(archive: zipfile.ZipFile, bornes: Bornes) -> None:
    """The declared sizes of the parts, before anything is inflated."""
    parties = archive.infolist()
    if len(parties) > MAX_PARTIES:
        raise TableurRefuse(f"Ce classeur XLSX contient plus de {MAX_PARTIES} parties : ce n'est pas un tableau.")
    total = sum(info.file_size for info in parties)
    if total > bornes.octets_decompresses:
        raise TableurRefuse(
            f"Ce classeur XLSX occupe {octets_lisibles(total)} une fois décompressé : "
            f"{octets_lisibles(bornes.octets_decompresses)} au plus sont acceptés. Gardez les seules colonnes "
            "attendues, sans mise en forme, ou enregistrez-le au format CSV."
        )
    for info in parties:
        if info.file_size > SEUIL_RATIO and info.file_size > bornes.ratio * max(info.compress_size, 1):
            raise TableurRefuse(
                f"Ce classeur XLSX est anormalement compressé ({info.file_size // max(info.compress_size, 1)} fois) : "
                "il est refusé. Enregistrez-le à nouveau depuis votre tableur, ou au format CSV."
            )
        if not (_est_feuille(info.filename) or _est_chaines(info.filename)) and (
            info.file_size > bornes.octets_par_annexe
        ):
            raise TableurRefuse(
                f"Une partie de ce classeur XLSX (styles, images…) occupe {octets_lisibles(info.file_size)} : "
                f"{octets_lisibles(bornes.octets_par_annexe)} au plus sont acceptés. Enregistrez-le au format CSV."
            )


class _Parcours:
    """Counts, while expat streams a part, what openpyxl would later hold in memory; raises at the first excess."""

    def __init__(self, bornes: Bornes, nom: str):
        self.bornes = bornes
        self.feuille = _est_feuille(nom)
        self.chaines = _est_chaines(nom)
        self.ligne = 0  # number of the current row
        self.lignes_vues = self.lignes_pleines = self.cellules_vues = self.colonne = 0
        self.ligne_pleine = False
        self.texte = None  # characters of the current cell / shared string, None outside one
        self.debut = ""
        self.nb_chaines = 0

    def doctype(self, *args):
        raise TableurRefuse(MESSAGE_CLASSEUR_ILLISIBLE)  # an XLSX part has no DTD: entities are refused

    def debut_element(self, nom, attributs):
        nom = nom.rsplit(" ", 1)[-1]
        if self.feuille:
            if nom == "row":
                self._nouvelle_ligne(attributs.get("r"))
            elif nom == "c":
                self.cellules_vues += 1
                if self.cellules_vues > self.bornes.colonnes + MARGE_CELLULES_VIDES:
                    raise trop_de_colonnes(self.ligne, self.bornes)
                self.colonne = _colonne(attributs.get("r"), self.colonne + 1)
                self.texte, self.debut = 0, ""
            elif nom in ("v", "t", "f", "is") and self.texte is not None:
                self._valeur()
        elif self.chaines and nom == "si":
            self.nb_chaines += 1
            if self.nb_chaines > self.bornes.chaines_partagees:
                raise TableurRefuse(
                    f"Ce classeur XLSX contient plus de {self.bornes.chaines_partagees} textes différents : "
                    "ce n'est pas un tableau de cette taille."
                )
            self.texte, self.debut = 0, ""

    def fin_element(self, nom):
        nom = nom.rsplit(" ", 1)[-1]
        if nom in ("c", "si"):
            self.texte = None

    def caracteres(self, donnees):
        if self.texte is None:
            return
        self.texte += len(donnees)
        if len(self.debut) < EXTRAIT + 1:
            self.debut += donnees[: EXTRAIT + 1]
        if self.texte > self.bornes.caracteres:
            raise cellule_trop_longue(self.ligne if self.feuille else None, self.bornes, self.debut)

    def _nouvelle_ligne(self, r):
        self.lignes_vues += 1
        self.ligne = int(r) if r and r.isdigit() else self.ligne + 1
        self.cellules_vues = self.colonne = 0
        self.ligne_pleine = False
        if self.lignes_vues > self.bornes.lignes + 1 + MARGE_LIGNES_VIDES:
            raise trop_de_lignes(self.bornes)

    def _valeur(self):
        """The current cell holds a value: it must lie within the bounded rows and columns."""
        if self.colonne > self.bornes.colonnes:
            raise trop_de_colonnes(self.ligne, self.bornes)
        if self.ligne > self.bornes.lignes + 1 + MARGE_LIGNES_VIDES:
            raise trop_de_lignes(self.bornes)
        if not self.ligne_pleine:
            self.ligne_pleine = True
            self.lignes_pleines += 1
            if self.lignes_pleines > self.bornes.lignes + 1:
                raise trop_de_lignes(self.bornes)


COLONNE = re.compile(r"([A-Za-z]{1,3})[0-9]*")


def _colonne(reference: str | None, suivante: int) -> int:
    """The column number of a cell reference (``AB12`` → 28), or the next one when the cell has none."""
    correspondance = COLONNE.fullmatch(reference or "")
    if not correspondance:
        return suivante
    numero = 0
    for lettre in correspondance.group(1).upper():
        numero = numero * 26 + ord(lettre) - ord("A") + 1
    return numero


class _Prologue(Exception):
    """The root element of a part has started: no DTD came before it, the rest is openpyxl's to read."""


def _racine(nom, attributs):
    raise _Prologue


def parcourir_partie(archive: zipfile.ZipFile, info: zipfile.ZipInfo, bornes: Bornes) -> None:
    """Stream one XML part through expat: sheets and shared strings wholly, other parts up to their root."""
    if info.is_dir() or not info.filename.endswith((".xml", ".rels", ".vml")):
        return
    parcours = _Parcours(bornes, info.filename)
    parseur = expat.ParserCreate(namespace_separator=" ")
    parseur.StartDoctypeDeclHandler = parcours.doctype
    parseur.EntityDeclHandler = parcours.doctype
    if parcours.feuille or parcours.chaines:
        parseur.StartElementHandler = parcours.debut_element
        parseur.EndElementHandler = parcours.fin_element
        parseur.CharacterDataHandler = parcours.caracteres
        parseur.buffer_text = True
    else:
        parseur.StartElementHandler = _racine
    try:
        with archive.open(info) as partie:
            while morceau := partie.read(MORCEAU):
                parseur.Parse(morceau, False)
            parseur.Parse(b"", True)
    except _Prologue:
        return
