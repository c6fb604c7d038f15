"""Arrêtés: the collector, and the generic machinery (idempotency, dry run) through it."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from arretes.models import Arrete, StatutArrete
from rappels.models import Rappel, TypeRappel
from rappels.services import executer
from rappels.tasks import envoyer_rappels
from referentiels.models import Region

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def seulement_les_arretes(monkeypatch):
    """These tests look at the arrêtés alone (bilans d'étape fall due in November too)."""
    from rappels.collecte import charger

    monkeypatch.setattr(
        "rappels.services.charger", lambda: {k: v for k, v in charger().items() if k == TypeRappel.ARRETE_ANNUEL}
    )


def publier_sauf(annee, *codes_exclus):
    for region in Region.objects.exclude(code_insee__in=codes_exclus):
        Arrete.objects.create(
            region=region,
            annee=annee,
            numero=f"{region.code_insee}-{annee}-1",
            titre="Arrêté",
            visas="Vu",
            statut=StatutArrete.PUBLIE,
            date_publication=date(annee - 1, 10, 15),
        )


@pytest.mark.django_db
def test_la_meme_tache_trois_fois_un_seul_courriel(demo):
    publier_sauf(2011, "11")
    with time_machine.travel(datetime(2010, 11, 1, 7, 0, tzinfo=PARIS), tick=False):
        for _ in range(3):
            envoyer_rappels.delay()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gestionnaire@demo.cui.fr"]
    assert "arrêté 2011" in message.subject
    assert "Île-de-France" in message.body
    html = message.alternatives[0][0]
    assert 'href="https://portail-cui.test/arretes/' in html
    rappel = Rappel.objects.get()
    assert rappel.type == TypeRappel.ARRETE_ANNUEL
    assert rappel.niveau == "1er_novembre"
    assert rappel.utilisateur == demo.comptes["gestionnaire@demo.cui.fr"]
    assert rappel.envoye_le is not None and rappel.tentatives == 1


@pytest.mark.django_db
def test_escalade_en_decembre_au_mip_et_au_national(demo):
    publier_sauf(2011, "11")
    executer(date(2010, 12, 1))
    destinataires = sorted(m.to[0] for m in mail.outbox)
    mip = Region.objects.get(code_insee="11").correspondant_mip.email.lower()
    assert destinataires == sorted(["gestionnaire@demo.cui.fr", mip, "national@demo.cui.fr"])
    executer(date(2010, 12, 2))
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_rien_quand_l_arrete_est_publie(demo):
    publier_sauf(2011)
    assert executer(date(2010, 11, 1)).envoyes == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_simulation_n_ecrit_rien(demo):
    publier_sauf(2011, "11", "31")
    sortie = StringIO()
    call_command("envoyer_rappels", "--dry-run", "--date", "2010-11-01", stdout=sortie)
    texte = sortie.getvalue()
    assert "2 rappel(s)" in texte
    assert "gestionnaire@demo.cui.fr" in texte and "gestionnaire.nord@demo.cui.fr" in texte
    assert "arrete_annuel" in texte and "30/11/2010" in texte
    assert Rappel.objects.count() == 0
    assert mail.outbox == []
    call_command("envoyer_rappels", "--date", "2010-11-01", stdout=StringIO())
    assert len(mail.outbox) == 2
    sortie = StringIO()
    call_command("envoyer_rappels", "--dry-run", "--date", "2010-11-01", stdout=sortie)
    assert "0 rappel(s)" in sortie.getvalue()


@pytest.mark.django_db
def test_echec_d_envoi_repris_au_passage_suivant(demo, monkeypatch):
    publier_sauf(2011, "11")

    def panne(*args, **kwargs):
        raise ConnectionRefusedError("serveur de courriel injoignable")

    with monkeypatch.context() as m:
        m.setattr("django.core.mail.EmailMultiAlternatives.send", panne)
        resultat = executer(date(2010, 11, 1))
    assert (resultat.envoyes, resultat.echecs) == (0, 1)
    rappel = Rappel.objects.get()
    assert rappel.envoye_le is None and "injoignable" in rappel.derniere_erreur
    assert executer(date(2010, 11, 2)).envoyes == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_date_invalide():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="AAAA-MM-JJ"):
        call_command("envoyer_rappels", "--date", "01/11/2010")
