"""Bilans d'étape: opening from the previous one, optimistic locking, transmission, reading, permissions."""

import html
from datetime import date, timedelta

import pytest
from django.urls import reverse

from tableau_de_bord.models import BilanEtape, Fonction, LigneBilan, StatutBilan
from tableau_de_bord.services import ConflitVersion, enregistrer_bilan, ouvrir_bilan, quinzaine_du, soumettre_bilan

pytestmark = pytest.mark.django_db


def _donnees(bilan, **textes):
    donnees = {"version": bilan.version, "action": "enregistrer"}
    for fonction in Fonction.values:
        for champ in ("objectifs", "calendrier", "freins", "points_particuliers"):
            donnees[f"{fonction}-{champ}"] = textes.get(f"{fonction}-{champ}", "")
        donnees[f"{fonction}-operateur"] = textes.get(f"{fonction}-operateur", "")
    return donnees


def test_un_nouveau_bilan_reprend_le_precedent(bilan_idf, idf, operateur_idf):
    LigneBilan.objects.filter(bilan=bilan_idf, fonction=Fonction.IMMERSION).update(
        freins="Peu d'entreprises d'accueil", operateur=operateur_idf
    )
    suivante = quinzaine_du(bilan_idf.quinzaine.date_fin + timedelta(days=1))
    nouveau = ouvrir_bilan(idf, suivante)
    ligne = nouveau.lignes.get(fonction=Fonction.IMMERSION)
    assert ligne.freins == "Peu d'entreprises d'accueil" and ligne.operateur == operateur_idf
    assert nouveau.lignes.count() == 6 and nouveau.statut == StatutBilan.BROUILLON
    assert ouvrir_bilan(idf, suivante) == nouveau  # idempotent


def test_conflit_de_version_dans_le_service(bilan_idf, demo):
    claire = demo.comptes["correspondant@demo.cui.fr"]
    enregistrer_bilan(bilan_idf, 1, {"prescription": {"objectifs": "A"}}, claire)
    with pytest.raises(ConflitVersion) as exc:
        enregistrer_bilan(bilan_idf, 1, {"prescription": {"objectifs": "B"}}, claire)
    assert "Ce bilan a été modifié par Claire Correspondante à" in str(exc.value)
    assert bilan_idf.lignes.get(fonction="prescription").objectifs == "A"


def test_deux_personnes_le_meme_bilan(bilan_idf, demo, client, django_user_model):
    from django.test import Client

    claire, gerard = Client(), Client()
    claire.force_login(demo.comptes["correspondant@demo.cui.fr"])
    gerard.force_login(demo.comptes["gestionnaire@demo.cui.fr"])
    url = reverse("tableau_de_bord:modifier_bilan", args=[bilan_idf.pk])
    assert claire.get(url).status_code == 200 and gerard.get(url).status_code == 200
    # Both opened version 1. Gérard saves first.
    r = gerard.post(url, _donnees(bilan_idf, **{"freins-x": "", "prescription-objectifs": "Texte de Gérard"}))
    assert r.status_code == 302
    # Claire saves from version 1: conflict, her text kept, Gérard's version shown.
    r = claire.post(url, _donnees(bilan_idf, **{"prescription-objectifs": "Texte de Claire"}))
    assert r.status_code == 409
    contenu = r.content.decode()
    assert "Ce bilan a été modifié par Gérard Gestionnaire à" in contenu
    assert "pendant que vous le remplissiez" in contenu
    assert "Texte de Claire" in contenu and "Texte de Gérard" in contenu
    assert LigneBilan.objects.get(bilan=bilan_idf, fonction="prescription").objectifs == "Texte de Gérard"
    # Saving again, knowingly, replaces the other version (the form now carries version 2).
    assert 'name="version" value="2"' in contenu
    r = claire.post(url, {**_donnees(bilan_idf, **{"prescription-objectifs": "Texte de Claire"}), "version": 2})
    assert r.status_code == 302
    assert LigneBilan.objects.get(bilan=bilan_idf, fonction="prescription").objectifs == "Texte de Claire"
    bilan_idf.refresh_from_db()
    assert bilan_idf.version == 3
    assert bilan_idf.history.count() >= 3  # created, then each save recorded with its author


def test_transmettre_puis_lire(bilan_idf, connecter, demo):
    c = connecter("correspondant")
    url = reverse("tableau_de_bord:modifier_bilan", args=[bilan_idf.pk])
    donnees = {**_donnees(bilan_idf, **{"immersion-freins": "Tuteurs peu disponibles"}), "action": "transmettre"}
    r = c.post(url, donnees)  # not confirmed: nothing saved, nothing sent; the page sends the same fields again
    texte = html.unescape(r.content.decode())
    assert r.status_code == 200 and "Transmettre le bilan à la DGEFP ?" in texte
    assert "n'est plus modifiable" in texte and 'value="Tuteurs peu disponibles"' in texte
    assert 'name="confirme" value="1"' in texte and "Enregistrer le brouillon sans le transmettre" in texte
    bilan_idf.refresh_from_db()
    assert bilan_idf.statut == StatutBilan.BROUILLON and bilan_idf.soumis_le is None
    assert bilan_idf.lignes.get(fonction="immersion").freins != "Tuteurs peu disponibles"
    refus = c.post(reverse("tableau_de_bord:transmettre_bilan", args=[bilan_idf.pk]))
    assert refus.status_code == 200 and "Transmettre le bilan à la DGEFP ?" in refus.content.decode()
    bilan_idf.refresh_from_db()
    assert bilan_idf.statut == StatutBilan.BROUILLON
    r = c.post(url, {**donnees, "confirme": "1"})
    assert r.status_code == 302
    bilan_idf.refresh_from_db()
    assert bilan_idf.statut == StatutBilan.SOUMIS and bilan_idf.soumis_le is not None
    # No more changes once transmitted.
    r = c.post(url, _donnees(bilan_idf))
    assert r.status_code == 302
    bilan_idf.refresh_from_db()
    assert bilan_idf.lignes.get(fonction="immersion").freins == "Tuteurs peu disponibles"
    # The DGEFP reads and comments.
    n = connecter("national")
    r = n.post(reverse("tableau_de_bord:lire_bilan", args=[bilan_idf.pk]), {"commentaire_mip": "Merci, à suivre."})
    assert r.status_code == 302
    bilan_idf.refresh_from_db()
    assert bilan_idf.statut == StatutBilan.LU and bilan_idf.commentaire_mip == "Merci, à suivre."
    assert "Merci, à suivre." in n.get(reverse("tableau_de_bord:bilan", args=[bilan_idf.pk])).content.decode()


def test_le_bilan_de_la_quinzaine(connecter, time_machine, idf, demo):
    """The link opens the fortnight that has ended until its bilan is transmitted (even late), then the current."""
    time_machine.move_to("2010-03-10 10:00 +01:00", tick=False)
    c = connecter("correspondant")
    r = c.get(reverse("tableau_de_bord:bilan_quinzaine"))
    en_retard = BilanEtape.objects.get(region=idf)
    assert r.status_code == 302 and r.url == reverse("tableau_de_bord:modifier_bilan", args=[en_retard.pk])
    assert en_retard.quinzaine.date_debut == date(2010, 2, 16)  # due 01/03, not transmitted: still to fill
    assert "étape au 28/02/2010" in c.get(r.url).content.decode()
    soumettre_bilan(en_retard, demo.comptes["correspondant@demo.cui.fr"])
    r = c.get(reverse("tableau_de_bord:bilan_quinzaine"))
    bilan = BilanEtape.objects.exclude(pk=en_retard.pk).get(region=idf)
    assert r.url == reverse("tableau_de_bord:modifier_bilan", args=[bilan.pk])
    assert bilan.quinzaine.date_debut == date(2010, 3, 1)
    page = c.get(r.url).content.decode()
    assert "étape au 15/03/2010" in page and "CAE-jeunes prescrits" in page


@pytest.mark.parametrize(
    ("qui", "attendu"),
    [
        ("correspondant", 200),
        ("gestionnaire", 200),
        ("national", 200),
        ("admin", 200),
        ("correspondant_nord", 404),
        ("gestionnaire_nord", 404),
        ("prescripteur", 403),
        ("cg93", 403),
    ],
)
def test_lecture_d_un_brouillon(bilan_idf, connecter, qui, attendu):
    assert connecter(qui).get(reverse("tableau_de_bord:bilan", args=[bilan_idf.pk])).status_code == attendu


@pytest.mark.parametrize(
    ("qui", "attendu"),
    [("correspondant", 302), ("gestionnaire", 302), ("national", 403), ("correspondant_nord", 404), ("cg93", 403)],
)
def test_ecriture_d_un_bilan(bilan_idf, connecter, qui, attendu):
    r = connecter(qui).post(reverse("tableau_de_bord:modifier_bilan", args=[bilan_idf.pk]), _donnees(bilan_idf))
    assert r.status_code == attendu


def test_un_bilan_transmis_d_une_autre_region_reste_invisible(bilan_npdc, connecter, demo):
    from tableau_de_bord.services import soumettre_bilan

    soumettre_bilan(bilan_npdc, demo.comptes["correspondant.nord@demo.cui.fr"])
    url = reverse("tableau_de_bord:bilan", args=[bilan_npdc.pk])
    assert connecter("correspondant").get(url).status_code == 404
    assert connecter("national").get(url).status_code == 200
    assert (
        connecter("correspondant").post(reverse("tableau_de_bord:lire_bilan", args=[bilan_npdc.pk])).status_code == 404
    )
    # Only national users mark as read.
    assert (
        connecter("correspondant_nord").post(reverse("tableau_de_bord:lire_bilan", args=[bilan_npdc.pk])).status_code
        == 403
    )


def test_la_liste_ne_montre_que_sa_region(bilan_idf, bilan_npdc, connecter):
    page = connecter("correspondant").get(reverse("tableau_de_bord:bilans")).content.decode()
    assert "Île-de-France" in page and "Nord-Pas-de-Calais" not in page
    page = connecter("national").get(reverse("tableau_de_bord:bilans")).content.decode()
    assert reverse("tableau_de_bord:bilan", args=[bilan_npdc.pk]) in page


def test_pdf_du_bilan(bilan_idf, connecter):
    r = connecter("correspondant").get(reverse("tableau_de_bord:bilan_pdf", args=[bilan_idf.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf" and r.content.startswith(b"%PDF")
