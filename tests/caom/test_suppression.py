"""A CAOM entered by mistake (not signed nor failed, no convention under it, no exceptional mode) is deleted with
its steps after a confirmation page; the others stay, with the reason why."""

from datetime import date

import pytest
from django.urls import reverse

from caom.models import Caom, EtapeCaom, StatutCaom
from caom.regles import raison_de_garder
from caom.services import changer_statut
from tests.caom.factories import CaomFactory, caom_signee

pytestmark = pytest.mark.django_db


def test_raisons_de_garder_une_caom():
    assert raison_de_garder(StatutCaom.EN_NEGOCIATION, 0, False) is None
    assert "avenant" in raison_de_garder(StatutCaom.SIGNEE, 0, False)
    assert "échec" in raison_de_garder(StatutCaom.ECHEC, 0, False)
    assert "annexe 2" in raison_de_garder(StatutCaom.ACCORD_DE_PRINCIPE, 0, True)
    assert "2 convention(s)" in raison_de_garder(StatutCaom.EN_NEGOCIATION, 2, False)


def test_supprimer_une_caom_saisie_par_erreur(connecter, demo):
    caom = CaomFactory()
    changer_statut(caom, StatutCaom.EN_NEGOCIATION, date_etape=date(2009, 11, 9), aujourd_hui=date(2010, 11, 30))
    client = connecter("gestionnaire")
    url = reverse("caom:supprimer", args=[caom.pk])
    assert f'href="{url}"' in client.get(reverse("caom:detail", args=[caom.pk])).content.decode()
    page = client.get(url).content.decode()
    assert "Supprimer la CAOM ?" in page and "ne peut pas être retrouvée" in page
    assert client.post(url).status_code == 200 and Caom.objects.filter(pk=caom.pk).exists()
    reponse = client.post(url, {"confirme": "1"})
    assert reponse.status_code == 302 and reponse["Location"] == f"{reverse('caom:liste')}?annee=2010"
    assert not Caom.objects.filter(pk=caom.pk).exists() and not EtapeCaom.objects.filter(caom_id=caom.pk).exists()
    suppression = Caom.history.get(id=caom.pk, history_type="-")
    assert suppression.history_user == demo.comptes["gestionnaire@demo.cui.fr"]


def test_une_caom_signee_reste(connecter, demo):
    caom = caom_signee("93")
    client = connecter("gestionnaire")
    assert (
        f'href="{reverse("caom:supprimer", args=[caom.pk])}"'
        not in client.get(reverse("caom:detail", args=[caom.pk])).content.decode()
    )
    reponse = client.post(reverse("caom:supprimer", args=[caom.pk]), {"confirme": "1"}, follow=True)
    assert "Une CAOM signée ne se supprime pas" in reponse.content.decode()
    assert Caom.objects.filter(pk=caom.pk).exists()
    assert connecter("correspondant").get(reverse("caom:supprimer", args=[caom.pk])).status_code == 403
