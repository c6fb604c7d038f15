"""Hostile spreadsheets built in the tests, small on disk: XLSX archives written part by part with ``zipfile``
(a part is streamed in pieces, never held whole in memory), CSV as bytes."""

import struct
import zipfile
from collections.abc import Iterable
from io import BytesIO

from tests.arretes.fichiers import lignes_completes, xlsx

ESPACE = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
TYPES_AVEC_CHAINES = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def classeur(parties: dict[str, Iterable[bytes]], base: bytes | None = None) -> bytes:
    """A valid rates workbook whose ``parties`` (name → pieces of bytes) are replaced or added."""
    sain = zipfile.ZipFile(BytesIO(base or xlsx(lignes_completes())))
    tampon = BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for nom in sain.namelist():
            if nom not in parties:
                contenu = sain.read(nom)
                if nom == "[Content_Types].xml" and "xl/sharedStrings.xml" in parties:
                    contenu = contenu.replace(b"</Types>", TYPES_AVEC_CHAINES)
                archive.writestr(nom, contenu)
        for nom, morceaux in parties.items():
            info = zipfile.ZipInfo(nom, date_time=(2010, 11, 30, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as partie:
                for morceau in morceaux:
                    partie.write(morceau)
    return tampon.getvalue()


def repete(motif: bytes, fois: int, avant: bytes = b"", apres: bytes = b"", par: int = 100_000):
    """``avant`` + ``motif`` × ``fois`` + ``apres``, in pieces of ``par`` motifs."""
    yield avant
    while fois > 0:
        n = min(fois, par)
        yield motif * n
        fois -= n
    yield apres


def feuille_d_une_ligne(cellules: int, motif: bytes = b"<c><v>1</v></c>") -> dict[str, Iterable[bytes]]:
    """A sheet whose one row holds ``cellules`` cells."""
    return {
        "xl/worksheets/sheet1.xml": repete(
            motif, cellules, b"<worksheet " + ESPACE + b'><sheetData><row r="1">', b"</row></sheetData></worksheet>"
        )
    }


def chaine_partagee(caracteres: int) -> dict[str, Iterable[bytes]]:
    """A shared strings part holding one string of ``caracteres`` characters, and a sheet that shows it."""
    return {
        "xl/sharedStrings.xml": repete(
            b"a" * 1000,
            caracteres // 1000,
            b"<sst " + ESPACE + b' count="1" uniqueCount="1"><si><t>',
            b"</t></si></sst>",
            par=1000,
        ),
        "xl/worksheets/sheet1.xml": [
            b"<worksheet " + ESPACE + b'><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
            b"</sheetData></worksheet>"
        ],
    }


def mentir_sur_la_taille(contenu: bytes, nom: str, taille: int) -> bytes:
    """The archive with the uncompressed size of ``nom`` declared as ``taille`` in its central directory (what
    ``zipfile`` reads)."""
    debut = contenu.rindex(b"PK\x01\x02", 0, contenu.rindex(nom.encode()))
    return contenu[: debut + 24] + struct.pack("<I", taille) + contenu[debut + 28 :]
