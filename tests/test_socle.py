"""Settings, deployment checks, error pages, French formats, Celery wiring, shared helpers."""

import os
import secrets
import subprocess
import sys
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import formats

from cui_portal.exports import cellule_sure, classeur_xlsx

RACINE = settings.BASE_DIR


def lancer(*args, env_extra=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=RACINE, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_sans_avertissement_en_production():
    resultat = lancer(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "cui_portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "portail-cui.example.fr",
        },
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    assert "no issues" in resultat.stdout


def test_secret_key_obligatoire_sans_debug():
    resultat = lancer("check", env_extra={"DJANGO_SETTINGS_MODULE": "cui_portal.settings.production"})
    assert resultat.returncode != 0
    assert "SECRET_KEY doit être défini" in resultat.stderr


def test_demo_refusee_sans_debug():
    resultat = lancer(
        "charger_demo",
        env_extra={"DJANGO_SETTINGS_MODULE": "cui_portal.settings.production", "SECRET_KEY": "x" * 60},
    )
    assert resultat.returncode != 0
    assert "ne se chargent que lorsque DEBUG est activé" in resultat.stderr


def test_langue_fuseau_et_formats_francais():
    assert settings.LANGUAGE_CODE == "fr-fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert formats.date_format(date(2010, 1, 4), "SHORT_DATE_FORMAT") == "04/01/2010"
    rendu = Template("{{ montant|floatformat:2 }}").render(Context({"montant": Decimal("1043.38")}))
    assert rendu == "1\u202f043,38"
    rendu = Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": 360000}))
    assert rendu == "360\u202f000"


def test_celery_execute_en_direct_sans_redis():
    from cui_portal.celery import app

    assert app.conf.task_always_eager is True
    assert "celery.contrib.django.task:DjangoTask" in str(app.conf.get("task_cls", "")) or hasattr(
        app.Task, "delay_on_commit"
    )


@pytest.mark.django_db
def test_pages_d_erreur_dsfr(client):
    reponse = client.get("/nexiste-pas/")
    assert reponse.status_code == 404
    contenu = reponse.content.decode()
    assert "Page introuvable" in contenu
    assert "fr-header" in contenu


@pytest.mark.django_db
def test_page_500_autonome():
    from cui_portal.views import erreur_500

    reponse = erreur_500(RequestFactory().get("/"))
    assert reponse.status_code == 500
    assert "Erreur inattendue" in reponse.content.decode()


@pytest.mark.django_db
def test_en_tetes_de_securite(client):
    reponse = client.get(reverse("comptes:connexion"))
    politique = dict(d.strip().split(" ", 1) for d in reponse["Content-Security-Policy"].split(";"))
    assert politique["script-src"] == "'self'"
    assert politique["frame-ancestors"] == "'none'"
    assert reponse["X-Frame-Options"] == "DENY"
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert reponse["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
@override_settings(CSRF_COOKIE_SECURE=False)
def test_csrf_exige_sur_les_post(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    reponse = client.post(reverse("comptes:connexion"), {"username": "a@b.fr", "password": "x"})
    assert reponse.status_code == 403


def test_export_xlsx_neutralise_les_formules():
    from openpyxl import load_workbook

    assert cellule_sure("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert cellule_sure("Dupont") == "Dupont"
    contenu = classeur_xlsx([("Feuille", ["Nom", "Date", "Montant"], [["=1+1", date(2010, 1, 4), Decimal("894.30")]])])
    feuille = load_workbook(BytesIO(contenu)).active
    assert feuille["A2"].value == "'=1+1"
    assert feuille["B2"].number_format == "dd/mm/yyyy"
    assert feuille["C2"].value == 894.3


@pytest.mark.django_db
def test_aucun_style_en_ligne_autorise_par_la_csp(client):
    politique = dict(
        d.strip().split(" ", 1) for d in client.get(reverse("comptes:connexion"))["Content-Security-Policy"].split(";")
    )
    assert politique["style-src"] == "'self'"


def test_aucun_gabarit_du_projet_n_ecrit_de_style_en_ligne():
    """The CSP refuses inline styles: the project's page templates use classes (e-mails and PDFs excepted)."""
    fautes = []
    for gabarit in RACINE.glob("**/templates/**/*.html"):
        chemin = gabarit.relative_to(RACINE).as_posix()
        if chemin.startswith((".venv", "node_modules")) or "/emails/" in chemin or "email" in gabarit.name:
            continue
        if "/pdf/" in chemin or chemin.startswith("templates/pdf"):
            continue
        texte = gabarit.read_text()
        if 'style="' in texte or "<style" in texte:
            fautes.append(chemin)
    assert fautes == []


@pytest.mark.django_db
def test_pages_connectees_et_documents_jamais_mis_en_cache(connecter):
    reponse = connecter("prescripteur").get(reverse("accueil"))
    assert "no-store" in reponse["Cache-Control"] and "private" in reponse["Cache-Control"]


@pytest.mark.parametrize(
    ("type_contenu", "sans_cache"),
    [
        ("application/pdf", True),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True),
        ("text/csv; charset=utf-8", True),
        ("text/html; charset=utf-8", False),
    ],
)
def test_les_documents_ne_sont_jamais_mis_en_cache_meme_sans_session(type_contenu, sans_cache):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from cui_portal.middleware import PasDeCacheMiddleware

    requete = RequestFactory().get("/")
    requete.user = AnonymousUser()
    reponse = PasDeCacheMiddleware(lambda r: HttpResponse(b"x", content_type=type_contenu))(requete)
    assert ("no-store" in reponse.get("Cache-Control", "")) is sans_cache


def test_la_session_dure_une_journee_de_travail_glissante():
    from cui_portal.settings import base

    assert base.SESSION_COOKIE_AGE == 9 * 3600
    assert base.SESSION_SAVE_EVERY_REQUEST is True
