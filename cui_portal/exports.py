"""XLSX exports (openpyxl, write-only): one helper for every list, dashboard and report.

``classeur_xlsx`` returns the workbook as bytes (small exports answered in the request); ``fichier_xlsx`` streams
a large one row by row from an iterator (a scoped queryset's ``.iterator(chunk_size=…)``) into a temporary file
on disk, so that neither the rows nor the finished file are ever held in memory (the deferred jobs of
``cui_portal.travaux`` return its path).
"""

import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl.cell import WriteOnlyCell

TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def cellule_sure(valeur):
    """A value safe to put in a spreadsheet: text that a spreadsheet would run as a formula is neutralised."""
    if isinstance(valeur, str) and valeur.startswith(_DEBUTS_DE_FORMULE):
        return "'" + valeur
    return valeur


def _cellule(feuille, valeur):
    """A plain value as it is (the cheapest cell of openpyxl); a styled cell only for dates and amounts."""
    if isinstance(valeur, datetime):
        format_ = "dd/mm/yyyy hh:mm"
    elif isinstance(valeur, date):
        format_ = "dd/mm/yyyy"
    elif isinstance(valeur, Decimal):
        format_ = "#,##0.00"
    else:
        return cellule_sure(valeur)
    cellule = WriteOnlyCell(feuille, value=valeur)
    cellule.number_format = format_
    return cellule


def ecrire_classeur(feuilles: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]], destination) -> None:
    """Write a workbook into ``destination`` (a path or a binary file): each sheet is (title, header, rows), the
    rows consumed one by one (openpyxl ``write_only``). Dates and amounts keep French number formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    classeur = Workbook(write_only=True)
    for titre, entetes, lignes in feuilles:
        feuille = classeur.create_sheet(title=titre[:31])
        ligne_entete = []
        for entete in entetes:
            cellule = WriteOnlyCell(feuille, value=entete)
            cellule.font = Font(bold=True)
            ligne_entete.append(cellule)
        feuille.append(ligne_entete)
        for ligne in lignes:
            feuille.append([_cellule(feuille, valeur) for valeur in ligne])
    classeur.save(destination)


def classeur_xlsx(feuilles: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """The workbook as bytes (for the exports small enough to be answered in the request)."""
    tampon = BytesIO()
    ecrire_classeur(feuilles, tampon)
    return tampon.getvalue()


def fichier_xlsx(feuilles: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> Path:
    """The workbook streamed into a temporary file; the caller (``rappels.travaux``) stores it then deletes it."""
    with tempfile.NamedTemporaryFile(prefix="export-", suffix=".xlsx", delete=False) as fichier:
        chemin = Path(fichier.name)
    try:
        ecrire_classeur(feuilles, chemin)
    except BaseException:
        chemin.unlink(missing_ok=True)
        raise
    return chemin


def reponse_xlsx(nom_fichier: str, feuilles) -> HttpResponse:
    reponse = HttpResponse(classeur_xlsx(feuilles), content_type=TYPE_XLSX)
    reponse["Content-Disposition"] = f'attachment; filename="{slugify(nom_fichier)}.xlsx"'
    return reponse
