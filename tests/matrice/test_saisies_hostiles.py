"""Hostile input: every page with a POST form, found through the permission matrix, receives random and boundary
values (huge numbers, negative hours, dates in year 1 or 9999, very long strings, unicode, empty). The answer is
never a 500: either the data are accepted (redirect) or the form comes back with a French error at a field."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import COMPTES
from tests.matrice.cas import MATRICE

pytestmark = pytest.mark.django_db

# Statuses that mean "refused cleanly": a forbidden action, a missing object, a conflict, a wrong method.
REFUS_PROPRES = {400, 403, 404, 405, 409, 413}
MARQUES_D_ERREUR = ("fr-message--error", "fr-error-text", "fr-alert--error", "fr-input-group--error")
FRANCAIS = re.compile(
    r"(obligatoire|invalide|Saisissez|doit|ne peut|trop|plafonn|Sélectionnez|erreur|Erreur|incorrect)"
)


class Formulaires(HTMLParser):
    """The POST forms of a page: action and field names (with the values of hidden and choice fields)."""

    def __init__(self):
        super().__init__()
        self.formulaires: list[dict] = []
        self._courant = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._courant = {"action": a.get("action") or "", "champs": {}, "choix": {}, "caches": {}}
            self.formulaires.append(self._courant)
        elif self._courant is None:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            type_ = (a.get("type") or "text").lower()
            if type_ == "hidden" or a["name"] == "csrfmiddlewaretoken":
                self._courant["caches"][a["name"]] = a.get("value", "")
            elif type_ in ("radio", "checkbox"):
                self._courant["choix"].setdefault(a["name"], []).append(a.get("value", "on"))
            elif type_ not in ("submit", "button", "file"):
                self._courant["champs"][a["name"]] = type_
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._courant["choix"].setdefault(a["name"], [])
        elif tag == "option" and self._select:
            self._courant["choix"][self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._courant = None
        elif tag == "select":
            self._select = None


def pages_a_formulaire():
    """(url name, case index, a role allowed to GET it) for every GET case of the matrix answered 200."""
    for nom, liste in sorted(MATRICE.items()):
        if nom.startswith(("comptes:", "admin")):
            continue  # login and password forms are covered by tests/test_comptes.py (axes would lock accounts)
        for i, cas in enumerate(liste):
            if cas.methode != "get":
                continue
            roles = [r for r in ("prescripteur", "gestionnaire", "correspondant", "cg93", "national", "admin")
                     if cas.statut_attendu(r) == 200]  # fmt: skip
            if roles:
                yield nom, i, roles[0]


HOSTILES = st.one_of(
    st.just(""),
    st.just("-1"),
    st.just("-35"),
    st.just("0"),
    st.just("1e308"),
    st.just("99999999999999999999999999"),
    st.just("0001-01-01"),
    st.just("9999-12-31"),
    st.just("31/02/2010"),
    st.just("01/01/0001"),
    st.just("=1+1"),
    st.just("<script>alert(1)</script>"),
    st.just("x" * 5000),
    st.just("Ünïcødé ✓ 𝔘 \u202e"),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
)


CAS = list(pages_a_formulaire())


@pytest.mark.parametrize(("nom", "indice", "role"), CAS, ids=[f"{n}[{i}]-{r}" for n, i, r in CAS])
def test_formulaire_sans_erreur_500(client, contexte, nom, indice, role):
    demo_complet = contexte
    cas = MATRICE[nom][indice]
    client.force_login(demo_complet.comptes[COMPTES[role]], backend="django.contrib.auth.backends.ModelBackend")
    url = reverse(nom, kwargs=cas.kwargs(demo_complet))
    page = client.get(f"{url}?{cas.requete}" if cas.requete else url)
    assert page.status_code == 200
    formulaires = []
    if "text/html" in page.get("Content-Type", ""):
        analyse = Formulaires()
        analyse.feed(page.content.decode())
        formulaires = [f for f in analyse.formulaires if f["champs"] or f["choix"]]
    if not formulaires:
        return  # a page (or file) without a form to fill: nothing to post

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.data())
    def envoyer(data):
        for formulaire in formulaires:
            valeurs = dict(formulaire["caches"])
            for champ in formulaire["champs"]:
                valeurs[champ] = data.draw(HOSTILES, label=champ)
            for champ, options in formulaire["choix"].items():
                valeurs[champ] = data.draw(st.sampled_from([*options, "", "inconnu", "-1"]), label=champ)
            cible = formulaire["action"] or url
            if cible.startswith("?"):
                cible = url + cible
            reponse = client.post(cible, valeurs)
            assert reponse.status_code < 500, (cible, valeurs)
            assert reponse.status_code in {200, 302, 303, *REFUS_PROPRES}, (cible, reponse.status_code)
            if reponse.status_code == 200 and "text/html" in reponse.get("Content-Type", ""):
                contenu = reponse.content.decode()
                if any(m in contenu for m in MARQUES_D_ERREUR):
                    assert FRANCAIS.search(contenu), (cible, "erreur sans message français")

    envoyer()
