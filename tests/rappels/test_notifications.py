"""My notifications: each person sees the reminders sent to them (account or address), marks them read."""

import pytest
from django.utils import timezone

from rappels.models import Rappel
from tests.rappels.factories import RappelFactory


def rappel(destinataire, utilisateur=None, envoye=True, **kwargs):
    annee = kwargs.pop("annee", 2011)
    if not envoye:
        kwargs["envoye_le"] = None
    return RappelFactory(destinataire=destinataire, utilisateur=utilisateur, cle=f"arrete:11:{annee}", **kwargs)


@pytest.mark.django_db
def test_chacun_voit_les_siens(connecter, demo):
    gestionnaire = demo.comptes["gestionnaire@demo.cui.fr"]
    rappel("gestionnaire@demo.cui.fr", gestionnaire, libelle="Le mien par compte")
    rappel("gestionnaire@demo.cui.fr", None, libelle="Le mien par adresse", annee=2012)
    rappel("gestionnaire.nord@demo.cui.fr", demo.comptes["gestionnaire.nord@demo.cui.fr"], libelle="Celui du Nord")
    rappel("gestionnaire@demo.cui.fr", gestionnaire, envoye=False, libelle="Pas encore envoyé", annee=2013)

    contenu = connecter("gestionnaire").get("/rappels/").content.decode()
    assert "Le mien par compte" in contenu and "Le mien par adresse" in contenu
    assert "Celui du Nord" not in contenu and "Pas encore envoyé" not in contenu
    assert "2 non lus" in contenu

    contenu = connecter("gestionnaire_nord").get("/rappels/").content.decode()
    assert "Celui du Nord" in contenu and "Le mien par compte" not in contenu


@pytest.mark.django_db
def test_ouvrir_marque_lu_et_redirige(connecter, demo):
    r = rappel("gestionnaire@demo.cui.fr", demo.comptes["gestionnaire@demo.cui.fr"])
    client = connecter("gestionnaire_nord")
    assert client.get(f"/rappels/{r.pk}/ouvrir/").status_code == 404
    client = connecter("gestionnaire")
    reponse = client.get(f"/rappels/{r.pk}/ouvrir/")
    assert reponse.status_code == 302 and reponse["Location"] == "/arretes/"
    r.refresh_from_db()
    assert r.lu_le is not None


@pytest.mark.django_db
def test_lien_externe_refuse(connecter, demo):
    r = rappel("gestionnaire@demo.cui.fr", demo.comptes["gestionnaire@demo.cui.fr"], lien="https://ailleurs.example/")
    reponse = connecter("gestionnaire").get(f"/rappels/{r.pk}/ouvrir/")
    assert reponse["Location"] == "/rappels/"


@pytest.mark.django_db
def test_tout_marquer_lu_et_carte_d_accueil(connecter, demo):
    gestionnaire = demo.comptes["gestionnaire@demo.cui.fr"]
    autre = rappel("gestionnaire.nord@demo.cui.fr", demo.comptes["gestionnaire.nord@demo.cui.fr"])
    rappel("gestionnaire@demo.cui.fr", gestionnaire)
    client = connecter("gestionnaire")
    accueil = client.get("/").content.decode()
    assert "Mes notifications" in accueil
    assert client.get("/rappels/tout-marquer-lu/").status_code == 405
    client.post("/rappels/tout-marquer-lu/")
    assert Rappel.objects.pour(gestionnaire).non_lus().count() == 0
    autre.refresh_from_db()
    assert autre.lu_le is None
    assert "Rappels d'échéances" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_anonyme_redirige_vers_la_connexion(client):
    assert client.get("/rappels/").status_code == 302


@pytest.mark.django_db
def test_nombre_de_non_lues_dans_l_en_tete(connecter, demo):
    gestionnaire = demo.comptes["gestionnaire@demo.cui.fr"]
    rappel("gestionnaire@demo.cui.fr", gestionnaire)
    rappel("gestionnaire@demo.cui.fr", None, annee=2012)
    rappel("gestionnaire@demo.cui.fr", gestionnaire, envoye=False, annee=2013)
    assert "2 notifications non lues" in connecter("gestionnaire").get("/").content.decode()
    Rappel.objects.update(lu_le=timezone.now())
    assert "non lue" not in connecter("gestionnaire").get("/").content.decode()
    assert "non lue" not in connecter("national").get("/").content.decode()
