"""Creating forms sent twice (ticket 15, point 5): an avenant of a convention and a new arrêté, sent twice from the
same page (double click, resent request), are recorded once, the second submit leads to the same page with a
French message, never a 500 (``comptes.envois``)."""

from datetime import date

import pytest
from django.urls import reverse

from arretes.models import Arrete
from comptes.envois import DEJA_ENREGISTRE, EXPIRE
from tests.conventions import factories
from tests.conventions_ui.test_detail import _senior_rsa

pytestmark = pytest.mark.django_db


def _jeton(client, url) -> str:
    page = client.get(url)
    assert page.status_code == 200
    return str(page.context["form"].initial["jeton_envoi"])


def _renouvellement(jeton) -> dict:
    return {
        "date": "15/12/2011",
        "date_effet": "04/01/2012",
        "date_fin": "03/01/2013",
        "date_fin_contrat_travail": "03/01/2013",
        "bilan_employeur_fourni": "on",
        "jeton_envoi": jeton,
    }


def _message(reponse, texte) -> bool:
    return texte.replace("'", "&#x27;") in reponse.content.decode()


def test_un_avenant_envoye_deux_fois_n_est_enregistre_qu_une_fois(arretes, connecter):
    c = _senior_rsa(arretes)
    client = connecter("prescripteur")
    url = reverse("conventions:avenant", args=[c.pk, "renouvellement"])
    jeton = _jeton(client, url)
    premiere = client.post(url, _renouvellement(jeton), follow=True)
    seconde = client.post(url, _renouvellement(jeton), follow=True)
    assert premiere.redirect_chain == seconde.redirect_chain == [(reverse("conventions:detail", args=[c.pk]), 302)]
    assert _message(premiere, "L'avenant est enregistré.") and _message(seconde, DEJA_ENREGISTRE)
    c.refresh_from_db()
    assert c.avenants.count() == 1 and c.date_fin == date(2013, 1, 3)
    # Without a token (a page of before, a script): refused with a French message, nothing written.
    sans_jeton = client.post(url, _renouvellement(""))
    assert sans_jeton.status_code == 200 and _message(sans_jeton, EXPIRE)
    assert c.avenants.count() == 1


def test_une_suspension_envoyee_deux_fois_une_seule(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    url = reverse("conventions:suspension", args=[c.pk])
    donnees = {"date_suspension": "01/03/2010", "motif": "maladie", "date_declaration": "05/03/2010"}
    jeton = _jeton(client, url)
    for _ in range(2):
        assert client.post(url, {**donnees, "jeton_envoi": jeton}).status_code == 302
    assert c.suspensions.count() == 1


def test_un_nouvel_arrete_envoye_deux_fois_un_seul(demo, connecter):
    client = connecter("gestionnaire")
    url = reverse("arretes:creer")
    donnees = {
        "annee": 2012,
        "portee": "cae_cie",
        "numero": "2011-0042",
        "lieu_signature": "Paris",
        "signataire": "Le préfet de la région Île-de-France",
        "jeton_envoi": _jeton(client, url),
    }
    premiere = client.post(url, donnees, follow=True)
    seconde = client.post(url, donnees, follow=True)
    assert premiere.status_code == seconde.status_code == 200
    assert premiere.redirect_chain == seconde.redirect_chain and len(premiere.redirect_chain) == 1
    assert _message(premiere, "Arrêté enregistré.") and _message(seconde, DEJA_ENREGISTRE)
    assert Arrete.objects.filter(numero="2011-0042").count() == 1
