"""The bounded reader of uploaded spreadsheets (``cui_portal.tableurs``): hostile files are refused in French, at the
first bound exceeded, before openpyxl or csv hold them. Speed is measured in the report, never asserted here: the
tests check which bound refused the file, and that openpyxl was not even opened when the archive's declared sizes
already said no."""

from dataclasses import replace

import pytest

from cui_portal import tableurs
from cui_portal.tableurs import Bornes, Ligne, TableurRefuse, extrait, format_du_fichier, lire_tableur
from tests.arretes.fichiers import csv_, lignes_completes, xlsx
from tests.fichiers_hostiles import chaine_partagee, classeur, feuille_d_une_ligne, mentir_sur_la_taille

BORNES = Bornes(octets=8 * 1024 * 1024, lignes=5000, colonnes=30, caracteres=200)
# The same bounds without the declared-size checks: what the streaming checks alone do.
SANS_TAILLES_DECLAREES = replace(BORNES, octets_decompresses=10**10, ratio=10**9, octets_par_annexe=10**10)


@pytest.fixture(scope="module")
def chaine_de_300_mo():
    return classeur(chaine_partagee(300_000_000))


@pytest.fixture(scope="module")
def ligne_de_3_millions_de_cellules():
    return classeur(feuille_d_une_ligne(3_000_000))


@pytest.fixture
def sans_openpyxl(monkeypatch):
    def interdit(*args, **kwargs):
        raise AssertionError("openpyxl ne devait pas ouvrir ce classeur")

    monkeypatch.setattr(tableurs, "load_workbook", interdit)


def refus(format_, contenu, bornes=BORNES) -> str:
    with pytest.raises(TableurRefuse) as exc:
        lire_tableur(format_, contenu, bornes)
    message = str(exc.value)
    assert len(message) < 400, message  # a cell is quoted by an excerpt, never whole
    return message


def test_un_classeur_sain_donne_des_lignes_de_textes_numerotees():
    lignes = lire_tableur(
        "xlsx", xlsx([["CAE", "autres-publics", 90.25, 20.0], [], ["CIE", "x", "=A1*2", True]]), BORNES
    )
    assert lignes == [
        Ligne(1, ("contrat", "public", "taux", "heures_max")),
        Ligne(2, ("CAE", "autres-publics", "90.25", "20")),
        Ligne(4, ("CIE", "x", "=A1*2", "VRAI")),
    ]


def test_une_chaine_partagee_de_300_mo_est_refusee_par_les_tailles_declarees(chaine_de_300_mo, sans_openpyxl):
    assert len(chaine_de_300_mo) < 400 * 1024  # the test file is small; it inflates to 300 MB
    message = refus("xlsx", chaine_de_300_mo)
    assert "une fois décompressé" in message and "32 Mo au plus" in message


def test_une_chaine_partagee_de_300_mo_est_refusee_en_flux_au_premier_morceau(chaine_de_300_mo, sans_openpyxl):
    message = refus("xlsx", chaine_de_300_mo, SANS_TAILLES_DECLAREES)
    assert "un texte de plus de 200 caractères" in message
    assert "« " + "a" * 60 + "… »" in message


def test_une_chaine_qui_ment_sur_sa_taille_est_coupee_par_zipfile(chaine_de_300_mo, sans_openpyxl):
    """The central directory declares 1 000 bytes: zipfile inflates no more, and the CRC then fails."""
    menteur = mentir_sur_la_taille(chaine_de_300_mo, "xl/sharedStrings.xml", 1000)
    assert "illisible ou protégé" in refus("xlsx", menteur, SANS_TAILLES_DECLAREES)


def test_une_ligne_de_3_millions_de_cellules_est_refusee(ligne_de_3_millions_de_cellules, sans_openpyxl):
    assert len(ligne_de_3_millions_de_cellules) < 400 * 1024
    assert "une fois décompressé" in refus("xlsx", ligne_de_3_millions_de_cellules)
    message = refus("xlsx", ligne_de_3_millions_de_cellules, SANS_TAILLES_DECLAREES)
    assert message == "La ligne 1 compte plus de 30 colonnes : 30 au plus sont acceptées."


def test_une_partie_anormalement_compressee_est_refusee(sans_openpyxl):
    bombe = classeur(feuille_d_une_ligne(3_000_000, b"<c/>"))  # 12 MB of empty cells in a few kilobytes
    assert "anormalement compressé" in refus("xlsx", bombe, replace(BORNES, octets_decompresses=10**9))


def test_une_valeur_au_dela_des_colonnes_ou_des_lignes_est_refusee_en_flux(sans_openpyxl):
    loin = {"xl/worksheets/sheet1.xml": [b'<worksheet><sheetData><row r="1"><c r="AF1"><v>1</v></c></row>']}
    loin["xl/worksheets/sheet1.xml"].append(b"</sheetData></worksheet>")
    assert "plus de 30 colonnes" in refus("xlsx", classeur(loin))
    bas = {"xl/worksheets/sheet1.xml": [b'<worksheet><sheetData><row r="99999"><c><v>1</v></c></row></sheetData>']}
    bas["xl/worksheets/sheet1.xml"].append(b"</worksheet>")
    assert "plus de 5000 lignes après l'en-tête" in refus("xlsx", classeur(bas))


def test_trop_de_lignes_pleines_est_refuse_a_la_premiere_en_trop():
    bornes = replace(BORNES, lignes=10)
    assert len(lire_tableur("xlsx", xlsx(lignes_completes()[:10]), bornes)) == 11
    assert "plus de 10 lignes" in refus("xlsx", xlsx(lignes_completes()[:11]), bornes)
    assert "plus de 10 lignes" in refus("csv", csv_(lignes_completes()[:11]), bornes)


def test_un_classeur_avec_une_dtd_est_refuse(sans_openpyxl):
    rires = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData/></worksheet>'
    assert "illisible" in refus("xlsx", classeur({"xl/worksheets/sheet1.xml": [rires]}))
    assert "illisible" in refus("xlsx", classeur({"xl/styles.xml": [rires]}))


def test_le_fichier_trop_lourd_est_refuse_avant_toute_lecture():
    assert "la taille maximale est de 1 Ko" in refus("csv", b"x" * 1025, replace(BORNES, octets=1024))


def test_csv_aux_fins_de_ligne_cr_seules():
    contenu = b"contrat;public;taux;heures_max\rCAE;autres-publics;90;20\rCIE;autres-publics;30;35\r"
    assert [ligne.cellules for ligne in lire_tableur("csv", contenu, BORNES)][1:] == [
        ("CAE", "autres-publics", "90", "20"),
        ("CIE", "autres-publics", "30", "35"),
    ]


@pytest.mark.parametrize("fin", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("separateur", [";", ",", "\t"])
def test_csv_separateurs_et_fins_de_ligne(separateur, fin):
    texte = fin.join(separateur.join(ligne) for ligne in [["contrat", "public"], ["CAE", '"a; b, c"']]) + fin
    lignes = lire_tableur("csv", ("\ufeff" + texte).encode(), BORNES)
    assert lignes == [Ligne(1, ("contrat", "public")), Ligne(2, ("CAE", "a; b, c"))]


def test_csv_windows_1252_et_encodage_inconnu():
    assert lire_tableur("csv", "public\nBénéficiaires\n".encode("cp1252"), BORNES)[1].cellules == ("Bénéficiaires",)
    assert "encodage du fichier n'est pas reconnu" in refus("csv", b"public\n\x81\x8d\xc3\n")


def test_csv_un_champ_entre_guillemets_de_7_mo_est_refuse():
    contenu = b'contrat;public;taux;heures_max\nCAE;"' + b"x" * 7_000_000 + b'";90;20\n'
    message = refus("csv", contenu)
    assert message.startswith("La ligne 2 compte plus de") and "« " + "C" in message and "… »" in message


def test_csv_un_champ_de_7_mo_sur_plusieurs_lignes_bute_sur_la_limite_du_module_csv():
    contenu = b'contrat;public\nCAE;"' + b"x" * 99 + (b"\n" + b"x" * 99) * 70_000 + b'"\n'
    assert (
        refus("csv", contenu)
        == "La ligne 2 a une cellule de plus de 200 caractères : 200 au plus sont acceptés par cellule."
    )


def test_csv_trop_de_colonnes_et_cellule_trop_longue():
    assert "La ligne 2 compte plus de 30 colonnes" in refus("csv", b"a;b\n" + b";" * 40 + b"x\n")
    message = refus("csv", b"a;b\nCAE;" + b"y" * 500 + b"\n")
    assert message.startswith("La ligne 2 a une cellule de plus de 200 caractères (« " + "y" * 60 + "… »)")


def test_csv_mal_forme_est_refuse_en_francais():
    assert "La ligne 2 du fichier CSV est mal formée" in refus("csv", b'a;b\nCAE;"x\n')
    assert "mal formée" in refus("csv", b'a;b\nCAE;"x"y\n')


def test_type_du_fichier_et_extrait():
    assert format_du_fichier("taux.XLSX", b"PK\x03\x04") == "xlsx"
    with pytest.raises(TableurRefuse, match="non accepté"):
        format_du_fichier("taux." + "p" * 1000, b"")
    assert extrait("a" * 61) == "a" * 60 + "…" and extrait("court") == "court"
