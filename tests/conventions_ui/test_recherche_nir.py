"""A NIR typed in the list's search box never reaches a URL, hence never the web server's access log (ticket 15,
point 7): each request of a Django client journey is written in gunicorn's access-log format (the request
line, the referer, the redirection's address) and scanned; the deferred export stores the search as a keyed
hash, and still finds the person."""

from datetime import timedelta
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from gunicorn.config import Config
from gunicorn.glogging import Logger, SafeAtoms
from openpyxl import load_workbook

from conventions import recherche_nir
from conventions.views.export import TYPE_TRAVAIL, export_differe
from cui_portal import gunicorn_conf
from rappels.models import TravailDiffere
from tests.conventions import factories
from tests.conventions_ui.test_confidentialite import formes_du_nir

pytestmark = pytest.mark.django_db

FORMAT = gunicorn_conf.access_log_format  # the project's (`make run-full`): with where a redirection goes


class Journal:
    """The access log gunicorn would write for the client's requests (a browser sends the referer)."""

    def __init__(self, client):
        self.client, self.lignes, self.precedente = client, [], ""
        self.gunicorn = Logger(Config())

    def __call__(self, methode, url, donnees=None):
        en_tetes = {"HTTP_REFERER": self.precedente} if self.precedente else {}
        reponse = getattr(self.client, methode)(url, donnees or {}, **en_tetes)
        meta = reponse.wsgi_request.META
        requete = meta["PATH_INFO"] + (f"?{meta['QUERY_STRING']}" if meta.get("QUERY_STRING") else "")
        environ = {**meta, "RAW_URI": requete, "SERVER_PROTOCOL": "HTTP/1.1"}
        entetes = [(k[5:].replace("_", "-").lower(), v) for k, v in meta.items() if k.startswith("HTTP_")]
        resp = SimpleNamespace(status=f"{reponse.status_code} -", headers=list(reponse.items()), sent=0)
        atomes = self.gunicorn.atoms(resp, SimpleNamespace(headers=entetes), environ, timedelta(milliseconds=5))
        self.lignes.append(FORMAT % SafeAtoms(atomes))
        if methode == "get":
            self.precedente = f"http://testserver{requete}"
        return reponse


def _numeros(reponse) -> set[int]:
    return {c.pk for c in reponse.context["page_obj"]}


def _lignes_xlsx(contenu: bytes) -> list[tuple]:
    return list(load_workbook(BytesIO(contenu)).active.iter_rows(min_row=2, values_only=True))


def test_une_recherche_par_nir_ne_passe_par_aucune_adresse(arretes, connecter):
    cherchee = factories.convention(arretes)
    autre = factories.convention(arretes, salarie_=factories.salarie(nom="Martin"))
    nir = cherchee.salarie.nir
    tape = " ".join(formes_du_nir(nir)[1].split())  # typed with its spaces, as on the Cerfa
    client = connecter("prescripteur")
    journal = Journal(client)
    liste = reverse("conventions:liste")

    assert _numeros(journal("get", liste)) >= {cherchee.pk, autre.pk}
    envoi = journal("post", liste, {"q": tape, "statut": "", "tri": ""})
    assert envoi.status_code == 303 and envoi.url.startswith(f"{liste}?{recherche_nir.PARAMETRE}=")
    page = journal("get", envoi.url)
    assert _numeros(page) == {cherchee.pk}
    contenu = page.content.decode()
    assert recherche_nir.masque(nir) in contenu
    # The export link of the page carries the token: the same search, read back from the session.
    export = journal("get", reverse("conventions:export"), dict(page.context["parametres"]) | _jeton(envoi))
    assert [ligne[0] for ligne in _lignes_xlsx(export.content)] == [cherchee.numero]
    # The deferred export gets the page's parameters (its hidden fields): the hash, never the NIR.
    lancer = reverse("rappels:lancer_travail", args=[TYPE_TRAVAIL])
    assert journal("post", lancer, page.context["parametres"]).status_code == 302
    # Even an old form posting the NIR itself: it is stored as its hash.
    assert journal("post", lancer, {"q": tape}).status_code == 302
    travaux = list(TravailDiffere.objects.filter(type=TYPE_TRAVAIL).order_by("pk"))
    assert len(travaux) == 2
    for travail in travaux:
        assert travail.parametres[recherche_nir.EMPREINTE] == recherche_nir.empreinte(nir)
        _, fichier = export_differe(travail.parametres, lambda _: None)
        assert [ligne[0] for ligne in _lignes_xlsx(fichier.read_bytes())] == [cherchee.numero]
        fichier.unlink()
    # A search by name still lives in the address (it can be bookmarked).
    par_nom = journal("post", liste, {"q": "Martin"})
    assert par_nom.status_code == 303 and "q=Martin" in par_nom.url
    assert _numeros(journal("get", par_nom.url)) == {autre.pk}

    journal_texte = "\n".join(journal.lignes)
    assert "POST /conventions/ HTTP/1.1" in journal_texte and "recherche=" in journal_texte
    for forme in {*formes_du_nir(nir), tape, tape.replace(" ", "+")}:
        assert forme not in journal_texte, "NIR dans le journal d'accès"
        assert forme not in contenu, "NIR renvoyé par la page"
        for travail in travaux:
            assert forme not in str(travail.parametres), "NIR dans les paramètres du travail"


def _jeton(envoi) -> dict:
    return {recherche_nir.PARAMETRE: envoi.url.split(f"{recherche_nir.PARAMETRE}=")[1].split("&")[0]}


def test_un_jeton_d_une_autre_session_ne_donne_rien(arretes, connecter):
    cherchee = factories.convention(arretes)
    premier = connecter("prescripteur")
    envoi = premier.post(reverse("conventions:liste"), {"q": cherchee.salarie.nir})
    # Another session (here the same account in another browser) cannot replay the token.
    page = connecter("prescripteur", Client()).get(envoi.url)
    assert page.status_code == 200
    assert "plus disponible" in page.content.decode() and page.context["recherche_nir"] is None
