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
The bounds and refusals live in ``cui_portal.tableurs_bornes``, the checks of an XLSX archive in
``cui_portal.tableurs_archive``; import from this module.
"""

import csv
import io
import zipfile
import zlib
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .tableurs_archive import parcourir_partie, verifier_archive
from .tableurs_bornes import (
    EXTRAIT,
    MARGE_LIGNES_VIDES,
    MESSAGE_CLASSEUR_ILLISIBLE,
    Bornes,
    Ligne,
    TableurRefuse,
    cellule_trop_longue,
    extrait,
    octets_lisibles,
    rangee,
    trop_de_lignes,
)

__all__ = ["EXTRAIT", "Bornes", "Ligne", "TableurRefuse", "extrait", "format_du_fichier", "lire_tableur"]

FORMATS = {"csv": "CSV", "xlsx": "XLSX"}


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


# --- XLSX ------------------------------------------------------------------------------------------------------


def _lire_xlsx(contenu: bytes, bornes: Bornes) -> list[Ligne]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(contenu))
        verifier_archive(archive, bornes)
        for info in archive.infolist():
            parcourir_partie(archive, info, bornes)
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
            ligne = rangee(numero, [_texte(v) for v in valeurs], bornes)
            if ligne is not None:
                if len(lignes) == maximum:
                    raise trop_de_lignes(bornes)
                lignes.append(ligne)
        return lignes
    except TableurRefuse:
        raise
    except ERREURS_DE_CLASSEUR:  # a part that openpyxl finds broken half-way
        raise TableurRefuse(MESSAGE_CLASSEUR_ILLISIBLE) from None
    finally:
        classeur.close()


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
            raise trop_de_lignes(bornes)
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
                raise trop_de_lignes(bornes)
            ligne = rangee(numero, cellules, bornes)
            if ligne is not None:
                if len(lignes) == maximum:
                    raise trop_de_lignes(bornes)
                lignes.append(ligne)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise cellule_trop_longue(numero + 1, bornes, "") from None
        raise TableurRefuse(
            f"La ligne {numero + 1} du fichier CSV est mal formée (guillemet non refermé ou mal placé) : "
            "enregistrez-le à nouveau au format « CSV UTF-8 »."
        ) from None
    return lignes
