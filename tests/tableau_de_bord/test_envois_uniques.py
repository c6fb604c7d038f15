"""Creating forms of the programme sent twice (double click, resent request, twenty at once): one object, a French
message, never a 500 (``comptes.envois``)."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from comptes.envois import DEJA_ENREGISTRE, EXPIRE
from tableau_de_bord.models import ComitePilotage, ConventionOperateur, CreditIngenierie, DemandePaiement
from tests.conftest import COMPTES
from tests.conventions_ui.test_concurrence_postgres import en_meme_temps

from .factories import OperateurFactory


@pytest.fixture
def convention_idf(demo, idf):
    operateur = OperateurFactory(region=idf, organisation=demo.organisations["ml_paris"])
    return ConventionOperateur.objects.create(
        operateur=operateur,
        objet="Accompagnement",
        montant=Decimal(10_000),
        signee_le=date(2010, 1, 4),
        transmise_asp_le=date(2010, 1, 5),
    )


def demande(convention, jeton):
    return {"convention": convention.pk, "montant": "1500", "jeton_envoi": jeton}


def comite(jeton):
    return {"date": "2010-04-12", "lieu": "Préfecture", "ordre_du_jour": "Immersions", "jeton_envoi": jeton}


def jeton_de_la_page(client, url) -> str:
    return str(client.get(url).context["form"].initial["jeton_envoi"])


@pytest.mark.django_db
def test_demande_de_paiement_envoyee_deux_fois_une_seule(connecter, idf, convention_idf):
    client = connecter("correspondant")
    url = reverse("tableau_de_bord:ajouter_demande", args=[idf.pk])
    jeton = jeton_de_la_page(client, url)
    assert jeton != jeton_de_la_page(client, url)  # each page shown has its own token
    premiere = client.post(url, demande(convention_idf, jeton), follow=True)
    seconde = client.post(url, demande(convention_idf, jeton), follow=True)
    assert premiere.redirect_chain == seconde.redirect_chain
    assert "Enregistrement effectué." in premiere.content.decode()
    assert DEJA_ENREGISTRE.replace("'", "&#x27;") in seconde.content.decode()
    assert DemandePaiement.objects.filter(convention=convention_idf).count() == 1
    # Another page (another token) is another request.
    client.post(url, demande(convention_idf, jeton_de_la_page(client, url)))
    assert DemandePaiement.objects.filter(convention=convention_idf).count() == 2


@pytest.mark.django_db
def test_comite_envoye_deux_fois_un_seul_et_sans_jeton_refuse(connecter, idf):
    client = connecter("correspondant")
    url = reverse("tableau_de_bord:ajouter_comite", args=[idf.pk])
    jeton = str(uuid.uuid4())
    assert client.post(url, comite(jeton)).status_code == 302
    assert client.post(url, comite(jeton)).status_code == 302
    assert ComitePilotage.objects.filter(region=idf, lieu="Préfecture").count() == 1
    sans_jeton = client.post(url, {**comite(""), "jeton_envoi": ""})
    assert sans_jeton.status_code == 200 and EXPIRE.replace("'", "&#x27;") in sans_jeton.content.decode()
    assert ComitePilotage.objects.filter(region=idf, lieu="Préfecture").count() == 1


@pytest.mark.django_db
def test_le_jeton_d_une_autre_personne_ne_mene_pas_a_sa_page(connecter, idf):
    jeton = str(uuid.uuid4())
    url = reverse("tableau_de_bord:ajouter_comite", args=[idf.pk])
    assert connecter("correspondant").post(url, comite(jeton)).status_code == 302
    reponse = connecter("gestionnaire").post(url, comite(jeton))
    assert reponse.status_code == 200 and EXPIRE.replace("'", "&#x27;") in reponse.content.decode()
    assert ComitePilotage.objects.filter(region=idf, lieu="Préfecture").count() == 1


def client_de(demo, qui) -> Client:
    client = Client()
    client.force_login(demo.comptes[COMPTES[qui]], backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vingt_demandes_de_paiement_en_meme_temps_une_seule(exige_postgres, demo, idf, convention_idf):
    url = reverse("tableau_de_bord:ajouter_demande", args=[idf.pk])
    jeton = str(uuid.uuid4())
    clients = [client_de(demo, "correspondant") for _ in range(20)]
    reponses = en_meme_temps(*[lambda c=c: c.post(url, demande(convention_idf, jeton)) for c in clients])
    assert [r.status_code for r in reponses] == [302] * 20
    assert len({r.url for r in reponses}) == 1
    assert DemandePaiement.objects.filter(convention=convention_idf).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_credits_d_une_meme_annee_en_meme_temps_message_au_champ(exige_postgres, demo, idf):
    """Two pages (two tokens) for the same year, sent at once: past the form's check, the unique constraint
    refuses the second, and its message is shown at the field (never an IntegrityError)."""
    url = reverse("tableau_de_bord:ajouter_credit", args=[idf.pk])
    clients = [client_de(demo, "gestionnaire") for _ in range(6)]
    donnees = [{"annee": 2010, "montant_notifie": "500", "jeton_envoi": str(uuid.uuid4())} for _ in clients]
    reponses = en_meme_temps(*[lambda c=c, d=d: c.post(url, d) for c, d in zip(clients, donnees, strict=True)])
    assert sorted(r.status_code for r in reponses) == [200] * 5 + [302]
    for reponse in reponses:
        if reponse.status_code == 200:
            assert reponse.context["form"].errors["annee"] == [
                "Les crédits d'ingénierie de cette année sont déjà enregistrés pour la région : modifiez-les."
            ]
    assert CreditIngenierie.objects.filter(region=idf, annee=2010).count() == 1
