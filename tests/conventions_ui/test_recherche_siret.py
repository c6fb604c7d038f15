"""The SIRET look-up of the convention's first step fills the employer without validating the rest of the form:
only the SIRET's own error is shown, and what was typed in the other fields is kept."""

import pytest
from django.urls import reverse

from tests.conventions import factories

pytestmark = pytest.mark.django_db


def rechercher(client, **donnees):
    return client.post(reverse("conventions:nouvelle"), {"action": "rechercher", **donnees})


def test_un_siret_faux_n_affiche_que_son_erreur_et_garde_la_saisie(arretes, connecter):
    reponse = rechercher(connecter("prescripteur"), siret="12345678901234", contact_nom="Mme Martin")
    formulaire = reponse.context["form"]
    assert list(formulaire.errors) == ["siret"] and "clé de contrôle" in formulaire.errors["siret"][0]
    assert formulaire["contact_nom"].value() == "Mme Martin"
    assert "Indiquez le statut juridique" not in reponse.content.decode()


def test_un_siret_inconnu_ouvre_la_fiche_sans_erreur(arretes, connecter):
    reponse = rechercher(connecter("prescripteur"), siret=factories.siret(9002), commune="Paris")
    formulaire = reponse.context["form"]
    assert not formulaire.errors and formulaire["commune"].value() == "Paris"
    assert "Aucun employeur connu avec ce SIRET" in reponse.content.decode()


def test_un_siret_connu_remplit_l_identite_et_garde_le_contact_saisi(arretes, connecter):
    connu = factories.employeur(raison_sociale="Mairie de Montreuil", statut="collectivite_territoriale", numero=78)
    reponse = rechercher(connecter("prescripteur"), siret=connu.siret, raison_sociale="Autre", contact_nom="M. Roux")
    formulaire = reponse.context["form"]
    assert not formulaire.errors
    assert formulaire["raison_sociale"].value() == "Mairie de Montreuil"  # the establishment's public identity
    assert formulaire["contact_nom"].value() == "M. Roux"
