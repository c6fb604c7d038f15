"""Hostile query strings (ticket 15, point 6): every list, export, report and dashboard of the permission matrix
(each GET case answered 200) receives, in each of its parameters, a year or an id out of range (0, 10000, a
number beyond 64 bits, a negative one), something that is not a number, an overlong string. The parameters are
the ones the page itself offers (its GET forms, the query strings of its own links) and the numeric ones every
page of the portal reads (``annee``, ``region``, ``caom``, ``departement``, ``quinzaine``, ``page``, …). The answer
is never a 500 (nor an ``OverflowError`` of SQLite), on SQLite and on PostgreSQL (``DATABASE_URL``)."""

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from tests.conftest import COMPTES
from tests.matrice.cas import MATRICE
from tests.matrice.test_saisies_hostiles import REFUS_PROPRES

pytestmark = pytest.mark.django_db

ENORME = "9" * 30  # beyond 64 bits: SQLite's OverflowError, PostgreSQL's "out of range"
# Asked of each parameter on its own: an out-of-range year or id, not a number.
VALEURS = ("0", "10000", ENORME, "abc")
# Asked of every parameter at once.
VALEURS_ENSEMBLE = ("-1", str(2**63), "1e308", "２０１０", "x" * 300, "", "a\x00b")
# Read by the views from the query string (``request.GET``), whether a page links to them or not.
NUMERIQUES = (
    "annee",
    "region",
    "caom",
    "departement",
    "quinzaine",
    "page",
    "public",
    "organisation",
    "operateur",
    "statut",
    "etat",
    "a_faire",
    "transmission",
    "paiement",
    "non_lues",
)
ROLES = ("national", "admin", "correspondant", "gestionnaire", "prescripteur", "cg93")


class Parametres(HTMLParser):
    """The names a page offers in its query strings: fields of its GET forms, parameters of its links to itself."""

    def __init__(self, chemin: str):
        super().__init__()
        self.chemin = chemin
        self.noms: set[str] = set()
        self._get = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._get = (a.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self._get and a.get("name"):
            self.noms.add(a["name"])
        elif tag == "a" and a.get("href"):
            lien = urlsplit(a["href"])
            if lien.path in ("", self.chemin):
                self.noms.update(nom for nom, _ in parse_qsl(lien.query, keep_blank_values=True))

    def handle_endtag(self, tag):
        if tag == "form":
            self._get = False


def pages_en_lecture():
    """(url name, case index, a role allowed to read it) for every GET case of the matrix answered 200."""
    for nom, liste in sorted(MATRICE.items()):
        if nom.startswith(("comptes:", "admin")):
            continue  # the login pages read only ``next`` (tests/test_comptes.py)
        for i, cas in enumerate(liste):
            if cas.methode != "get":
                continue
            roles = [r for r in ROLES if cas.statut_attendu(r) == 200]
            if roles:
                yield nom, i, roles[0]


CAS = list(pages_en_lecture())


def _propre(reponse, url):
    assert reponse.status_code < 500, url
    assert reponse.status_code in {200, 302, 303, *REFUS_PROPRES}, (url, reponse.status_code)


@pytest.mark.parametrize(("nom", "indice", "role"), CAS, ids=[f"{n}[{i}]-{r}" for n, i, r in CAS])
def test_requete_hostile_sans_erreur_500(client, contexte, nom, indice, role):
    cas = MATRICE[nom][indice]
    client.force_login(contexte.comptes[COMPTES[role]], backend="django.contrib.auth.backends.ModelBackend")
    chemin = reverse(nom, kwargs=cas.kwargs(contexte))
    base = dict(parse_qsl(cas.requete, keep_blank_values=True))
    page = client.get(chemin, base)
    _propre(page, chemin)
    offerts = set()
    if page.status_code == 200 and "text/html" in page.get("Content-Type", ""):
        analyse = Parametres(chemin)
        analyse.feed(page.content.decode())
        offerts = analyse.noms - {"csrfmiddlewaretoken"}
    # Each parameter the page offers on its own (a valid one next to it must not hide it), then all at once.
    for parametre in sorted(offerts):
        for valeur in VALEURS:
            _propre(client.get(chemin, {**base, parametre: valeur}), f"{chemin}?{parametre}={valeur[:20]}")
    for valeur in (*VALEURS, *VALEURS_ENSEMBLE):
        tous = dict.fromkeys(offerts | set(NUMERIQUES), valeur)
        _propre(client.get(chemin, {**base, **tous}), f"{chemin}?*={valeur[:20]}")


def test_les_comites_d_une_annee_zero_ne_sont_pas_une_erreur(connecter):
    """The scenario of the ticket: ``/tableau-de-bord/comites/?annee=0`` (and 10000, and a huge number)."""
    client = connecter("correspondant")
    for annee in ("0", "10000", ENORME):
        assert client.get(reverse("tableau_de_bord:comites"), {"annee": annee}).status_code == 200
