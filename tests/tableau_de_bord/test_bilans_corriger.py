"""A transmitted bilan d'étape is reopened for correction until the DGEFP has read it (it keeps its first date of
transmission); once read, only a dated rectification is added. The history keeps who did what."""

import pytest
from django.urls import reverse

from tableau_de_bord.models import BilanEtape, StatutBilan
from tableau_de_bord.services import (
    BilanNonModifiable,
    marquer_lu,
    rectifier_bilan,
    rouvrir_bilan,
    soumettre_bilan,
)

pytestmark = pytest.mark.django_db


def test_rouvrir_puis_retransmettre_garde_la_premiere_date(bilan_idf, demo):
    claire = demo.comptes["correspondant@demo.cui.fr"]
    bilan = soumettre_bilan(bilan_idf, claire)
    premiere = bilan.soumis_le
    bilan = rouvrir_bilan(bilan, claire)
    assert bilan.statut == StatutBilan.BROUILLON and bilan.soumis_le == premiere
    derniere = bilan.history.first()
    assert (derniere.history_user, derniere.history_change_reason) == (claire, "Bilan rouvert pour correction")
    bilan = soumettre_bilan(bilan, claire)
    assert bilan.statut == StatutBilan.SOUMIS and bilan.soumis_le == premiere
    with pytest.raises(BilanNonModifiable, match="n'est pas transmis"):
        rouvrir_bilan(rouvrir_bilan(bilan, claire), claire)


def test_un_bilan_lu_ne_se_rouvre_plus_mais_se_rectifie(bilan_idf, demo):
    claire = demo.comptes["correspondant@demo.cui.fr"]
    bilan = marquer_lu(soumettre_bilan(bilan_idf, claire), demo.comptes["national@demo.cui.fr"])
    with pytest.raises(BilanNonModifiable, match="rectification datée"):
        rouvrir_bilan(bilan, claire)
    with pytest.raises(BilanNonModifiable):
        rectifier_bilan(bilan, "  ", claire)
    rectification = rectifier_bilan(bilan, "Deux entrées comptées deux fois.", claire)
    assert rectification.auteur == claire and rectification.date.isoformat() == "2010-11-30"
    assert BilanEtape.objects.get(pk=bilan.pk).statut == StatutBilan.LU


def test_pages_rouvrir_et_rectifier(bilan_idf, demo, connecter):
    claire = demo.comptes["correspondant@demo.cui.fr"]
    soumettre_bilan(bilan_idf, claire)
    client = connecter("correspondant")
    detail = reverse("tableau_de_bord:bilan", args=[bilan_idf.pk])
    assert "Rouvrir le bilan pour le corriger" in client.get(detail).content.decode()
    assert connecter("national").post(reverse("tableau_de_bord:rouvrir_bilan", args=[bilan_idf.pk])).status_code == 403
    client = connecter("correspondant")
    reponse = client.post(reverse("tableau_de_bord:rouvrir_bilan", args=[bilan_idf.pk]))
    assert reponse["Location"] == reverse("tableau_de_bord:modifier_bilan", args=[bilan_idf.pk])
    bilan = BilanEtape.objects.get(pk=bilan_idf.pk)
    assert bilan.statut == StatutBilan.BROUILLON
    marquer_lu(soumettre_bilan(bilan, claire), demo.comptes["national@demo.cui.fr"])
    page = client.get(detail).content.decode()
    assert "Rouvrir le bilan" not in page and "Ajouter une rectification datée" in page
    client.post(reverse("tableau_de_bord:rectifier_bilan", args=[bilan_idf.pk]), {"texte": "Une entrée de trop."})
    page = client.get(detail).content.decode()
    assert "Rectifications après lecture" in page and "Le 30/11/2010, par Claire Correspondante" in page
    assert "Une entrée de trop." in page
