import re

import pytest
from django.core import mail
from django.urls import reverse

from comptes.demo import MOT_DE_PASSE_DEMO
from comptes.middleware import CLE_SESSION
from comptes.models import Habilitation
from droit.vocabulaire import Role
from tests.conftest import COMPTES

pytestmark = pytest.mark.django_db
CONNEXION = reverse("comptes:connexion")


def se_connecter(client, email, mot_de_passe=MOT_DE_PASSE_DEMO):
    return client.post(CONNEXION, {"username": email, "password": mot_de_passe})


@pytest.mark.parametrize("qui", sorted(COMPTES))
def test_chaque_compte_de_demo_se_connecte_et_voit_son_accueil(client, demo, qui):
    reponse = se_connecter(client, COMPTES[qui])
    assert reponse.status_code == 302
    accueil = client.get(reverse("accueil"))
    assert accueil.status_code == 200
    habilitation = Habilitation.objects.filter(utilisateur__email=COMPTES[qui]).first()
    assert habilitation.organisation.nom in accueil.content.decode()


def test_mauvais_mot_de_passe_message_francais(client, demo):
    reponse = se_connecter(client, COMPTES["prescripteur"], "faux-mot-de-passe")
    assert reponse.status_code == 200
    assert "Adresse électronique ou mot de passe incorrect." in reponse.content.decode()


def test_compte_verrouille_apres_5_echecs(client, demo):
    for _ in range(5):
        se_connecter(client, COMPTES["correspondant"], "mauvais")
    reponse = se_connecter(client, COMPTES["correspondant"])  # even the right password is refused now
    assert reponse.status_code == 429
    assert "Connexion temporairement bloquée" in reponse.content.decode()
    assert "_auth_user_id" not in client.session


def test_anonyme_redirige_vers_la_connexion(client, db):
    reponse = client.get(reverse("accueil"))
    assert reponse.status_code == 302
    assert reponse.url.startswith(CONNEXION)


def test_deconnexion(connecter):
    client = connecter("national")
    assert client.post(reverse("comptes:deconnexion")).status_code == 302
    assert client.get(reverse("accueil")).status_code == 302


def test_plusieurs_habilitations_choix_de_l_organisation(client, demo):
    reponse = se_connecter(client, COMPTES["multi"])
    assert reponse.url.startswith(reverse("comptes:choisir_organisation"))
    correspondant = Habilitation.objects.get(utilisateur__email=COMPTES["multi"], role=Role.CORRESPONDANT_REGIONAL)
    reponse = client.post(reverse("comptes:choisir_organisation"), {"habilitation": correspondant.pk})
    assert reponse.status_code == 302
    assert client.session[CLE_SESSION] == correspondant.pk
    page = client.get(reverse("accueil")).content.decode()
    assert "DIRECCTE Île-de-France" in page
    assert "correspondant régional" in page


def test_choix_d_une_habilitation_d_autrui_refuse(client, demo):
    se_connecter(client, COMPTES["multi"])
    autre = Habilitation.objects.get(utilisateur__email=COMPTES["national"])
    reponse = client.post(reverse("comptes:choisir_organisation"), {"habilitation": autre.pk})
    assert reponse.status_code == 200
    assert "Sélectionnez un choix valide" in reponse.content.decode()


def test_reinitialisation_du_mot_de_passe_par_courriel(client, demo):
    reponse = client.post(reverse("comptes:reinitialisation"), {"email": COMPTES["cg93"]})
    assert reponse.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Portail CUI : choisir un nouveau mot de passe"
    lien = re.search(r"https?://[^/]+(/comptes/reinitialiser/\S+)", message.body).group(1)
    formulaire = client.get(lien, follow=True)
    assert "Choisir un nouveau mot de passe" in formulaire.content.decode()
    reponse = client.post(
        formulaire.redirect_chain[-1][0],
        {"new_password1": "Nouveau-Mot-2010", "new_password2": "Nouveau-Mot-2010"},
    )
    assert reponse.status_code == 302
    client.logout()
    assert se_connecter(client, COMPTES["cg93"], "Nouveau-Mot-2010").status_code == 302


def test_changement_de_mot_de_passe(connecter):
    client = connecter("gestionnaire")
    reponse = client.post(
        reverse("comptes:mot_de_passe"),
        {"old_password": MOT_DE_PASSE_DEMO, "new_password1": "court", "new_password2": "court"},
    )
    assert reponse.status_code == 200
    assert "Ce mot de passe est trop court" in reponse.content.decode()
    reponse = client.post(
        reverse("comptes:mot_de_passe"),
        {"old_password": MOT_DE_PASSE_DEMO, "new_password1": "Tout-Neuf-2011", "new_password2": "Tout-Neuf-2011"},
    )
    assert reponse.status_code == 302


def test_role_incompatible_avec_le_type_d_organisation(demo):
    from django.core.exceptions import ValidationError

    h = Habilitation(
        utilisateur=demo.comptes[COMPTES["national"]],
        organisation=demo.organisations["pe_paris"],
        role=Role.GESTIONNAIRE_REGIONAL,
    )
    with pytest.raises(ValidationError, match="ne peut pas être exercé"):
        h.full_clean()
