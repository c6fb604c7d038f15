"""The portal's one clock: Europe/Paris, pinnable by DATE_DU_JOUR, refused pinned in production unless allowed."""

import re
import secrets
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from cui_portal import horloge
from rappels.collecte import Demande
from rappels.destinataires import Destinataire
from rappels.regles import Occurrence
from rappels.services import message

from .test_socle import lancer


def test_aujourdhui_est_la_date_de_paris_et_non_celle_de_greenwich():
    # 23 h 30 UTC on 31 December 2010 is already 1 January 2011 in Paris.
    with time_machine.travel(datetime(2010, 12, 31, 23, 30, tzinfo=UTC), tick=False):
        assert horloge.aujourdhui() == date(2011, 1, 1)
        assert horloge.maintenant().utcoffset().total_seconds() == 3600


@override_settings(DATE_DU_JOUR=date(2010, 11, 30))
def test_une_date_epinglee_fixe_le_jour_et_laisse_courir_l_heure():
    with time_machine.travel(datetime(2026, 12, 1, 9, 15, tzinfo=UTC), tick=False):
        assert horloge.aujourdhui() == date(2010, 11, 30)
        maintenant = horloge.maintenant()
        assert (maintenant.date(), maintenant.hour, maintenant.minute) == (date(2010, 11, 30), 10, 15)
        assert horloge.date_epinglee() == date(2010, 11, 30)


def test_sans_epingle_l_horloge_suit_le_calendrier():
    with time_machine.travel(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), tick=False):
        assert horloge.date_epinglee() is None
        assert horloge.aujourdhui() == date(2026, 12, 1)


@pytest.mark.parametrize("valeur", ["30/11/2010", "2010-13-01", "demain"])
def test_une_date_du_jour_mal_ecrite_est_refusee_en_francais(valeur):
    with pytest.raises(ImproperlyConfigured, match="AAAA-MM-JJ"):
        horloge.lire_date_du_jour(valeur)


def test_une_date_du_jour_vide_ne_fige_rien():
    assert horloge.lire_date_du_jour("") is None
    assert horloge.lire_date_du_jour(None) is None
    assert horloge.lire_date_du_jour("2010-11-30") == date(2010, 11, 30)


def _production(**extra):
    env = {
        "DJANGO_SETTINGS_MODULE": "cui_portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "portail-cui.example.fr",
        "DATE_DU_JOUR": "2010-11-30",
    }
    env.update(extra)
    return lancer("check", env_extra=env)


def test_la_production_refuse_une_horloge_epinglee():
    resultat = _production()
    assert resultat.returncode != 0
    assert "DATE_DU_JOUR fige la date du portail" in resultat.stderr


def test_la_production_accepte_une_horloge_epinglee_explicitement_autorisee():
    resultat = _production(DATE_DU_JOUR_AUTORISEE_EN_PRODUCTION="1")
    assert resultat.returncode == 0, resultat.stderr


# --- the notice, on every page and in every e-mail, while the clock is pinned ---------------------------------


@pytest.mark.django_db
def test_chaque_page_annonce_la_date_epinglee(client, connecter, settings):
    settings.DATE_DU_JOUR = date(2010, 11, 30)
    assert "Démonstration : le portail est au 30/11/2010" in client.get(reverse("comptes:connexion")).text
    assert "Démonstration : le portail est au 30/11/2010" in connecter("prescripteur").get(reverse("accueil")).text


@pytest.mark.django_db
def test_aucune_annonce_quand_l_horloge_suit_le_calendrier(connecter):
    assert "Démonstration" not in connecter("prescripteur").get(reverse("accueil")).text


@pytest.mark.django_db
def test_les_courriels_annoncent_la_date_epinglee(client, demo, settings):
    settings.DATE_DU_JOUR = date(2010, 11, 30)
    client.post(reverse("comptes:reinitialisation"), {"email": "cg93@demo.cui.fr"})
    (courriel,) = mail.outbox
    assert courriel.body.startswith("Démonstration : le portail est au 30/11/2010.")
    assert "Démonstration : le portail est au 30/11/2010." in courriel.alternatives[0][0]
    echeance = date(2010, 11, 30)
    rappel = message(
        Demande(
            type="bilan",
            cle="essai",
            destinataire=Destinataire(email="correspondant@demo.cui.fr"),
            occurrence=Occurrence("jour_j", echeance, echeance, echeance, "correspondants"),
            sujet="Sujet",
            libelle="Libellé",
            paragraphes=("Un paragraphe.",),
        )
    )
    assert rappel.body.startswith("Démonstration : le portail est au 30/11/2010.")
    assert "Démonstration : le portail est au 30/11/2010." in rappel.alternatives[0][0]


# --- one clock: no other "today" or "now" in the apps -------------------------------------------------------

INTERDITS = re.compile(r"date\.today\(\)|timezone\.now\b|timezone\.localdate\(|datetime\.(now|today|utcnow)\(")


def _lectures_de_l_heure_hors_horloge() -> list[str]:
    racine = Path(settings.BASE_DIR)
    fautes = []
    for fichier in sorted(racine.glob("**/*.py")):
        relatif = fichier.relative_to(racine).as_posix()
        if (
            relatif.startswith((".venv/", "node_modules/", "tests/", "benchmarks/", "var/"))
            or "/migrations/" in relatif
        ):
            continue
        if relatif == "cui_portal/horloge.py":
            continue
        for numero, ligne in enumerate(fichier.read_text().splitlines(), 1):
            if INTERDITS.search(ligne):
                fautes.append(f"{relatif}:{numero}: {ligne.strip()}")
    return fautes


def test_aucune_autre_lecture_de_la_date_que_l_horloge():
    assert _lectures_de_l_heure_hors_horloge() == []


def test_la_recherche_des_lectures_de_la_date_sait_en_trouver():
    assert INTERDITS.search("jour = date.today()")
    assert INTERDITS.search("default=timezone.now")
    assert INTERDITS.search("timezone.localdate()")
    assert not INTERDITS.search("timezone.localtime(bilan.soumis_le)")
