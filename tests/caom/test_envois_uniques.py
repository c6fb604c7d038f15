"""A new CAOM and a step of its negotiation sent twice (double click, resent request, twenty at once): one object,
the same page, a French message, never a 500 (``comptes.envois``, ticket 15 point 5)."""

import uuid

import pytest
from django.urls import reverse

from caom.models import Caom, EtapeCaom
from comptes.envois import DEJA_ENREGISTRE, EXPIRE
from referentiels.models import Departement
from tests.conventions_ui.test_concurrence_postgres import en_meme_temps
from tests.tableau_de_bord.test_envois_uniques import client_de

from .test_vues import donnees_caom


def _creation(dep) -> str:
    return f"{reverse('caom:creer')}?departement={dep.pk}&annee=2010"


def _texte(reponse) -> str:
    return reponse.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
def test_une_nouvelle_caom_envoyee_deux_fois_une_seule(connecter, demo):
    client = connecter("gestionnaire")
    dep = Departement.objects.get(code="93")
    jeton = str(client.get(_creation(dep)).context["form"].initial["jeton_envoi"])
    premiere = client.post(_creation(dep), donnees_caom(jeton_envoi=jeton), follow=True)
    seconde = client.post(_creation(dep), donnees_caom(jeton_envoi=jeton), follow=True)
    caom = Caom.objects.get(departement=dep, annee=2010)
    assert premiere.redirect_chain == seconde.redirect_chain == [(reverse("caom:detail", args=[caom.pk]), 302)]
    assert "La CAOM est enregistrée." in _texte(premiere) and DEJA_ENREGISTRE in _texte(seconde)
    assert caom.history.count() == 1


@pytest.mark.django_db
def test_une_nouvelle_caom_sans_jeton_refusee(connecter, demo):
    dep = Departement.objects.get(code="93")
    reponse = connecter("gestionnaire").post(_creation(dep), donnees_caom())
    assert reponse.status_code == 200 and EXPIRE in _texte(reponse)
    assert not Caom.objects.filter(departement=dep, annee=2010).exists()


@pytest.mark.django_db
def test_la_modification_d_une_caom_n_a_pas_de_jeton(connecter, caom_93):
    """Changing an existing CAOM twice changes nothing more: no token there (``EnvoiUnique``)."""
    client = connecter("gestionnaire")
    assert "jeton_envoi" not in client.get(reverse("caom:modifier", args=[caom_93.pk])).context["form"].fields
    assert (
        client.post(reverse("caom:modifier", args=[caom_93.pk]), donnees_caom(nb_cie_cofinances=90)).status_code == 302
    )
    caom_93.refresh_from_db()
    assert caom_93.nb_cie_cofinances == 90


@pytest.mark.django_db
def test_une_etape_envoyee_deux_fois_une_seule(connecter, caom_93):
    client = connecter("gestionnaire")
    detail = reverse("caom:detail", args=[caom_93.pk])
    jeton = str(client.get(detail).context["form_etape"].initial["jeton_envoi"])
    etape = {"statut": "en_negociation", "date_etape": "2009-11-09", "commentaire": "Première réunion"}
    premiere = client.post(reverse("caom:etape", args=[caom_93.pk]), {**etape, "jeton_envoi": jeton}, follow=True)
    seconde = client.post(reverse("caom:etape", args=[caom_93.pk]), {**etape, "jeton_envoi": jeton}, follow=True)
    assert premiere.redirect_chain == seconde.redirect_chain == [(detail, 302)]
    assert "L'étape de la négociation est enregistrée." in _texte(premiere)
    # The second is told it was already sent, not that the negotiation cannot go back to « en négociation ».
    assert DEJA_ENREGISTRE in _texte(seconde) and "n'est pas enregistrée" not in _texte(seconde)
    assert EtapeCaom.objects.filter(caom=caom_93).count() == 1
    sans_jeton = client.post(
        reverse("caom:etape", args=[caom_93.pk]), {**etape, "statut": "accord_de_principe"}, follow=True
    )
    assert f"L'étape n'est pas enregistrée : {EXPIRE}" in _texte(sans_jeton)
    assert EtapeCaom.objects.filter(caom=caom_93).count() == 1


@pytest.mark.django_db
def test_la_signature_confirmee_garde_le_jeton(connecter, caom_93):
    """A final step goes through the confirmation page: it sends the token again, and the step is recorded once."""
    Caom.objects.filter(pk=caom_93.pk).update(
        statut="deliberation", date_deliberation="2009-12-14", instance_deliberation="commission_permanente"
    )
    client = connecter("gestionnaire")
    url = reverse("caom:etape", args=[caom_93.pk])
    signature = {"statut": "signee", "date_etape": "2009-12-18", "jeton_envoi": str(uuid.uuid4())}
    page = client.post(url, signature)
    assert page.status_code == 200 and f'value="{signature["jeton_envoi"]}"' in page.content.decode()
    for _ in range(2):
        assert client.post(url, {**signature, "confirme": "1"}).status_code == 302
    caom_93.refresh_from_db()
    assert caom_93.statut == "signee" and EtapeCaom.objects.filter(caom=caom_93).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vingt_nouvelles_caom_en_meme_temps_une_seule(exige_postgres, demo):
    dep = Departement.objects.get(code="93")
    jeton = str(uuid.uuid4())
    clients = [client_de(demo, "gestionnaire") for _ in range(20)]
    reponses = en_meme_temps(*[lambda c=c: c.post(_creation(dep), donnees_caom(jeton_envoi=jeton)) for c in clients])
    assert [r.status_code for r in reponses] == [302] * 20
    caom = Caom.objects.get(departement=dep, annee=2010)
    assert {r.url for r in reponses} == {reverse("caom:detail", args=[caom.pk])}
    assert caom.history.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vingt_etapes_en_meme_temps_une_seule(exige_postgres, demo):
    caom = Caom.objects.create(departement=Departement.objects.get(code="93"), annee=2010)
    url = reverse("caom:etape", args=[caom.pk])
    etape = {"statut": "en_negociation", "date_etape": "2009-11-09", "jeton_envoi": str(uuid.uuid4())}
    clients = [client_de(demo, "gestionnaire") for _ in range(20)]
    reponses = en_meme_temps(*[lambda c=c: c.post(url, etape) for c in clients])
    assert [r.status_code for r in reponses] == [302] * 20
    assert EtapeCaom.objects.filter(caom=caom).count() == 1
    # Each one is told the step is recorded, or that it had already been sent: none that it was refused.
    for client in clients:
        texte = _texte(client.get(reverse("caom:detail", args=[caom.pk])))
        assert "n'est pas enregistrée" not in texte
        assert "L'étape de la négociation est enregistrée." in texte or DEJA_ENREGISTRE in texte
