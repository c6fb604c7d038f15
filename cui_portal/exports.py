"""XLSX exports (openpyxl, write-only): one helper for every list, dashboard and report."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse
from django.utils.text import slugify

TYPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def cellule_sure(valeur):
    """A value safe to put in a spreadsheet: text that a spreadsheet would run as a formula is neutralised."""
    if isinstance(valeur, str) and valeur.startswith(_DEBUTS_DE_FORMULE):
        return "'" + valeur
    return valeur


def classeur_xlsx(feuilles: Sequence[tuple[str, Sequence[str], Iterable[Sequence]]]) -> bytes:
    """Build a workbook: each sheet is (title, header, rows). Dates and amounts keep French number formats."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
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
            cellules = []
            for valeur in ligne:
                cellule = WriteOnlyCell(feuille, value=cellule_sure(valeur))
                if isinstance(valeur, datetime):
                    cellule.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(valeur, date):
                    cellule.number_format = "dd/mm/yyyy"
                elif isinstance(valeur, Decimal):
                    cellule.number_format = "#,##0.00"
                cellules.append(cellule)
            feuille.append(cellules)
    tampon = BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def reponse_xlsx(nom_fichier: str, feuilles) -> HttpResponse:
    reponse = HttpResponse(classeur_xlsx(feuilles), content_type=TYPE_XLSX)
    reponse["Content-Disposition"] = f'attachment; filename="{slugify(nom_fichier)}.xlsx"'
    return reponse
