"""Reading an uploaded spreadsheet (CSV or XLSX) into rows of strings, under explicit bounds, before any parsing.

Every import of the portal (the rates of an arrêté, the ASP's payment statements) reads its file here::

    from cui_portal.tableurs import Bornes, TableurRefuse, format_du_fichier, lire_tableur

    BORNES = Bornes(octets=8 * 1024 * 1024, lignes=5000, colonnes=30, caracteres=255)
    format_ = format_du_fichier(fichier.name, fichier.read(8))  # "csv" or "xlsx", or TableurRefuse
    try:
        lignes = lire_tableur(format_, contenu, BORNES)
    except TableurRefuse as exc:
        ...  # str(exc) is a short French sentence for the person (a cell is quoted by ``extrait`` only)
    entete, *donnees = lignes  # each a ``Ligne(numero, cellules)``

``lire_tableur`` returns the non-empty rows of the file (of the first sheet of a workbook) as ``Ligne``: ``numero``
is the row's number in the spreadsheet (1 for the first line, empty rows counted), ``cellules`` a tuple of strings
without its trailing empty cells. Values are text: an XLSX number is written without a useless ``.0`` (``26``,
``90.25``), a date ``jj/mm/aaaa``, a boolean ``VRAI``/``FAUX``, a formula as its text (``=A1*2``: the caller decides
what to do with it). It raises ``TableurRefuse`` (a ``ValueError``) at the first bound exceeded, with a French
message that names the bound, and never holds more than the bounds allow:

- ``octets``: the size of the file as uploaded;
- ``lignes``: the rows after the header (one header row is always allowed on top), ``colonnes`` per row,
  ``caracteres`` per cell;
- XLSX, checked from the zip's declared sizes before openpyxl opens it: ``octets_decompresses`` in all, each part
  at most ``ratio`` times its compressed size (above ``SEUIL_RATIO``), each part that is neither a sheet nor the
  shared strings at most ``octets_par_annexe``, at most ``MAX_PARTIES`` parts. Python's ``zipfile`` never inflates a
  part beyond its declared size (a part that lies is cut and fails its CRC), so the declared sizes are a real bound;
- XLSX, then streamed with expat before openpyxl reads anything (memory bounded by a chunk): the shared strings
  (at most ``chaines_partagees`` strings of ``caracteres`` each) and every sheet (its rows, its cells holding a
  value within ``colonnes``, each cell's text within ``caracteres``, a few empty styled cells or rows allowed
  beyond); no DTD or entity anywhere. Only then openpyxl opens it ``read_only`` and streams the first sheet, each
  row and cell bounded again;
- CSV: UTF-8 (with or without BOM), else cp1252; the separator among ``;``, ``,`` and tab found on the header line
  (outside quotes); quotes read strictly (a quote left open is refused); any line ending (``\\n``, ``\\r\\n``,
  bare ``\\r``); each physical line bounded before the csv module sees it, and csv's own field size limit
  (``csv.field_size_limit()``, which ``caracteres`` must not exceed) turned into the same refusal as a long cell.

``extrait(texte)`` is the short excerpt of a value to quote in a message (``EXTRAIT`` characters, then « … »).
"""

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

EXTRAIT = 60  # characters of a cell quoted in a message
FORMATS = {"csv": "CSV", "xlsx": "XLSX"}
SEUIL_RATIO = 1024 * 1024  # bytes: below, a part's compression ratio is not checked (tiny XML compresses well)
MAX_PARTIES = 500  # parts in an XLSX archive
MARGE_CELLULES_VIDES = 64  # empty styled cells allowed beyond ``colonnes`` in a row of a sheet
MARGE_LIGNES_VIDES = 1000  # empty rows (styled rows, blank lines) allowed beyond ``lignes``
MORCEAU = 64 * 1024  # bytes read at a time from a part of the archive
MESSAGE_CLASSEUR_ILLISIBLE = "Ce classeur XLSX est illisible ou protégé : enregistrez-le à nouveau au format .xlsx."

# What openpyxl raises on a file that is not a readable workbook: not a zip (or a protected OLE file), a zip
# without the workbook's parts, a broken part, broken XML (ElementTree's ParseError is a SyntaxError), a value it
# refuses. Anything else is a bug of ours and is not turned into « illisible ».
ERREURS_DE_CLASSEUR = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    SyntaxError,
    ValueError,
    InvalidFileException,
    expat.ExpatError,
)


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
            return f"{n / taille:.0f} {unite}" if n % taille == 0 or n >= 10 * taille else f"{n / taille:.1f} {unite}"
    return f"{n} octets"


def format_du_fichier(nom: str, debut: bytes) -> str:
    """``csv`` or ``xlsx`` from the name, checked against the first bytes (an XLSX is a ZIP archive)."""
    extension = nom.rsplit(".", 1)[-1].lower() if "." in nom else ""
    if extension not in FORMATS:
        raise TableurRefuse(
            f"Type de fichier non accepté (« .{extrait(extension, 10)} ») : déposez un fichier .csv ou .xlsx."
        )
    if extension == "xlsx" and not debut.startswith(b"PK\x03\x04"):
        raise TableurRefuse("Ce fichier n'est pas un classeur XLSX valide : enregistrez-le au format Excel (.xlsx).")
    if extension == "csv" and (b"\x00" in debut or debut.startswith(b"PK\x03\x04")):
        raise TableurRefuse("Ce fichier n'est pas un fichier texte CSV : enregistrez-le au format « CSV UTF-8 ».")
    return extension


def lire_tableur(format_: str, contenu: bytes, bornes: Bornes) -> list[Ligne]:
    """The non-empty rows of the file, as ``Ligne``; ``TableurRefuse`` at the first bound exceeded."""
    if len(contenu) > bornes.octets:
        raise TableurRefuse(
            f"Le fichier pèse {octets_lisibles(len(contenu))} : la taille maximale est de "
            f"{octets_lisibles(bornes.octets)}."
        )
    if format_ == "xlsx":
        return _lire_xlsx(contenu, bornes)
    if format_ == "csv":
        return _lire_csv(contenu, bornes)
    raise TableurRefuse("Type de fichier non accepté : déposez un fichier .csv ou .xlsx.")


# --- the common bounds ---------------------------------------------------------------------------------------


def _trop_de_lignes(bornes: Bornes) -> TableurRefuse:
    return TableurRefuse(
        f"Le fichier compte plus de {bornes.lignes} lignes après l'en-tête : {bornes.lignes} au plus sont acceptées."
    )


def _trop_de_colonnes(numero: int, bornes: Bornes) -> TableurRefuse:
    return TableurRefuse(
        f"La ligne {numero} compte plus de {bornes.colonnes} colonnes : {bornes.colonnes} au plus sont acceptées."
    )


def _cellule_trop_longue(numero: int | None, bornes: Bornes, debut: str) -> TableurRefuse:
    ou = f"La ligne {numero} a une cellule" if numero else "Le classeur contient un texte"
    cite = f" (« {extrait(debut)} »)" if debut else ""
    return TableurRefuse(
        f"{ou} de plus de {bornes.caracteres} caractères{cite} : {bornes.caracteres} au plus sont acceptés par cellule."
    )


def _rangee(numero: int, cellules: list[str], bornes: Bornes) -> Ligne | None:
    while cellules and not cellules[-1].strip():
        cellules.pop()
    if not cellules:
        return None
    if len(cellules) > bornes.colonnes:
        raise _trop_de_colonnes(numero, bornes)
    for cellule in cellules:
        if len(cellule) > bornes.caracteres:
            raise _cellule_trop_longue(numero, bornes, cellule)
    return Ligne(numero, tuple(cellules))


# --- XLSX ------------------------------------------------------------------------------------------------------


def _lire_xlsx(contenu: bytes, bornes: Bornes) -> list[Ligne]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(contenu))
        _verifier_archive(archive, bornes)
        for info in archive.infolist():
            _parcourir_partie(archive, info, bornes)
    except TableurRefuse:
        raise
    except ERREURS_DE_CLASSEUR:
        raise TableurRefuse(MESSAGE_CLASSEUR_ILLISIBLE) from None
    try:
        classeur = load_workbook(io.BytesIO(contenu), read_only=True, data_only=False)
    except ERREURS_DE_CLASSEUR:
        raise TableurRefuse(MESSAGE_CLASSEUR_ILLISIBLE) from None
    try:
        if not classeur.worksheets:
            raise TableurRefuse("Ce classeur XLSX n'a aucune feuille de calcul : les valeurs vont sur la première.")
        feuille = classeur.worksheets[0]
        maximum = bornes.lignes + 1
        lignes = []
        rangees = feuille.iter_rows(max_row=maximum + MARGE_LIGNES_VIDES, max_col=bornes.colonnes, values_only=True)
        for numero, valeurs in enumerate(rangees, 1):
            ligne = _rangee(numero, [_texte(v) for v in valeurs], bornes)
            if ligne is not None:
                if len(lignes) == maximum:
                    raise _trop_de_lignes(bornes)
                lignes.append(ligne)
        return lignes
    except TableurRefuse:
        raise
    except ERREURS_DE_CLASSEUR:  # a part that openpyxl finds broken half-way
        raise TableurRefuse(MESSAGE_CLASSEUR_ILLISIBLE) from None
    finally:
        classeur.close()


def _est_feuille(nom: str) -> bool:
    return nom.startswith("xl/worksheets/") and nom.count("/") == 2 and nom.endswith(".xml")


def _est_chaines(nom: str) -> bool:
    return nom.lower().endswith("sharedstrings.xml")


def _verifier_archive(archive: zipfile.ZipFile, bornes: Bornes) -> None:
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
                    raise _trop_de_colonnes(self.ligne, self.bornes)
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
            raise _cellule_trop_longue(self.ligne if self.feuille else None, self.bornes, self.debut)

    def _nouvelle_ligne(self, r):
        self.lignes_vues += 1
        self.ligne = int(r) if r and r.isdigit() else self.ligne + 1
        self.cellules_vues = self.colonne = 0
        self.ligne_pleine = False
        if self.lignes_vues > self.bornes.lignes + 1 + MARGE_LIGNES_VIDES:
            raise _trop_de_lignes(self.bornes)

    def _valeur(self):
        """The current cell holds a value: it must lie within the bounded rows and columns."""
        if self.colonne > self.bornes.colonnes:
            raise _trop_de_colonnes(self.ligne, self.bornes)
        if self.ligne > self.bornes.lignes + 1 + MARGE_LIGNES_VIDES:
            raise _trop_de_lignes(self.bornes)
        if not self.ligne_pleine:
            self.ligne_pleine = True
            self.lignes_pleines += 1
            if self.lignes_pleines > self.bornes.lignes + 1:
                raise _trop_de_lignes(self.bornes)


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


def _parcourir_partie(archive: zipfile.ZipFile, info: zipfile.ZipInfo, bornes: Bornes) -> None:
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


def _texte(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, bool):
        return "VRAI" if valeur else "FAUX"
    if isinstance(valeur, float):
        return str(int(valeur)) if valeur.is_integer() and abs(valeur) < 1e15 else repr(valeur)
    if isinstance(valeur, Decimal):
        return format(valeur, "f")
    if isinstance(valeur, datetime):
        return valeur.strftime("%d/%m/%Y %H:%M:%S" if valeur.time() != time() else "%d/%m/%Y")
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    if isinstance(valeur, time | timedelta):
        return str(valeur)
    return str(valeur)


# --- CSV -------------------------------------------------------------------------------------------------------


def _decoder(contenu: bytes) -> str:
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return contenu.decode("cp1252")
    except UnicodeDecodeError:
        raise TableurRefuse(
            "L'encodage du fichier n'est pas reconnu (ni UTF-8, ni Windows-1252) : enregistrez-le au format "
            "« CSV UTF-8 »."
        ) from None


def _separateur(premiere_ligne: str) -> str:
    """The separator of the header line: the most frequent of ``;``, ``,`` and tab outside quotes."""
    hors_guillemets = "".join(premiere_ligne.split('"')[::2])
    return max(";,\t", key=hors_guillemets.count)


def _lignes_physiques(texte: str, bornes: Bornes):
    longueur_max = bornes.colonnes * (bornes.caracteres + 3)
    for numero, ligne in enumerate(io.StringIO(texte, newline=""), 1):
        if len(ligne) > longueur_max:
            raise TableurRefuse(
                f"La ligne {numero} compte plus de {longueur_max} caractères (« {extrait(ligne)} ») : une cellule "
                f"a plus de {bornes.caracteres} caractères ou la ligne plus de {bornes.colonnes} colonnes."
            )
        if numero > (bornes.lignes + 1 + MARGE_LIGNES_VIDES) * 2:  # a quoted cell may hold a line break or two
            raise _trop_de_lignes(bornes)
        yield ligne


def _lire_csv(contenu: bytes, bornes: Bornes) -> list[Ligne]:
    texte = _decoder(contenu)
    premiere = texte[: bornes.colonnes * (bornes.caracteres + 3)].splitlines()[:1]
    separateur = _separateur(premiere[0] if premiere else "")
    lecteur = csv.reader(_lignes_physiques(texte, bornes), delimiter=separateur, strict=True)
    lignes: list[Ligne] = []
    numero = 0
    maximum = bornes.lignes + 1
    try:
        for numero, cellules in enumerate(lecteur, 1):
            if numero > maximum + MARGE_LIGNES_VIDES:
                raise _trop_de_lignes(bornes)
            ligne = _rangee(numero, cellules, bornes)
            if ligne is not None:
                if len(lignes) == maximum:
                    raise _trop_de_lignes(bornes)
                lignes.append(ligne)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _cellule_trop_longue(numero + 1, bornes, "") from None
        raise TableurRefuse(
            f"La ligne {numero + 1} du fichier CSV est mal formée (guillemet non refermé ou mal placé) : "
            "enregistrez-le à nouveau au format « CSV UTF-8 »."
        ) from None
    return lignes
