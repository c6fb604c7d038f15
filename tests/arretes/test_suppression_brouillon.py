"""A draft arrêté entered by mistake is deleted with its rates, after a confirmation page; a published one never
(it is replaced by a new one). The deletion stays in the history with its author."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from arretes.models import Arrete, TauxPriseEnCharge
from arretes.regles import RegleArreteError
from arretes.services import supprimer_brouillon

from .factories import arrete_publie, creer_arrete

pytestmark = pytest.mark.django_db


def test_supprimer_un_brouillon_apres_confirmation(connecter, demo):
    arrete = creer_arrete("11", 2012)
    assert TauxPriseEnCharge.objects.filter(arrete=arrete).exists()
    client = connecter("gestionnaire")
    url = reverse("arretes:supprimer", args=[arrete.pk])
    assert f'href="{url}"' in client.get(reverse("arretes:detail", args=[arrete.pk])).content.decode()
    page = client.get(url).content.decode()
    assert escape("Supprimer le brouillon d'arrêté ?") in page and "ne peut pas être retrouvé" in page
    assert client.post(url).status_code == 200 and Arrete.objects.filter(pk=arrete.pk).exists()
    reponse = client.post(url, {"confirme": "1"})
    assert reponse.status_code == 302 and reponse["Location"] == reverse("arretes:liste")
    assert not Arrete.objects.filter(pk=arrete.pk).exists()
    assert not TauxPriseEnCharge.objects.filter(arrete_id=arrete.pk).exists()
    suppression = Arrete.history.get(id=arrete.pk, history_type="-")
    assert suppression.history_user == demo.comptes["gestionnaire@demo.cui.fr"]


def test_un_arrete_publie_ne_se_supprime_pas(connecter, demo):
    arrete = arrete_publie("11", 2010)
    with pytest.raises(RegleArreteError):
        supprimer_brouillon(arrete)
    assert (
        connecter("gestionnaire").post(reverse("arretes:supprimer", args=[arrete.pk]), {"confirme": "1"}).status_code
        == 403
    )
    brouillon = creer_arrete("11", 2012)
    assert (
        connecter("correspondant")
        .post(reverse("arretes:supprimer", args=[brouillon.pk]), {"confirme": "1"})
        .status_code
        == 403
    )
    assert Arrete.objects.filter(pk__in=[arrete.pk, brouillon.pk]).count() == 2
