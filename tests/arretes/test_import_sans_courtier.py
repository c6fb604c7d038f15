"""A long rates file while the broker is down, or after its worker died: never a 500, never « en cours » forever.

The broker is a real Redis client pointed at a closed port (nothing listens on 6390), as in
``tests/rappels/test_integration_celery.py``; with a reachable Redis and no worker, the task waits in a queue of
its own and the import goes stale.
"""

import logging
import uuid
from datetime import date, timedelta

import pytest
import redis
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from arretes.models import ImportTaux, StatutImport
from arretes.services import DELAI_VERIFICATION_INTERROMPUE, SEUIL_VERIFICATION_ASYNCHRONE
from tests.rappels.test_integration_celery import _ecoute, celery_sur, redis_url  # noqa: F401

from .factories import creer_arrete
from .fichiers import csv_, fichier, lignes_completes

COURTIER_FERME = "redis://127.0.0.1:6390/0"


@pytest.fixture
def brouillon(demo):
    return creer_arrete("11", 2010, numero="2009-1187", avec_taux=False)


def long_fichier() -> bytes:
    contenu = csv_(lignes_completes() + [["CAE", "autres-publics", 90, 20]] * 4900)
    assert len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
    return contenu


def deposer(client, arrete, contenu):
    return client.post(
        reverse("arretes:importer", args=[arrete.pk]), {"fichier": fichier(contenu, "taux.csv")}, follow=True
    )


def vieillir(depot, de=DELAI_VERIFICATION_INTERROMPUE + timedelta(minutes=1)):
    ImportTaux.objects.filter(pk=depot.pk).update(cree_le=F("cree_le") - de)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_injoignable_le_long_fichier_est_verifie_dans_la_requete(connecter, brouillon, caplog):
    client = connecter("gestionnaire")
    with celery_sur(COURTIER_FERME, "tests-import-panne"), caplog.at_level(logging.WARNING):
        assert not _ecoute("127.0.0.1", 6390)
        reponse = deposer(client, brouillon, long_fichier())

    assert reponse.status_code == 200
    assert "courtier de messages est injoignable" in caplog.text
    depot = ImportTaux.objects.get(arrete=brouillon)
    assert depot.statut == StatutImport.INVALIDE  # the 4 900 repeated rows are refused as duplicates
    assert depot.traitees == depot.total == len(lignes_completes()) + 4900
    assert "<progress" not in reponse.content.decode()
    assert "ligne" in reponse.content.decode() and "Refusée" in reponse.content.decode()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_sans_worker_l_import_en_cours_devient_interrompu_et_se_relance(connecter, brouillon, redis_url):  # noqa: F811
    client = connecter("gestionnaire")
    file = f"tests-import-sans-worker-{uuid.uuid4().hex[:8]}"
    try:
        with celery_sur(redis_url, file):
            reponse = deposer(client, brouillon, long_fichier())
            depot = ImportTaux.objects.get(arrete=brouillon)
            assert depot.statut == StatutImport.EN_COURS  # queued on the real Redis; no worker takes it
            assert redis.Redis.from_url(redis_url).llen(file) == 1
            assert "<progress" in reponse.content.decode()

            vieillir(depot)
            apercu = client.get(reverse("arretes:import_apercu", args=[brouillon.pk, depot.pk]))
            page = apercu.content.decode()
            assert "La vérification du fichier n'a pas abouti" in page and "Relancer la vérification" in page
            assert "<progress" not in page
            progression = reverse("arretes:import_progression", args=[brouillon.pk, depot.pk])
            assert client.get(progression, headers={"HX-Request": "true"})["HX-Refresh"] == "true"

            reponse = client.post(reverse("arretes:import_relancer", args=[brouillon.pk, depot.pk]), follow=True)
    finally:
        redis.Redis.from_url(redis_url).delete(file)

    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE and depot.traitees == depot.total
    assert "n'a pas abouti" not in reponse.content.decode()


def test_un_import_recent_ne_se_relance_pas(connecter, brouillon, django_capture_on_commit_callbacks):
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=False):  # the task is never published: a worker that died
        deposer(client, brouillon, long_fichier())
    depot = ImportTaux.objects.get(arrete=brouillon)
    apercu = reverse("arretes:import_apercu", args=[brouillon.pk, depot.pk])
    assert "n'a pas abouti" not in client.get(apercu).content.decode()

    reponse = client.post(reverse("arretes:import_relancer", args=[brouillon.pk, depot.pk]), follow=True)
    assert "pas interrompue" in reponse.content.decode()
    depot.refresh_from_db()
    assert depot.statut == StatutImport.EN_COURS

    vieillir(depot)
    assert "n'a pas abouti" in client.get(apercu).content.decode()
    client.post(reverse("arretes:import_relancer", args=[brouillon.pk, depot.pk]))
    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_indicateurs_apres_conclusion_redis_injoignable_sans_erreur(demo, caplog):
    """The dashboards' refresh after a convention is queued the tolerant way: Redis down is a warning."""
    from tableau_de_bord import signaux

    region = demo.organisations["direccte_idf"].region_id
    with (
        celery_sur(COURTIER_FERME, "tests-indicateurs-panne"),
        caplog.at_level(logging.WARNING),
        transaction.atomic(),
    ):
        signaux._programmer(region, date(2010, 3, 1))
    assert "tableau_de_bord.rafraichir_indicateurs non envoyée" in caplog.text


def test_la_reprise_periodique_reprend_puis_abandonne_les_imports_bloques(
    connecter, brouillon, django_capture_on_commit_callbacks
):
    """Beat's ``arretes.reprendre_imports``: a check left « en cours » (message lost) is resumed after
    DELAI_VERIFICATION_INTERROMPUE, failed with an explanation after DELAI_ABANDON_VERIFICATION; a recent one waits."""
    from arretes.services import DELAI_ABANDON_VERIFICATION, MESSAGE_ABANDON
    from arretes.tasks import reprendre_imports

    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=False):  # the task is never published
        deposer(client, brouillon, long_fichier())
    depot = ImportTaux.objects.get(arrete=brouillon)
    assert reprendre_imports() == {"repris": 0, "abandonnes": 0}

    vieillir(depot)
    assert reprendre_imports() == {"repris": 1, "abandonnes": 0}
    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE and depot.traitees == depot.total and bytes(depot.contenu) == b""

    ImportTaux.objects.filter(pk=depot.pk).update(statut=StatutImport.EN_COURS, contenu=long_fichier())
    vieillir(depot, DELAI_ABANDON_VERIFICATION + timedelta(minutes=1))
    assert reprendre_imports() == {"repris": 0, "abandonnes": 1}
    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE and depot.erreurs_fichier == [MESSAGE_ABANDON]
    assert bytes(depot.contenu) == b"" and depot.lignes == []
    progression = reverse("arretes:import_progression", args=[brouillon.pk, depot.pk])
    assert client.get(progression, headers={"HX-Request": "true"})["HX-Refresh"] == "true"
    page = client.get(reverse("arretes:import_apercu", args=[brouillon.pk, depot.pk])).content.decode()
    assert "interrompue à plusieurs reprises" in page and "<progress" not in page and "hx-trigger" not in page


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_coupe_pendant_un_import_la_ligne_bloquee_est_reprise(connecter, brouillon, redis_url):  # noqa: F811
    """The task reached Redis, then Redis « stopped » (the broker now points at a closed port) before any worker
    took it: the row stays « en cours »; the periodic recovery, which needs no broker, checks it."""
    from arretes.tasks import reprendre_imports

    client = connecter("gestionnaire")
    file = f"tests-import-coupure-{uuid.uuid4().hex[:8]}"
    try:
        with celery_sur(redis_url, file):
            deposer(client, brouillon, long_fichier())
    finally:
        redis.Redis.from_url(redis_url).delete(file)  # the message is lost with the broker
    depot = ImportTaux.objects.get(arrete=brouillon)
    assert depot.statut == StatutImport.EN_COURS

    with celery_sur(COURTIER_FERME, "tests-import-coupure-fermee"):
        assert not _ecoute("127.0.0.1", 6390)
        vieillir(depot)
        page = client.get(reverse("arretes:import_apercu", args=[brouillon.pk, depot.pk])).content.decode()
        assert "n'a pas abouti" in page and "hx-trigger" not in page
        assert reprendre_imports() == {"repris": 1, "abandonnes": 0}
    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE and depot.traitees == depot.total


def test_un_import_remplace_arrete_le_sondage_avec_une_explication(
    connecter, brouillon, django_capture_on_commit_callbacks
):
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=False):
        deposer(client, brouillon, long_fichier())
    ancien = ImportTaux.objects.get(arrete=brouillon)
    with django_capture_on_commit_callbacks(execute=False):
        deposer(client, brouillon, long_fichier())  # a newer deposit replaces it
    reponse = client.get(
        reverse("arretes:import_progression", args=[brouillon.pk, ancien.pk]), headers={"HX-Request": "true"}
    )
    assert reponse.status_code == 286  # htmx's « stop polling »
    assert "un autre fichier a été déposé" in reponse.content.decode()
