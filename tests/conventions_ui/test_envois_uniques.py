"""Creating forms sent twice (ticket 15, point 5): an avenant of a convention, a new arrêté and a new draft (its
step 2), sent twice from the same page (double click, resent request, twenty at once), are recorded once, the
second submit leads to the same page with a French message, never a 500 (``comptes.envois``)."""

import uuid
from datetime import date

import pytest
from django.urls import reverse

from arretes.models import Arrete
from comptes.envois import DEJA_ENREGISTRE, EXPIRE
from conventions.models import Convention
from droit.vocabulaire import StatutConvention
from tests.conventions import factories
from tests.conventions_ui.test_concurrence_postgres import en_meme_temps
from tests.conventions_ui.test_detail import _senior_rsa
from tests.conventions_ui.test_saisie import commencer, donnees_employeur, donnees_salarie
from tests.tableau_de_bord.test_envois_uniques import client_de

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


def test_un_nouveau_brouillon_envoye_deux_fois_un_seul(arretes, connecter):
    """Step 2 creates the draft: sent again from the same page (the step-1 session already spent), it leads to the
    same draft with a French message, not back to step 1, and writes nothing more."""
    client = connecter("prescripteur")
    assert client.post(reverse("conventions:nouvelle"), donnees_employeur()).status_code == 302
    url = reverse("conventions:nouvelle_salarie")
    salarie = {**donnees_salarie(), "jeton_envoi": _jeton(client, url)}
    premiere = client.post(url, salarie, follow=True)
    seconde = client.post(url, salarie, follow=True)
    brouillon = Convention.objects.get(statut=StatutConvention.BROUILLON, salarie__nom="Durand")
    attendu = [(reverse("conventions:etape", args=[brouillon.pk, 3]), 302)]
    assert premiere.redirect_chain == seconde.redirect_chain == attendu
    assert _message(seconde, DEJA_ENREGISTRE)
    assert brouillon.salarie.history.count() == 1 and brouillon.history.count() == 1
    # Without a token (a page of before, a script): refused with a French message, no draft.
    assert client.post(reverse("conventions:nouvelle"), donnees_employeur()).status_code == 302
    sans_jeton = client.post(url, {**donnees_salarie(nom="Martin"), "jeton_envoi": ""})
    assert sans_jeton.status_code == 200 and _message(sans_jeton, EXPIRE)
    assert not Convention.objects.filter(salarie__nom="Martin").exists()


def test_l_etape_salarie_d_un_brouillon_existant_n_a_pas_de_jeton(arretes, connecter):
    client = connecter("prescripteur")
    brouillon = commencer(client)
    page = client.get(reverse("conventions:etape", args=[brouillon.pk, 2]))
    assert "jeton_envoi" not in page.context["form"].fields


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vingt_etapes_salarie_en_meme_temps_un_seul_brouillon(exige_postgres, demo):
    """Twenty submits of the same step-2 page at once (the same person, the same token): one draft, written once,
    and all twenty land on it."""
    factories.arretes_2010(demo)
    clients = []
    for _ in range(20):
        client = client_de(demo, "prescripteur")
        assert client.post(reverse("conventions:nouvelle"), donnees_employeur()).status_code == 302
        clients.append(client)
    salarie = {**donnees_salarie(), "jeton_envoi": str(uuid.uuid4())}
    reponses = en_meme_temps(*[lambda c=c: c.post(reverse("conventions:nouvelle_salarie"), salarie) for c in clients])
    assert [r.status_code for r in reponses] == [302] * 20
    brouillon = Convention.objects.get(statut=StatutConvention.BROUILLON)
    assert {r.url for r in reponses} == {reverse("conventions:etape", args=[brouillon.pk, 3])}
    assert brouillon.salarie.history.count() == 1 and brouillon.employeur.history.count() == 1
