"""Reading and checking an ASP statement (CSV or XLSX) row by row, without writing anything (no ORM here).

Expected columns, in any order: ``convention`` (its number, « CAE-075-2010-000123 »), ``mois`` (``03/2010``, or a
date), ``montant_etat`` and ``montant_conseil_general`` (euros, ``1 043,38`` or ``1043.38``). Every error is
French and names its row and column, so that the preview shows the outcome of each row; the caller writes only
when no row has an error. The conventions the rows name are looked up beforehand, in a few queries, by
``services.index_conventions``: checking a row is then a dictionary look-up.
"""

from collections.abc import Callable

from django.conf import settings

from arretes.importation import est_une_formule, normaliser
from cui_portal.tableurs import Bornes, Ligne, TableurRefuse, extrait, format_du_fichier, lire_tableur

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
MAX_COLONNES = 30  # a statement has 4 columns; a few more are refused at their row, beyond the file is refused
MAX_CARACTERES = 100  # per cell: a convention number is the longest expected value
PAS_DE_PROGRESSION = 5000

# The file as a whole cannot be read (type, encoding, size, bounds, columns, emptiness).
ErreurFichier = TableurRefuse


OCTETS_DECOMPRESSES = 96 * 1024 * 1024  # a 200 000-row sheet inflates to about 50 Mo of XML
CHAINES_PARTAGEES = 2 * MAX_LIGNES  # each convention number and month may be a shared string


def bornes() -> Bornes:
    return Bornes(
        octets=settings.TAILLE_MAX_IMPORT,
        lignes=MAX_LIGNES,
        colonnes=MAX_COLONNES,
        caracteres=MAX_CARACTERES,
        octets_decompresses=OCTETS_DECOMPRESSES,
        chaines_partagees=CHAINES_PARTAGEES,
    )


def lire_tableau(format_: str, contenu: bytes) -> tuple[tuple[str, ...], list[Ligne]]:
    """The header and the non-empty rows of a statement, read within ``bornes()`` (``cui_portal.tableurs``)."""
    lignes = lire_tableur(format_, contenu, bornes())
    if not lignes:
        raise ErreurFichier("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par paiement.")
    return lignes[0].cellules, lignes[1:]


# --- checking ----------------------------------------------------------------------------------------


def colonnes(entete: list) -> list[str]:
    """The expected column of each header cell; raises ``ErreurFichier`` on missing or unexpected columns."""
    noms = [ALIAS.get(normaliser(v), normaliser(v)) for v in entete]
    while noms and not noms[-1]:
        noms.pop()
    manquantes = [c for c in COLONNES if c not in noms]
    en_trop = [extrait(entete[i]) or f"colonne {i + 1} sans titre" for i, n in enumerate(noms) if n not in COLONNES]
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


def _positions(noms: list[str]) -> tuple[int, ...]:
    return tuple(noms.index(c) for c in COLONNES)


def numeros(noms: list[str], lignes: list[Ligne]) -> set[str]:
    """The convention numbers the rows name (to look them up in one go)."""
    i = noms.index("convention")
    return {ligne.cellules[i].strip().upper() for ligne in lignes if i < len(ligne.cellules)}


def verifier_lignes(
    noms: list[str],
    lignes: list[Ligne],
    conventions: dict[str, ConventionConnue],
    region_id: int,
    regions: dict[int, str],
    progression: Callable[[int], None] | None = None,
) -> list[dict]:
    """The outcome of each row: ``{"numero", "valeurs", "erreurs", "donnees"}``. ``numero`` is the row number in
    the sheet (header = 1, empty rows counted); ``valeurs`` the four cells as typed; ``erreurs`` maps a column
    (or ``ligne``) to its French message; ``donnees`` is what will be written,
    ``[convention_id, "AAAA-MM-01", etat, cg]`` (``None`` when the row has an error). ``conventions`` maps an
    upper-case number to what the portal knows of it."""
    positions = _positions(noms)
    largeur = len(noms)
    resultats = []
    vus: dict[tuple[int, object], int] = {}
    for i, (numero_ligne, cellules) in enumerate(lignes):
        valeurs = [cellules[p].strip() if p < len(cellules) else "" for p in positions]
        erreurs: dict[str, str] = {}
        if any(v.strip() for v in cellules[largeur:]):
            erreurs["ligne"] = "Valeur hors des colonnes attendues : supprimez-la ou ajoutez l'en-tête."
        for colonne, valeur in zip(COLONNES, valeurs, strict=True):
            if valeur[:1] in ("=", "@") and est_une_formule(valeur):
                erreurs[colonne] = f"Formule interdite ({extrait(valeur)}) : saisissez la valeur elle-même."
        numero = valeurs[0].upper()
        connue = conventions.get(numero)
        if "convention" not in erreurs and (message := erreur_convention(numero, connue, region_id, regions)):
            erreurs["convention"] = message
        mois = None
        if "mois" not in erreurs:
            try:
                mois = lire_mois(valeurs[1])
            except RegleReleveError as exc:
                erreurs["mois"] = str(exc)
        montants = []
        for colonne, valeur in zip(COLONNES[2:], valeurs[2:], strict=True):
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
