"""Bilans d'étape: reminders to the correspondents before and on the due date, to the MIP once late; once each,
however often the task runs; a missed run (worker or Redis stopped) is caught up the next day."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from rappels.models import Rappel, TypeRappel
from rappels.services import executer
from rappels.tasks import envoyer_rappels
from referentiels.models import Region
from tableau_de_bord.regles import quinzaine_contenant
from tableau_de_bord.services import ouvrir_bilan, quinzaine_du, soumettre_bilan

PARIS = ZoneInfo("Europe/Paris")
PERIODE = quinzaine_contenant(date(2010, 3, 1))  # 1–15 March 2010, due the next working day
ECHEANCE = PERIODE.date_echeance
CORRESPONDANTS_IDF = ["correspondant@demo.cui.fr", "multi@demo.cui.fr"]
J = timedelta(days=1)


def le(jour):
    return time_machine.travel(datetime.combine(jour, time(7, 0), tzinfo=PARIS), tick=False)


def tache_du(jour, fois=1):
    with le(jour):
        for _ in range(fois):
            envoyer_rappels.delay()


def destinataires():
    return sorted(m.to[0] for m in mail.outbox)


@pytest.fixture
def bilans(demo):
    """Île-de-France's bilan left as a draft; Nord-Pas-de-Calais's submitted."""
    quinzaine = quinzaine_du(PERIODE.date_debut)
    idf = ouvrir_bilan(Region.objects.get(code_insee="11"), quinzaine)
    nord = ouvrir_bilan(Region.objects.get(code_insee="31"), quinzaine)
    soumettre_bilan(nord, demo.comptes["correspondant.nord@demo.cui.fr"])
    return idf


@pytest.mark.django_db
def test_le_scenario_complet_un_seul_rappel_par_niveau(bilans, settings):
    mip = Region.objects.get(code_insee="11").correspondant_mip.email.lower()
    assert ECHEANCE == date(2010, 3, 16)

    tache_du(ECHEANCE - 4 * J)
    assert mail.outbox == []

    tache_du(ECHEANCE - 3 * J, fois=3)
    assert destinataires() == CORRESPONDANTS_IDF
    message = mail.outbox[0]
    assert "16/03/2010" in message.subject and "Île-de-France" in message.body
    assert f"https://portail-cui.test/tableau-de-bord/bilans/{bilans.pk}/" in message.body
    assert f'href="https://portail-cui.test/tableau-de-bord/bilans/{bilans.pk}/"' in message.alternatives[0][0]

    tache_du(ECHEANCE - 2 * J)
    tache_du(ECHEANCE - J)
    assert len(mail.outbox) == 2

    tache_du(ECHEANCE, fois=2)
    assert len(mail.outbox) == 4
    assert sorted(m.to[0] for m in mail.outbox[2:]) == CORRESPONDANTS_IDF
    assert "aujourd'hui" in mail.outbox[2].subject

    tache_du(ECHEANCE + J, fois=3)
    assert len(mail.outbox) == 5
    assert mail.outbox[4].to == [mip] and "retard" in mail.outbox[4].subject

    # Run by hand again, the next days: nothing more.
    executer(ECHEANCE + J)
    tache_du(ECHEANCE + 2 * J)
    assert len(mail.outbox) == 5
    niveaux = sorted(Rappel.objects.filter(type=TypeRappel.BILAN_ETAPE).values_list("niveau", "destinataire"))
    assert niveaux == sorted(
        [("j-3", d) for d in CORRESPONDANTS_IDF] + [("jour_j", d) for d in CORRESPONDANTS_IDF] + [("retard", mip)]
    )


@pytest.mark.django_db
def test_bilan_transmis_plus_de_rappel(bilans, demo):
    tache_du(ECHEANCE - 3 * J)
    assert len(mail.outbox) == 2
    soumettre_bilan(bilans, demo.comptes["correspondant@demo.cui.fr"])
    tache_du(ECHEANCE)
    tache_du(ECHEANCE + J)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_jours_avant_configurable(bilans, settings):
    settings.RAPPEL_BILAN_JOURS_AVANT = 5
    tache_du(ECHEANCE - 5 * J)
    assert destinataires() == CORRESPONDANTS_IDF
    assert Rappel.objects.filter(niveau="j-5").count() == 2


@pytest.mark.django_db
def test_bilan_jamais_ouvert_aussi_rappele(demo):
    tache_du(ECHEANCE - 3 * J)
    # Both regions have correspondents and no bilan: each is reminded; the link goes to the list of bilans.
    assert destinataires() == sorted([*CORRESPONDANTS_IDF, "correspondant.nord@demo.cui.fr"])
    assert "https://portail-cui.test/tableau-de-bord/bilans/" in mail.outbox[0].body


@pytest.mark.django_db
def test_passage_manque_rattrape_le_lendemain(bilans):
    """No run on the due date (worker stopped, Redis down): the next run sends what is due, nothing is lost."""
    mip = Region.objects.get(code_insee="11").correspondant_mip.email.lower()
    tache_du(ECHEANCE + J)
    assert destinataires() == sorted([*CORRESPONDANTS_IDF, mip])
    tache_du(ECHEANCE + J)
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_plus_rien_apres_le_rattrapage(bilans):
    tache_du(ECHEANCE + 30 * J)
    assert not Rappel.objects.filter(cle__endswith=PERIODE.date_debut.isoformat()).exists()
