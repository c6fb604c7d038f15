"""Payment requests of the operators (circular 2009-38): refused while the agreement is not sent to the ASP
(§ 1.1: « Ce document doit être adressé à l'ASP dès signature »), beyond what remains of the agreement, paid
before the complete file (§ 1.2). Boundaries: the remaining amount to the cent, the day of the complete file."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tableau_de_bord.models import ConventionOperateur, DemandePaiement
from tableau_de_bord.regles import erreurs_demande_paiement

from .factories import OperateurFactory

JOUR = date(2010, 11, 30)


def erreurs(**autres):
    valeurs = {
        "montant": Decimal(1500),
        "montant_convention": Decimal(45_000),
        "deja_demande": Decimal(27_000),
        "transmise_asp_le": date(2009, 10, 20),
        "date_complet": None,
        "payee_le": None,
        "aujourd_hui": JOUR,
    }
    return erreurs_demande_paiement(**(valeurs | autres))


def test_reste_de_la_convention_au_centime():
    assert erreurs(montant=Decimal(18_000)) == {}
    trop = erreurs(montant=Decimal("18000.01"))
    assert (
        list(trop) == ["montant"]
        and "18\u202f000,00\u00a0€" in trop["montant"]
        and "45\u202f000,00\u00a0€" in trop["montant"]
    )


def test_convention_non_transmise_a_l_asp():
    assert "§ 1.1" in erreurs(transmise_asp_le=None)["convention"]
    assert "convention" in erreurs(transmise_asp_le=date(2010, 12, 1))
    assert erreurs(transmise_asp_le=JOUR) == {}


def test_payee_seulement_au_vu_du_dossier_complet():
    assert "attestation de service fait" in erreurs(payee_le=date(2010, 11, 2))["payee_le"]
    veille = erreurs(date_complet=date(2010, 11, 3), payee_le=date(2010, 11, 2))
    assert "03/11/2010" in veille["payee_le"] and "§ 1.2" in veille["payee_le"]
    assert erreurs(date_complet=date(2010, 11, 3), payee_le=date(2010, 11, 3)) == {}


@pytest.fixture
def conventions_idf(demo, idf):
    operateur = OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])
    commun = {"operateur": operateur, "montant": Decimal(10_000), "signee_le": date(2010, 1, 4)}
    transmise = ConventionOperateur.objects.create(objet="Transmise", transmise_asp_le=date(2010, 1, 5), **commun)
    non_transmise = ConventionOperateur.objects.create(objet="Non transmise", **commun)
    DemandePaiement.objects.create(convention=transmise, montant=Decimal(8_000))
    return transmise, non_transmise


def _jeton(client, url):
    return str(client.get(url).context["form"].initial["jeton_envoi"])


@pytest.mark.django_db
def test_page_refuse_au_champ(connecter, idf, conventions_idf):
    transmise, non_transmise = conventions_idf
    client = connecter("correspondant")
    url = reverse("tableau_de_bord:ajouter_demande", args=[idf.pk])
    reponse = client.post(url, {"convention": non_transmise.pk, "montant": "100", "jeton_envoi": _jeton(client, url)})
    assert reponse.status_code == 200 and "§ 1.1" in reponse.context["form"].errors["convention"][0]
    reponse = client.post(url, {"convention": transmise.pk, "montant": "2000.01", "jeton_envoi": _jeton(client, url)})
    assert "2\u202f000,00\u00a0€" in reponse.context["form"].errors["montant"][0]
    donnees = {
        "convention": transmise.pk,
        "montant": "2000",
        "compte_rendu_recu_le": "2010-11-02",
        "attestation_recue_le": "2010-11-03",
        "payee_le": "2010-11-02",
        "jeton_envoi": _jeton(client, url),
    }
    reponse = client.post(url, donnees)
    assert "03/11/2010" in reponse.context["form"].errors["payee_le"][0]
    assert DemandePaiement.objects.filter(convention__operateur__region=idf).count() == 1
    donnees |= {"payee_le": "2010-11-03", "jeton_envoi": _jeton(client, url)}
    assert client.post(url, donnees).status_code == 302
    assert DemandePaiement.objects.filter(convention=transmise).count() == 2
