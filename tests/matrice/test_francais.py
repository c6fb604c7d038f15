"""French that reads right, on every page of the permission matrix (the whole demo loaded): each page one may open
has its breadcrumb, every amount a no-break space before « € », sizes in « Mo », no select starts with
« --------- », and a draft never says « Conclue le »."""

import re

import pytest
from django.urls import reverse

from tests.conftest import COMPTES
from tests.conventions import factories
from tests.matrice.cas import MATRICE, ROLES

pytestmark = pytest.mark.django_db

# Pages without the portal's navigation path: the home page itself, and those of a visitor not yet in.
SANS_FIL = {"accueil", "comptes:connexion", "comptes:deconnexion", "comptes:choisir_organisation"}
EURO_SANS_INSECABLE = re.compile(r"[0-9] €")
TAILLE_ANGLAISE = re.compile(r"[0-9]\s?(Mio|Kio|MB|KB)\b")


def _premier_role_admis(cas) -> str | None:
    """One role that gets the page (the first of the matrix), to read each page once."""
    return next((r for r in ROLES if r != "anonyme" and cas.statut_attendu(r) == 200), None)


PAGES = [
    (nom, i, role)
    for nom, liste in sorted(MATRICE.items())
    for i, cas in enumerate(liste)
    if cas.methode == "get" and (role := _premier_role_admis(cas))
]


@pytest.mark.parametrize(("nom", "indice", "role"), PAGES, ids=[f"{n}[{i}]-{r}" for n, i, r in PAGES])
def test_chaque_page_en_bon_francais(client, contexte, nom, indice, role):
    cas = MATRICE[nom][indice]
    client.force_login(contexte.comptes[COMPTES[role]], backend="django.contrib.auth.backends.ModelBackend")
    url = reverse(nom, kwargs=cas.kwargs(contexte))
    reponse = client.get(f"{url}?{cas.requete}" if cas.requete else url)
    assert reponse.status_code == 200
    if not reponse.get("Content-Type", "").startswith("text/html") or b"<main" not in reponse.content:
        return  # a file, a fragment, an API
    page = reponse.content.decode()
    if nom not in SANS_FIL and not nom.startswith("admin:"):
        assert 'class="fr-breadcrumb"' in page, f"{url} n'a pas de fil d'Ariane"
    assert not EURO_SANS_INSECABLE.findall(page), f"{url} : un montant sans espace insécable avant « € »"
    assert not TAILLE_ANGLAISE.findall(page), f"{url} : une taille qui n'est pas en « Mo » / « Ko »"
    assert ">---------<" not in page, f"{url} : une liste de choix commence par « --------- »"


def test_un_brouillon_ne_dit_jamais_conclue_le(client, contexte):
    """A draft's planned date of conclusion is « prévue », never under « Conclue le » in the list."""
    brouillon = factories.convention(contexte, conclure=False)
    client.force_login(contexte.comptes[COMPTES["prescripteur"]], backend="django.contrib.auth.backends.ModelBackend")
    detail = client.get(reverse("conventions:detail", args=[brouillon.pk])).content.decode()
    assert "prévue le 15/12/2009 (brouillon, non conclue)" in detail
    liste = client.get(reverse("conventions:liste"), {"statut": "brouillon"}).content.decode()
    ligne = liste[liste.index(f"Brouillon n° {brouillon.pk}<") :]
    assert "15/12/2009" not in ligne[: ligne.index("</tr>")]
