"""Reading and checking a rates file (CSV or XLSX) row by row, without writing anything.

Expected columns: ``contrat`` (CAE or CIE), ``public`` (code or label of a priority public), ``taux`` (percent,
``90`` or ``90,5``) and ``heures_max`` (``HEURES_MIN`` to ``HEURES_MAX``). Every error is French and names its row
and column, so that the preview can show the outcome of each row; the caller writes only when no row has an error.
The file is read by ``cui_portal.tableurs`` within ``bornes()`` (size, rows, columns, characters per cell, the
workbook's inflated size), and a message quotes at most an excerpt of a cell.
"""

import unicodedata
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings

from cui_portal.tableurs import Bornes, Ligne, TableurRefuse, extrait, lire_tableur

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
MAX_LIGNES = 5000
MAX_COLONNES = 30  # a rates file has 4 columns; a few more are refused at their row, beyond the file is refused
MAX_CARACTERES = 200  # per cell: a public's label is the longest expected value

# The file as a whole cannot be read (type, encoding, size, bounds, columns, emptiness).
ErreurFichier = TableurRefuse


def bornes() -> Bornes:
    return Bornes(
        octets=settings.TAILLE_MAX_IMPORT, lignes=MAX_LIGNES, colonnes=MAX_COLONNES, caracteres=MAX_CARACTERES
    )


def est_une_formule(valeur: str) -> bool:
    """A spreadsheet formula (or what a spreadsheet would run as one): refused, the value must be typed."""
    return valeur.strip().startswith(("=", "@"))


def normaliser(texte) -> str:
    texte = unicodedata.normalize("NFKD", str(texte or "")).encode("ascii", "ignore").decode()
    return "_".join(texte.strip().lower().replace("-", " ").replace("'", " ").split())


def lire_tableau(format_: str, contenu: bytes) -> tuple[tuple[str, ...], list[Ligne]]:
    """The header and the non-empty rows of a rates file, read within ``bornes()`` (``cui_portal.tableurs``)."""
    lignes = lire_tableur(format_, contenu, bornes())
    if not lignes:
        raise ErreurFichier("Le fichier est vide : il doit contenir une ligne d'en-tête puis une ligne par taux.")
    return lignes[0].cellules, lignes[1:]


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


def verifier_lignes(
    noms: list[str],
    lignes: list[Ligne],
    publics: dict[str, tuple[str, str]],
    avec_cie: bool,
    progression: Callable[[int], None] | None = None,
) -> list[dict]:
    """The outcome of each row: ``{"numero", "valeurs", "erreurs", "donnees"}``. ``numero`` is the row number in
    the spreadsheet (header = 1, empty rows counted); ``erreurs`` maps a column (or ``ligne``) to its French
    message; ``donnees`` is what will be written (``None`` when the row has an error). ``publics`` maps a
    normalised code or label to (code, label)."""
    resultats = []
    vus: dict[tuple[str, str], int] = {}
    for i, (numero, cellules) in enumerate(lignes):
        brut = dict(zip(noms, cellules, strict=False))
        valeurs = {c: brut.get(c, "").strip() for c in COLONNES}
        erreurs: dict[str, str] = {}
        if any(v.strip() for v in cellules[len(noms) :]):
            erreurs["ligne"] = "Valeur hors des colonnes attendues : supprimez-la ou ajoutez l'en-tête."
        for colonne in COLONNES:
            if est_une_formule(brut.get(colonne, "")):
                erreurs[colonne] = f"Formule interdite ({extrait(brut[colonne])}) : saisissez la valeur elle-même."
        contrat = valeurs["contrat"].upper()
        if "contrat" not in erreurs and contrat not in ("CAE", "CIE"):
            erreurs["contrat"] = f"Contrat « {extrait(valeurs['contrat'])} » inconnu : CAE ou CIE attendu."
        public = publics.get(normaliser(valeurs["public"]))
        if "public" not in erreurs and public is None:
            erreurs["public"] = (
                f"Public « {extrait(valeurs['public'])} » inconnu : indiquez le code ou le libellé d'un public "
                "prioritaire."
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
