"""Reading and checking a rates file (CSV or XLSX) row by row, without writing anything.

Expected columns: ``contrat`` (CAE or CIE), ``public`` (code or label of a priority public), ``taux`` (percent,
``90`` or ``90,5``) and ``heures_max`` (``HEURES_MIN`` to ``HEURES_MAX``). Every error is French and names its row
and column, so that the preview can show the outcome of each row; the caller writes only when no row has an error.
"""

import csv
import io
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from decimal import Decimal

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .regles import RegleArreteError, erreurs_taux, lire_decimal

COLONNES = ("contrat", "public", "taux", "heures_max")
LIBELLES_COLONNES = {
    "contrat": "Contrat",
    "public": "Public",
    "taux": "Taux (%)",
    "heures_max": "Heures max.",
    "ligne": "Ligne",
}
ALIAS = {
    "public_prioritaire": "public",
    "taux_de_prise_en_charge": "taux",
    "taux_%": "taux",
    "heures": "heures_max",
    "heures_maximum": "heures_max",
    "duree_hebdomadaire": "heures_max",
}
FORMATS = {"csv": "CSV", "xlsx": "XLSX"}
MAX_LIGNES = 5000


class ErreurFichier(ValueError):
    """The file as a whole cannot be read (type, encoding, columns, emptiness)."""


class Formule(str):
    """A cell holding a spreadsheet formula: refused, the value must be typed."""


def normaliser(texte) -> str:
    texte = unicodedata.normalize("NFKD", str(texte or "")).encode("ascii", "ignore").decode()
    return "_".join(texte.strip().lower().replace("-", " ").replace("'", " ").split())


def format_du_fichier(nom: str, debut: bytes) -> str:
    """``csv`` or ``xlsx`` from the name, checked against the first bytes (an XLSX is a ZIP archive)."""
    extension = nom.rsplit(".", 1)[-1].lower() if "." in nom else ""
    if extension not in FORMATS:
        raise ErreurFichier(f"Type de fichier non accepté (« .{extension} ») : déposez un fichier .csv ou .xlsx.")
    if extension == "xlsx" and not debut.startswith(b"PK\x03\x04"):
        raise ErreurFichier("Ce fichier n'est pas un classeur XLSX valide : enregistrez-le au format Excel (.xlsx).")
    if extension == "csv" and (b"\x00" in debut or debut.startswith(b"PK\x03\x04")):
        raise ErreurFichier("Ce fichier n'est pas un fichier texte CSV : enregistrez-le au format « CSV UTF-8 ».")
    return extension


def lire_tableau(format_: str, contenu: bytes) -> tuple[list, list[list]]:
    """The header and the rows (empty rows dropped) of the first sheet of an XLSX, or of a CSV in UTF-8."""
    lignes = _lire_xlsx(contenu) if format_ == "xlsx" else _lire_csv(contenu)
    lignes = [ligne for ligne in lignes if any(v not in (None, "") for v in ligne)]
    if not lignes:
        raise ErreurFichier("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par taux.")
    if len(lignes) - 1 > MAX_LIGNES:
        raise ErreurFichier(f"Le fichier contient {len(lignes) - 1} lignes : {MAX_LIGNES} au plus sont acceptées.")
    return lignes[0], lignes[1:]


# What openpyxl raises on a file that is not a readable workbook: not a zip (or a protected OLE file), a zip
# without the workbook's parts, a broken part, broken XML (ElementTree's and lxml's ParseError are SyntaxErrors),
# a value it refuses. Anything else is a bug of ours and is not turned into « illisible ».
ERREURS_DE_CLASSEUR = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    SyntaxError,
    ValueError,
    InvalidFileException,
)
MESSAGE_CLASSEUR_ILLISIBLE = "Ce classeur XLSX est illisible ou protégé : enregistrez-le à nouveau au format .xlsx."


def _lire_xlsx(contenu: bytes) -> list[list]:
    try:
        classeur = load_workbook(io.BytesIO(contenu), read_only=True, data_only=False)
    except ERREURS_DE_CLASSEUR:
        raise ErreurFichier(MESSAGE_CLASSEUR_ILLISIBLE) from None
    try:
        feuille = classeur.worksheets[0]
        lignes = []
        for ligne in feuille.iter_rows():
            valeurs = []
            for cellule in ligne:
                valeur = getattr(cellule, "value", None)
                if getattr(cellule, "data_type", None) == "f" or (isinstance(valeur, str) and valeur.startswith("=")):
                    valeur = Formule(str(valeur))
                valeurs.append(valeur)
            lignes.append(valeurs)
            if len(lignes) > MAX_LIGNES + 1:
                break
        return lignes
    except ERREURS_DE_CLASSEUR:  # a sheet whose XML breaks half-way
        raise ErreurFichier(MESSAGE_CLASSEUR_ILLISIBLE) from None
    finally:
        classeur.close()


def _lire_csv(contenu: bytes) -> list[list]:
    try:
        texte = contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ErreurFichier(
            "Le fichier n'est pas encodé en UTF-8 (accents illisibles) : enregistrez-le au format « CSV UTF-8 »."
        ) from None
    premiere = texte.split("\n", 1)[0]
    separateur = max(";,\t", key=premiere.count)
    lignes = []
    for ligne in csv.reader(io.StringIO(texte), delimiter=separateur):
        lignes.append([Formule(v) if v.strip().startswith(("=", "@")) else v for v in ligne])
    return lignes


def colonnes(entete: list) -> list[str]:
    """The expected column of each header cell; raises ``ErreurFichier`` on missing or unexpected columns."""
    noms = [ALIAS.get(normaliser(v), normaliser(v)) for v in entete]
    while noms and not noms[-1]:
        noms.pop()
    manquantes = [c for c in COLONNES if c not in noms]
    en_trop = [str(entete[i]) or f"colonne {i + 1} sans titre" for i, n in enumerate(noms) if n not in COLONNES]
    doublons = sorted({n for n in noms if n in COLONNES and noms.count(n) > 1})
    messages = []
    if manquantes:
        messages.append(f"Colonne(s) manquante(s) : {', '.join(manquantes)}.")
    if en_trop:
        messages.append(f"Colonne(s) inattendue(s) : {', '.join(en_trop)}.")
    if doublons:
        messages.append(f"Colonne(s) en double : {', '.join(doublons)}.")
    if messages:
        messages.append(f"Colonnes attendues, dans n'importe quel ordre : {', '.join(COLONNES)}.")
        raise ErreurFichier(" ".join(messages))
    return noms


def _texte(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        valeur = int(valeur)
    return str(valeur).strip()


def verifier_lignes(
    noms: list[str],
    lignes: list[list],
    publics: dict[str, tuple[str, str]],
    avec_cie: bool,
    progression: Callable[[int], None] | None = None,
) -> list[dict]:
    """The outcome of each row: ``{"numero", "valeurs", "erreurs", "donnees"}``. ``numero`` is the row number in
    the spreadsheet (header = 1); ``erreurs`` maps a column (or ``ligne``) to its French message; ``donnees`` is
    what will be written (``None`` when the row has an error). ``publics`` maps a normalised code or label to
    (code, label)."""
    resultats = []
    vus: dict[tuple[str, str], int] = {}
    for i, ligne in enumerate(lignes):
        numero = i + 2
        brut = dict(zip(noms, ligne, strict=False))
        valeurs = {c: _texte(brut.get(c)) for c in COLONNES}
        erreurs: dict[str, str] = {}
        if len([v for v in ligne[len(noms) :] if v not in (None, "")]):
            erreurs["ligne"] = "Valeur hors des colonnes attendues : supprimez-la ou ajoutez l'en-tête."
        for colonne in COLONNES:
            if isinstance(brut.get(colonne), Formule):
                erreurs[colonne] = f"Formule interdite ({brut[colonne][:40]}) : saisissez la valeur elle-même."
        contrat = valeurs["contrat"].upper()
        if "contrat" not in erreurs and contrat not in ("CAE", "CIE"):
            erreurs["contrat"] = f"Contrat « {valeurs['contrat']} » inconnu : CAE ou CIE attendu."
        public = publics.get(normaliser(valeurs["public"]))
        if "public" not in erreurs and public is None:
            erreurs["public"] = (
                f"Public « {valeurs['public']} » inconnu : indiquez le code ou le libellé d'un public prioritaire."
                if valeurs["public"]
                else "Public manquant."
            )
        taux = heures = None
        for colonne in ("taux", "heures_max"):
            if colonne in erreurs:
                continue
            try:
                nombre = lire_decimal(brut.get(colonne))
            except RegleArreteError as exc:
                erreurs[colonne] = str(exc)
                continue
            if colonne == "taux":
                if nombre != nombre.quantize(Decimal("0.01")):
                    erreurs["taux"] = "Le taux a au plus deux décimales (exemple : 90,25)."
                taux = nombre
            else:
                heures = nombre
        if taux is not None and heures is not None and "contrat" not in erreurs and public is not None:
            for colonne, message in erreurs_taux(contrat, public[0], taux, heures, avec_cie).items():
                erreurs.setdefault(colonne, message)
        if public is not None and "contrat" not in erreurs:
            cle = (contrat, public[0])
            if cle in vus:
                erreurs.setdefault(
                    "public", f"Doublon : le taux {contrat} pour « {public[1]} » figure déjà ligne {vus[cle]}."
                )
            else:
                vus[cle] = numero
        donnees = None
        if not erreurs:
            donnees = {"contrat": contrat, "public_code": public[0], "taux": str(taux), "heures_max": int(heures)}
        resultats.append({"numero": numero, "valeurs": valeurs, "erreurs": erreurs, "donnees": donnees})
        if progression and (i + 1) % 100 == 0:
            progression(i + 1)
    return resultats
