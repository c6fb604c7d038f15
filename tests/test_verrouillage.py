"""Login throttling that cannot lock everyone: the pair (e-mail, address) is locked, never an address alone for a
known account; an address guessing unknown e-mails is stopped at a generous ceiling; X-Forwarded-For is believed
only from a trusted proxy; the message says how long to wait; an administrator unlocks."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from comptes.demo import MOT_DE_PASSE_DEMO
from comptes.verrouillage import adresse_du_client, duree_en_francais
from tests.conftest import COMPTES

pytestmark = pytest.mark.django_db
CONNEXION = reverse("comptes:connexion")
PROXY = "10.0.0.1"


def essai(client, email, mot_de_passe="mauvais", adresse=PROXY):
    return client.post(CONNEXION, {"username": email, "password": mot_de_passe}, REMOTE_ADDR=adresse)


def test_cinq_echecs_avec_des_adresses_inventees_ne_bloquent_pas_le_compte_national(demo):
    """The attack of the issue: five failures with made-up e-mails behind the shared proxy address."""
    attaquant, agent = Client(), Client()
    for i in range(5):
        essai(attaquant, f"personne{i}@exemple.fr")
    reponse = essai(agent, COMPTES["national"], MOT_DE_PASSE_DEMO)
    assert reponse.status_code == 302
    assert "_auth_user_id" in agent.session


def test_cinq_echecs_sur_un_compte_bloquent_ce_compte_depuis_cette_adresse_seulement(demo):
    for _ in range(5):
        essai(Client(), COMPTES["correspondant"])
    bloque = essai(Client(), COMPTES["correspondant"], MOT_DE_PASSE_DEMO)
    assert bloque.status_code == 429
    texte = bloque.text
    assert "Connexion temporairement bloquée" in texte
    assert "pendant 1 heure" in texte and "5 au plus" in texte
    # Another agent behind the same proxy signs in; the same account from another address too.
    assert essai(Client(), COMPTES["gestionnaire"], MOT_DE_PASSE_DEMO).status_code == 302
    assert essai(Client(), COMPTES["correspondant"], MOT_DE_PASSE_DEMO, adresse="192.0.2.8").status_code == 302


@override_settings(PLAFOND_ECHECS_PAR_ADRESSE=8)
def test_une_adresse_qui_devine_des_comptes_est_arretee_au_plafond(demo):
    for i in range(8):
        essai(Client(), f"inconnu{i}@exemple.fr")
    assert essai(Client(), COMPTES["national"], MOT_DE_PASSE_DEMO).status_code == 429
    # Failures on real accounts do not count towards the ceiling of unknown e-mails.
    for _ in range(4):
        essai(Client(), COMPTES["cg93"], adresse="192.0.2.9")
    for _ in range(4):
        essai(Client(), COMPTES["cg59"], adresse="192.0.2.9")
    assert essai(Client(), COMPTES["national"], MOT_DE_PASSE_DEMO, adresse="192.0.2.9").status_code == 302


def test_un_administrateur_debloque_un_compte_depuis_l_administration(demo, client):
    for _ in range(5):
        essai(Client(), COMPTES["correspondant"])
    assert AccessAttempt.objects.filter(username=COMPTES["correspondant"]).exists()
    admin = demo.comptes[COMPTES["admin"]]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    utilisateur = demo.comptes[COMPTES["correspondant"]]
    reponse = client.post(
        reverse("admin:comptes_utilisateur_changelist"),
        {"action": "debloquer_la_connexion", "_selected_action": [utilisateur.pk]},
        follow=True,
    )
    assert "Connexion débloquée pour 1 compte(s)" in reponse.text
    assert not AccessAttempt.objects.filter(username=COMPTES["correspondant"]).exists()
    assert essai(Client(), COMPTES["correspondant"], MOT_DE_PASSE_DEMO).status_code == 302


@pytest.mark.parametrize(
    ("distante", "transmis", "confiance", "attendu"),
    [
        ("203.0.113.5", "", [], "203.0.113.5"),
        # Anyone can write X-Forwarded-For: ignored unless the request comes from a trusted proxy.
        ("203.0.113.5", "198.51.100.7", [], "203.0.113.5"),
        ("10.0.0.1", "198.51.100.7", ["10.0.0.1"], "198.51.100.7"),
        # A forged first entry is skipped: the first untrusted hop from the right is the client.
        ("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", ["10.0.0.1", "10.0.0.2"], "198.51.100.7"),
        ("10.0.0.1", "", ["10.0.0.1"], "10.0.0.1"),
    ],
)
def test_l_adresse_du_client_ne_croit_que_les_proxies_de_confiance(distante, transmis, confiance, attendu):
    requete = RequestFactory().get("/", REMOTE_ADDR=distante, HTTP_X_FORWARDED_FOR=transmis)
    with override_settings(PROXIES_DE_CONFIANCE=confiance):
        assert adresse_du_client(requete) == attendu


@pytest.mark.parametrize(
    ("duree", "texte"),
    [
        (timedelta(hours=1), "1 heure"),
        (timedelta(hours=2), "2 heures"),
        (timedelta(minutes=30), "30 minutes"),
        (timedelta(minutes=90), "1 heure et 30 minutes"),
        (timedelta(minutes=1), "1 minute"),
    ],
)
def test_la_duree_se_lit_en_francais(duree, texte):
    assert duree_en_francais(duree) == texte
