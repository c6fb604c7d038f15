from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tests.arretes.factories import arrete_publie
from tests.conventions import factories

ENTETE = ["numero de convention", "mois", "montant paye par l'Etat", "montant paye par le conseil general"]


@pytest.fixture
def conventions(demo):
    """A concluded CAE of Île-de-France (Paris) and one of Nord-Pas-de-Calais (Nord), 04/01/2010–03/01/2011,
    each with its schedule of 13 months (01/2010 to 01/2011)."""
    arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    arrete_publie("31", 2010, numero="NPDC-2010-1", date_publication=date(2009, 11, 27))
    return {
        "idf": factories.convention(demo),
        "idf2": factories.convention(demo),
        "npdc": factories.convention(demo, prescripteur="pe_lille", code_departement="59"),
    }


def csv_(lignes, entete=ENTETE, separateur=";") -> bytes:
    return "\n".join(separateur.join(str(v) for v in ligne) for ligne in [entete, *lignes]).encode("utf-8")


def xlsx(lignes, entete=ENTETE) -> bytes:
    classeur = Workbook()
    feuille = classeur.active
    feuille.append(entete)
    for ligne in lignes:
        feuille.append(ligne)
    tampon = BytesIO()
    classeur.save(tampon)
    return tampon.getvalue()


def fichier(contenu: bytes, nom="releve.csv"):
    return SimpleUploadedFile(nom, contenu, content_type="application/octet-stream")


def payer(convention, payes: dict, nom_fichier="releve.csv"):
    """Record what the ASP paid for some months of a convention (``{mois: (etat, cg)}``), as a confirmed
    statement would (the import itself is tested in ``test_import``)."""
    from decimal import Decimal

    from paiements.models import PaiementAsp, ReleveAsp

    releve = ReleveAsp.objects.create(
        region_id=convention.region_id,
        nom_fichier=nom_fichier,
        format="csv",
        empreinte=f"{nom_fichier}-{convention.pk}",
        statut="applique",
    )
    PaiementAsp.objects.bulk_create(
        PaiementAsp(
            releve=releve,
            convention=convention,
            region_id=convention.region_id,
            mois=mois,
            montant_etat=Decimal(etat),
            montant_conseil_general=Decimal(cg),
        )
        for mois, (etat, cg) in payes.items()
    )
    return releve
