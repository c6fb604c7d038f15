"""« Done when »: a gestionnaire imports the rates of the 2010 arrêté from an XLSX file, sees an invalid row refused
with its reason, corrects it, publishes, downloads the PDF; a convention concluded on 15/12/2009 for a hire on
04/01/2010 gets its rate from that arrêté, and a region without a 2010 arrêté gets a clear error."""

import contextlib
import re
import uuid
import zlib
from datetime import date
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from arretes.models import Arrete, StatutArrete
from arretes.regles import AucunArreteApplicable
from arretes.services import taux_applicable
from referentiels.models import Region

from .factories import arrete_publie
from .fichiers import fichier, lignes_completes, xlsx

pytestmark = pytest.mark.django_db


def contenu_pdf(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (WeasyPrint puts the metadata in object streams)."""
    morceaux = [pdf]
    for flux in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):
            morceaux.append(zlib.decompress(flux))
    return b"\n".join(morceaux)


def test_scenario_complet(connecter):
    client = connecter("gestionnaire")
    # 1. The draft.
    reponse = client.post(
        reverse("arretes:creer"),
        {
            "annee": 2010,
            "portee": "cae_cie",
            "numero": "2009-1187",
            "date_signature": "2009-11-24",
            "lieu_signature": "Paris",
            "signataire": "Le préfet de la région Île-de-France",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    assert reponse.status_code == 302, reponse.context["form"].errors if reponse.context else ""
    arrete = Arrete.objects.get(numero="2009-1187")
    assert arrete.region.code_insee == "11" and "Vu la loi n° 2008-1249" in arrete.visas
    # 2. A file with one invalid row: refused with its reason, nothing written.
    lignes = lignes_completes()
    lignes[2] = ["CAE", "beneficiaires-rsa", 98, 26]
    reponse = client.post(
        reverse("arretes:importer", args=[arrete.pk]), {"fichier": fichier(xlsx(lignes))}, follow=True
    )
    contenu = reponse.content.decode()
    assert "1 ligne refusée sur 18" in contenu and escape("plafonné à 95 %") in contenu
    assert arrete.taux.count() == 0
    # 3. Corrected, confirmed.
    lignes[2] = ["CAE", "beneficiaires-rsa", 95, 26]
    reponse = client.post(
        reverse("arretes:importer", args=[arrete.pk]), {"fichier": fichier(xlsx(lignes))}, follow=True
    )
    depot = reponse.context["depot"]
    client.post(reverse("arretes:import_confirmer", args=[arrete.pk, depot.pk]))
    assert arrete.taux.count() == 18
    # 4. Published.
    reponse = client.post(
        reverse("arretes:publier", args=[arrete.pk]),
        {"date_publication": "2009-11-27", "confirme": "1"},
        follow=True,
    )
    assert "est publié" in reponse.content.decode()
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.PUBLIE and arrete.date_publication == date(2009, 11, 27)
    historique = reponse.context["historique"]
    assert historique[0].auteur == "Gérard Gestionnaire" and "Publication" in historique[0].motif
    # 5. The PDF.
    pdf = client.get(reverse("arretes:pdf", args=[arrete.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    # 6. The look-up used by the conventions.
    resultat = taux_applicable("CAE", "beneficiaires-rsa", arrete.region, date(2009, 12, 15), date(2010, 1, 4))
    assert (resultat.taux, resultat.heures_max, resultat.arrete) == (Decimal("95.00"), 26, arrete)
    bretagne = Region.objects.get(nom="Bretagne")
    with pytest.raises(AucunArreteApplicable, match=r"Bretagne.*2010"):
        taux_applicable("CAE", "beneficiaires-rsa", bretagne.pk, date(2009, 12, 15), date(2010, 1, 4))


def test_formulaire_refuse_un_taux_au_dessus_du_plafond(connecter):
    client = connecter("gestionnaire")
    reponse = client.post(
        reverse("arretes:creer"),
        {
            "annee": 2010,
            "portee": "cae_cie",
            "taux_CAE_autres-publics": "95,01",
            "heures_CAE_autres-publics": "26",
            "taux_CIE_autres-publics": "30",
            "heures_CIE_autres-publics": "36",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    assert reponse.status_code == 200
    grille = reponse.context["grille"]
    assert "plafonné à 95 %" in grille.errors["taux_CAE_autres-publics"][0]
    assert "entre 20 et 35 heures" in grille.errors["heures_CIE_autres-publics"][0]
    assert not Arrete.objects.exists()


def test_pdf_suit_le_modele_de_l_annexe_3(demo):
    arrete = arrete_publie("11", 2010, numero="2009-1187", lieu_signature="Paris")
    from arretes.views.commun import taux_par_contrat

    html = render_to_string(
        "arretes/pdf/arrete.html",
        {
            "arrete": arrete,
            "taux_par_contrat": taux_par_contrat(arrete),
            "visas": arrete.visas.splitlines(),
            "titre_document": "Arrêté",
        },
    )
    texte = re.sub(r"[ \t\r\n]+", " ", html)  # the no-break spaces kept
    assert "ARRÊTÉ n° 2009-1187 DU 20/11/2009" in texte
    assert "LE PRÉFET DE LA RÉGION ÎLE-DE-FRANCE" in texte
    assert "Arrête" in texte and "Article 4" in texte
    assert "pour des contrats de travail prenant effet à partir du 1er janvier 2010." in texte
    assert "contrats initiative emploi (CIE) est déterminé comme suit" in texte
    assert "105\u00a0%" in texte and "47\u00a0%" in texte and "Bénéficiaires du RSA" in texte  # never wrapped
    assert 'lang="fr"' in html


def test_pdf_annexe_3_bis_et_metadonnees(connecter):
    arrete = arrete_publie("11", 2010, numero="2009-77", portee="cae")
    reponse = connecter("gestionnaire").get(reverse("arretes:pdf", args=[arrete.pk]))
    assert reponse.content.startswith(b"%PDF")
    objets = contenu_pdf(reponse.content)
    assert b"/StructTreeRoot" in objets and b"/Lang" in objets  # tagged PDF, language set
    titre = "Arrêté n° 2009-77 – Île-de-France – 2010"
    assert b"/Title <feff" + titre.encode("utf-16-be").hex().encode() in objets
    assert 'filename="arrete-11-2010-2009-77.pdf"' in reponse["Content-Disposition"]
