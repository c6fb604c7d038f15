"""A long ASP statement while the broker is down, or after its worker died: never a 500, never « en cours »
forever (same machinery as the rates import: ``envoyer_tache(..., si_injoignable=…)`` and a periodic recovery)."""

import logging
from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse

from paiements.models import ReleveAsp, StatutReleve
from paiements.services import (
    DELAI_ABANDON_VERIFICATION,
    DELAI_VERIFICATION_INTERROMPUE,
    MESSAGE_ABANDON,
    SEUIL_VERIFICATION_ASYNCHRONE,
)
from paiements.tasks import reprendre_releves
from tests.rappels.test_integration_celery import _ecoute, celery_sur

from .conftest import csv_, fichier

COURTIER_FERME = "redis://127.0.0.1:6390/0"


def long_releve(numero: str) -> bytes:
    lignes = [[numero, f"{m:02d}/2010", "1,00", "0"] for m in range(1, 10)]
    lignes += [[f"CAE-075-2010-{n:06d}", "01/2010", "1", "0"] for n in range(600000, 604000)]
    contenu = csv_(lignes)
    assert len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
    return contenu


def vieillir(releve, de=DELAI_VERIFICATION_INTERROMPUE + timedelta(minutes=1)):
    ReleveAsp.objects.filter(pk=releve.pk).update(cree_le=F("cree_le") - de)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_injoignable_le_long_releve_est_verifie_dans_la_requete(connecter, conventions, caplog):
    client = connecter("gestionnaire")
    with celery_sur(COURTIER_FERME, "tests-releve-panne"), caplog.at_level(logging.WARNING):
        assert not _ecoute("127.0.0.1", 6390)
        reponse = client.post(
            reverse("paiements:importer"), {"fichier": fichier(long_releve(conventions["idf"].numero))}, follow=True
        )
    assert reponse.status_code == 200
    assert "courtier de messages est injoignable" in caplog.text
    releve = ReleveAsp.objects.get()
    assert releve.statut == StatutReleve.INVALIDE and releve.traitees == releve.total == 4009
    assert "<progress" not in reponse.content.decode()


@pytest.mark.django_db
def test_la_reprise_periodique_reprend_puis_abandonne_les_releves_bloques(
    connecter, conventions, django_capture_on_commit_callbacks
):
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=False):  # the task is never published
        client.post(reverse("paiements:importer"), {"fichier": fichier(long_releve(conventions["idf"].numero))})
    releve = ReleveAsp.objects.get()
    assert releve.statut == StatutReleve.EN_COURS
    page = client.get(reverse("paiements:apercu", args=[releve.pk])).content.decode()
    assert "<progress" in page and "hx-trigger" in page
    assert reprendre_releves() == {"repris": 0, "abandonnes": 0}

    vieillir(releve)
    assert reprendre_releves() == {"repris": 1, "abandonnes": 0}
    releve.refresh_from_db()
    assert releve.statut == StatutReleve.INVALIDE and releve.traitees == releve.total and bytes(releve.contenu) == b""

    ReleveAsp.objects.filter(pk=releve.pk).update(statut=StatutReleve.EN_COURS)
    vieillir(releve, DELAI_ABANDON_VERIFICATION + timedelta(minutes=1))
    assert reprendre_releves() == {"repris": 0, "abandonnes": 1}
    releve.refresh_from_db()
    assert releve.erreurs_fichier == [MESSAGE_ABANDON] and releve.lignes == []
    progression = reverse("paiements:progression", args=[releve.pk])
    assert client.get(progression, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
    page = client.get(reverse("paiements:apercu", args=[releve.pk])).content.decode()
    assert "interrompue à plusieurs reprises" in page and "<progress" not in page
