"""Rates files built in the tests (XLSX with openpyxl, CSV as bytes)."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from .factories import TAUX_CAE, TAUX_CIE

PUBLICS = [
    "jeunes-moins-26-ans",
    "demandeurs-emploi-longue-duree",
    "beneficiaires-rsa",
    "beneficiaires-ass",
    "beneficiaires-aah",
    "travailleurs-handicapes",
    "seniors-50-ans",
    "salaries-aci",
    "autres-publics",
]
ENTETE = ["contrat", "public", "taux", "heures_max"]


def lignes_completes(avec_cie=True):
    lignes = [["CAE", code, TAUX_CAE.get(code, 90), 26 if code in TAUX_CAE else 20] for code in PUBLICS]
    if avec_cie:
        lignes += [["CIE", code, TAUX_CIE.get(code, 30), 35] for code in PUBLICS]
    return lignes


def xlsx(lignes, entete=ENTETE) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    if entete:
        feuille.append(entete)
    for ligne in lignes:
        feuille.append(ligne)
    tampon = BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def csv_(lignes, entete=ENTETE, separateur=";", encodage="utf-8") -> bytes:
    texte = "\n".join(separateur.join(str(v) for v in ligne) for ligne in [entete, *lignes] if ligne)
    return texte.encode(encodage)


def fichier(contenu: bytes, nom="taux.xlsx"):
    return SimpleUploadedFile(nom, contenu, content_type="application/octet-stream")
