"""A CAOM signature the rules refuse is shown at its field, before any confirmation is asked (issue 17, point 2):
never confirmed first, then refused."""

import uuid

import pytest
from django.urls import reverse

from caom.models import Caom, StatutCaom
from tests.caom.factories import CaomFactory

pytestmark = pytest.mark.django_db


def test_signature_sans_deliberation_refusee_au_champ_avant_la_confirmation(connecter, demo):
    caom = CaomFactory(statut=StatutCaom.ACCORD_DE_PRINCIPE)
    client = connecter("gestionnaire")
    url = reverse("caom:etape", args=[caom.pk])
    reponse = client.post(url, {"statut": "signee", "date_etape": "2009-12-15", "jeton_envoi": str(uuid.uuid4())})
    texte = reponse.content.decode()
    assert reponse.status_code == 400
    assert "Passer la CAOM à l'état" not in texte and 'name="confirme"' not in texte
    form = reponse.context["form_etape"]
    assert "délibération du conseil général" in form.errors["date_deliberation"][0]
    assert "délibération du conseil général" in texte
    caom.refresh_from_db()
    assert caom.statut == StatutCaom.ACCORD_DE_PRINCIPE


def test_signature_conforme_confirmee_puis_enregistree(connecter, demo):
    caom = CaomFactory(statut=StatutCaom.ACCORD_DE_PRINCIPE)
    client = connecter("gestionnaire")
    url = reverse("caom:etape", args=[caom.pk])
    signature = {
        "statut": "signee",
        "date_etape": "2009-12-18",
        "date_deliberation": "2009-12-14",
        "instance_deliberation": "commission_permanente",
        "jeton_envoi": str(uuid.uuid4()),  # the step is a creating form, sent once (comptes.envois)
    }
    page = client.post(url, signature)
    assert page.status_code == 200 and 'name="confirme" value="1"' in page.content.decode()
    assert Caom.objects.get(pk=caom.pk).statut == StatutCaom.ACCORD_DE_PRINCIPE
    assert client.post(url, {**signature, "confirme": "1"}).status_code == 302
    assert Caom.objects.get(pk=caom.pk).statut == StatutCaom.SIGNEE
