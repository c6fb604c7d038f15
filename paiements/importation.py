"""Reading and checking an ASP statement (CSV or XLSX) row by row, without writing anything (no ORM here).

Expected columns, in any order: ``convention`` (its number, « CAE-075-2010-000123 »), ``mois`` (``03/2010``, or a
date), ``montant_etat`` and ``montant_conseil_general`` (euros, ``1 043,38`` or ``1043.38``). Every error is
French and names its row and column, so that the preview shows the outcome of each row; the caller writes only
when no row has an error. The conventions the rows name are looked up beforehand, in a few queries, by
``services.index_conventions``: checking a row is then a dictionary look-up.
"""

import csv
import io
from collections.abc import Callable

from openpyxl import load_workbook

from arretes.importation import (
    ERREURS_DE_CLASSEUR,
    MESSAGE_CLASSEUR_ILLISIBLE,
    ErreurFichier,
    Formule,
    format_du_fichier,
    normaliser,
)

from .regles import (
    ConventionConnue,
    RegleReleveError,
    erreur_convention,
    erreur_doublon,
    erreur_mois,
    lire_mois,
    lire_montant,
)

__all__ = ["ErreurFichier", "format_du_fichier"]  # re-exported for the form and the services

COLONNES = ("convention", "mois", "montant_etat", "montant_conseil_general")
LIBELLES_COLONNES = {
    "convention": "Convention",
    "mois": "Mois",
    "montant_etat": "Payé par l'État (€)",
    "montant_conseil_general": "Payé par le conseil général (€)",
    "ligne": "Ligne",
}
ALIAS = {
    "numero_de_convention": "convention",
    "numero_convention": "convention",
    "n_de_convention": "convention",
    "n_convention": "convention",
    "numero": "convention",
    "mois_d_aide": "mois",
    "mois_de_l_aide": "mois",
    "periode": "mois",
    "etat": "montant_etat",
    "montant_paye_par_l_etat": "montant_etat",
    "paye_par_l_etat": "montant_etat",
    "part_etat": "montant_etat",
    "conseil_general": "montant_conseil_general",
    "cg": "montant_conseil_general",
    "montant_cg": "montant_conseil_general",
    "montant_paye_par_le_conseil_general": "montant_conseil_general",
    "paye_par_le_conseil_general": "montant_conseil_general",
    "part_conseil_general": "montant_conseil_general",
}
# A region's monthly statement: one row per convention in force and month paid (≈ 50 000 in Île-de-France).
MAX_LIGNES = 200_000
PAS_DE_PROGRESSION = 5000


# --- reading: one function, the only one to change when cui_portal.tableurs lands ------------------------


def lire_tableau(format_: str, contenu: bytes) -> tuple[list, list[list]]:
    """The header and the rows (empty rows dropped) of the first sheet of an XLSX, or of a CSV in UTF-8, at
    most ``MAX_LIGNES`` rows; formulas come back as ``Formule``."""
    lignes = _lire_xlsx(contenu) if format_ == "xlsx" else _lire_csv(contenu)
    lignes = [ligne for ligne in lignes if any(v not in (None, "") for v in ligne)]
    if not lignes:
        raise ErreurFichier("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par paiement.")
    if len(lignes) - 1 > MAX_LIGNES:
        raise ErreurFichier(f"Le fichier contient plus de {MAX_LIGNES} lignes : découpez le relevé par mois.")
    return lignes[0], lignes[1:]


def _lire_xlsx(contenu: bytes) -> list[list]:
    try:
        classeur = load_workbook(io.BytesIO(contenu), read_only=True, data_only=False)
    except ERREURS_DE_CLASSEUR:
        raise ErreurFichier(MESSAGE_CLASSEUR_ILLISIBLE) from None
    try:
        lignes = []
        for ligne in classeur.worksheets[0].iter_rows():
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
    except ERREURS_DE_CLASSEUR:
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
        lignes.append([Formule(v) if v[:1] in ("=", "@") else v for v in ligne])
        if len(lignes) > MAX_LIGNES + 1:
            break
    return lignes


# --- checking ----------------------------------------------------------------------------------------


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
    if hasattr(valeur, "strftime"):
        return f"{valeur:%d/%m/%Y}"
    return str(valeur).strip()


def _positions(noms: list[str]) -> tuple[int, ...]:
    return tuple(noms.index(c) for c in COLONNES)


def numeros(noms: list[str], lignes: list[list]) -> set[str]:
    """The convention numbers the rows name (to look them up in one go)."""
    i = noms.index("convention")
    return {_texte(ligne[i]).upper() for ligne in lignes if i < len(ligne) and not isinstance(ligne[i], Formule)}


def verifier_lignes(
    noms: list[str],
    lignes: list[list],
    conventions: dict[str, ConventionConnue],
    region_id: int,
    regions: dict[int, str],
    progression: Callable[[int], None] | None = None,
) -> list[dict]:
    """The outcome of each row: ``{"numero", "valeurs", "erreurs", "donnees"}``. ``numero`` is the row number in
    the sheet (header = 1); ``valeurs`` the four cells as typed; ``erreurs`` maps a column (or ``ligne``) to its
    French message; ``donnees`` is what will be written, ``[convention_id, "AAAA-MM-01", etat, cg]`` (``None``
    when the row has an error). ``conventions`` maps an upper-case number to what the portal knows of it."""
    positions = _positions(noms)
    largeur = len(noms)
    resultats = []
    vus: dict[tuple[int, object], int] = {}
    for i, ligne in enumerate(lignes):
        numero_ligne = i + 2
        brut = [ligne[p] if p < len(ligne) else None for p in positions]
        valeurs = [_texte(v) for v in brut]
        erreurs: dict[str, str] = {}
        if any(v not in (None, "") for v in ligne[largeur:]):
            erreurs["ligne"] = "Valeur hors des colonnes attendues : supprimez-la ou ajoutez l'en-tête."
        for colonne, valeur in zip(COLONNES, brut, strict=True):
            if isinstance(valeur, Formule):
                erreurs[colonne] = f"Formule interdite ({valeur[:40]}) : saisissez la valeur elle-même."
        numero = valeurs[0].upper()
        connue = conventions.get(numero)
        if "convention" not in erreurs and (message := erreur_convention(numero, connue, region_id, regions)):
            erreurs["convention"] = message
        mois = None
        if "mois" not in erreurs:
            try:
                mois = lire_mois(brut[1])
            except RegleReleveError as exc:
                erreurs["mois"] = str(exc)
        montants = []
        for colonne, valeur in zip(COLONNES[2:], brut[2:], strict=True):
            if colonne in erreurs:
                continue
            try:
                montants.append(lire_montant(valeur))
            except RegleReleveError as exc:
                erreurs[colonne] = str(exc)
        if mois is not None and connue is not None and "convention" not in erreurs:
            if message := erreur_mois(numero, mois, connue):
                erreurs["mois"] = message
            else:
                cle = (connue.id, mois)
                if message := erreur_doublon(numero, mois, vus.get(cle)):
                    erreurs["ligne"] = message
                else:
                    vus[cle] = numero_ligne
        donnees = None
        if not erreurs:
            donnees = [connue.id, mois.isoformat(), str(montants[0]), str(montants[1])]
        resultats.append({"numero": numero_ligne, "valeurs": valeurs, "erreurs": erreurs, "donnees": donnees})
        if progression and (i + 1) % PAS_DE_PROGRESSION == 0:
            progression(i + 1)
    return resultats
