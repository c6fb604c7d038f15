"""No NIR in the web server's access log (ticket 15, point 7): a real gunicorn process, started with the project's
settings file (``cui_portal/gunicorn_conf.py``, the one `make run-full` uses, its access-log format included),
serves a whole journey of a prescripteur: log in, enter a draft up to the employee's NIR, search the list by NIR
(a POST), open the convention found, its Cerfa and the export of the search; then its log is read."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from comptes.demo import MOT_DE_PASSE_DEMO
from conventions.models import Convention
from cui_portal import gunicorn_conf
from tests.conftest import COMPTES
from tests.conventions import factories
from tests.conventions_ui.test_confidentialite import formes_du_nir
from tests.conventions_ui.test_saisie import donnees_employeur, donnees_salarie

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CONFIGURATION = settings.BASE_DIR / "cui_portal" / "gunicorn_conf.py"
NIR_SAISI = factories.nir(1, 1990, 3, ordre=77)


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _url_de_la_base() -> str:
    base = connection.settings_dict
    compte = base["USER"] + (f":{base['PASSWORD']}" if base["PASSWORD"] else "")
    return f"postgres://{compte}@{base['HOST']}:{base['PORT'] or 5432}/{base['NAME']}"


@pytest.fixture
def gunicorn(tmp_path, exige_postgres):
    """A gunicorn process on the tests' database; yields its address and the paths of its access and error logs."""
    port, journal, erreurs = _port_libre(), tmp_path / "acces.log", tmp_path / "erreurs.log"
    env = {
        **os.environ,
        "DATABASE_URL": _url_de_la_base(),
        "DJANGO_SETTINGS_MODULE": "cui_portal.settings.test",
        "DATE_DU_JOUR": "2010-11-30",
        "REDIS_URL": "",
    }
    commande = [sys.executable, "-m", "gunicorn", "-c", str(CONFIGURATION), "--bind", f"127.0.0.1:{port}"]
    processus = subprocess.Popen(
        [*commande, "--workers", "1", "--no-control-socket", "--access-logfile", str(journal)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=erreurs.open("wb"),
    )
    adresse = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(adresse + reverse("comptes:connexion"), timeout=30)
                break
            except OSError:  # not listening yet (URLError), or still loading the project (a timeout)
                if processus.poll() is not None:
                    pytest.fail(f"gunicorn ne démarre pas : {erreurs.read_text()[-2000:]}")
                time.sleep(0.1)
        yield adresse, journal, erreurs
    finally:
        processus.terminate()
        processus.wait(timeout=20)


class Navigateur:
    """Cookies, the CSRF token of the last page and its address sent as referer, as a browser does."""

    def __init__(self, adresse, erreurs):
        self.adresse, self.erreurs, self.precedente, self.page = adresse, erreurs, "", ""
        self.ouvreur = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def __call__(self, chemin, donnees=None):
        corps = None
        if donnees is not None:
            jeton = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.page).group(1)
            corps = urllib.parse.urlencode({"csrfmiddlewaretoken": jeton, **donnees}).encode()
        requete = urllib.request.Request(self.adresse + chemin, data=corps)
        if self.precedente:
            requete.add_header("Referer", self.precedente)
        try:
            with self.ouvreur.open(requete, timeout=60) as reponse:
                contenu, self.precedente = reponse.read(), reponse.url
        except urllib.error.HTTPError as exc:
            pytest.fail(f"{exc} sur {exc.url} ; gunicorn : {self.erreurs.read_text()[-3000:]}")
        if reponse.headers.get_content_type() == "text/html":
            self.page = contenu.decode()
        return reponse, contenu


def test_un_parcours_complet_ne_laisse_aucun_nir_dans_le_journal_de_gunicorn(gunicorn, demo):
    adresse, journal, erreurs = gunicorn
    factories.arretes_2010(demo)
    cherchee = factories.convention(demo)
    nir = cherchee.salarie.nir
    aller = Navigateur(adresse, erreurs)

    aller(reverse("comptes:connexion"))
    reponse, _ = aller(
        reverse("comptes:connexion"), {"username": COMPTES["prescripteur"], "password": MOT_DE_PASSE_DEMO}
    )
    assert reponse.url == f"{adresse}/"
    # A new draft: its employee's NIR typed at step 2 (a POST body, never an address).
    aller(reverse("conventions:nouvelle"))
    employeur = {k: str(v) for k, v in donnees_employeur().items()}
    reponse, _ = aller(reverse("conventions:nouvelle"), employeur)
    assert reponse.url == adresse + reverse("conventions:nouvelle_salarie")
    jeton = re.search(r'name="jeton_envoi" value="([^"]+)"', aller.page).group(1)
    salarie = {**donnees_salarie(nir=NIR_SAISI), "jeton_envoi": jeton}
    reponse, _ = aller(reverse("conventions:nouvelle_salarie"), salarie)
    brouillon = Convention.objects.get(salarie__identite__nir=NIR_SAISI)
    assert reponse.url == adresse + reverse("conventions:etape", args=[brouillon.pk, 3])
    # The list searched by NIR, typed with its spaces as on the Cerfa: a POST, then a page whose address has a token.
    aller(reverse("conventions:liste"))
    tape = formes_du_nir(nir)[1]
    reponse, contenu = aller(reverse("conventions:liste"), {"q": tape, "statut": "", "tri": ""})
    assert "recherche=" in reponse.url and cherchee.numero in contenu.decode()
    lien_export = re.search(r'href="(/conventions/export/\?[^"]+)"', aller.page).group(1).replace("&amp;", "&")
    _, fichier = aller(lien_export)
    assert fichier.startswith(b"PK")  # the XLSX of the search
    aller(reverse("conventions:detail", args=[cherchee.pk]))
    _, cerfa = aller(reverse("conventions:cerfa", args=[cherchee.pk]))
    assert cerfa.startswith(b"%PDF")
    aller(reverse("comptes:deconnexion"), {})

    texte = journal.read_text()
    lignes = texte.splitlines()
    assert len(lignes) >= 15
    assert any('"POST /conventions/ HTTP/1.1" 303' in ligne and "recherche=" in ligne for ligne in lignes)
    assert all(ligne.endswith('"') and "ms " in ligne for ligne in lignes)  # the project's format, its last field
    for n in (nir, NIR_SAISI):
        for forme in {*formes_du_nir(n), urllib.parse.quote_plus(formes_du_nir(n)[1])}:
            assert forme not in texte, f"NIR dans le journal d'accès de gunicorn : {forme}"


def test_le_format_du_journal_est_celui_de_la_configuration():
    """`make run-full` serves with gunicorn and this file (not runserver), its log with the redirection's target."""
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    cible = makefile.split("\nrun-full:", 1)[1].split("\n\n", 1)[0]
    assert "gunicorn -c cui_portal/gunicorn_conf.py" in cible and "runserver" not in cible
    assert "%({location}o)s" in gunicorn_conf.access_log_format and "%(r)s" in gunicorn_conf.access_log_format
