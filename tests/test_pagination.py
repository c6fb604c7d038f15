"""Pagination: one page size for every list, links that keep the search URL-encoded."""

import re
from html import unescape

import pytest
from django.conf import settings

from referentiels.models import Departement, Organisation, TypeOrganisation


@pytest.mark.django_db
def test_une_recherche_a_et_b_survit_a_la_page_2(connecter):
    agence = {"type": TypeOrganisation.AGENCE_POLE_EMPLOI, "departement": Departement.objects.get(code="75")}
    for i in range(settings.TAILLE_PAGE + 3):
        Organisation.objects.create(nom=f"Agence A&B {i:02d}", **agence)
    Organisation.objects.create(nom="Agence A", **agence)
    client = connecter("national")

    page_1 = client.get("/referentiels/organisations/", {"q": "A&B", "type": "pole_emploi"}).content.decode()
    assert page_1.count("Agence A&amp;B") == settings.TAILLE_PAGE
    suivante = re.search(r'href="\?([^"]*)">Page suivante', page_1)
    assert suivante, "pas de lien vers la page 2"
    requete = unescape(suivante.group(1))
    assert requete == "q=A%26B&type=pole_emploi&page=2"

    page_2 = client.get(f"/referentiels/organisations/?{requete}").content.decode()
    assert page_2.count("Agence A&amp;B") == 3 and "Agence A<" not in page_2
    precedente = re.search(r'href="\?([^"]*)">Page précédente', page_2)
    assert unescape(precedente.group(1)) == "q=A%26B&type=pole_emploi&page=1"


def test_une_seule_taille_de_page():
    from pathlib import Path

    racine = Path(settings.BASE_DIR)
    # Every list goes through cui_portal.pagination.paginer.
    appels = [
        str(p.relative_to(racine))
        for p in racine.glob("*/**/*.py")
        if ".venv" not in p.parts and "tests" not in p.parts and re.search(r"\bPaginator\b", p.read_text())
    ]
    assert sorted(appels) == ["cui_portal/pagination.py"]


@pytest.mark.django_db
def test_une_page_lue_en_deux_temps_garde_l_ordre_et_ses_jointures(django_assert_num_queries):
    """The identifiers of the page first, then its rows: same rows in the same order as one sliced query, with
    the ``select_related`` of the list (no query per row), in a number of queries that does not grow."""
    from django.test import RequestFactory

    from cui_portal.pagination import paginer

    agence = {"type": TypeOrganisation.AGENCE_POLE_EMPLOI, "departement": Departement.objects.get(code="75")}
    for i in range(2 * settings.TAILLE_PAGE + 4):
        Organisation.objects.create(nom=f"Agence {i % 7} n° {i:02d}", **agence)
    qs = Organisation.objects.filter(nom__startswith="Agence ").select_related("departement").order_by("nom", "-pk")
    attendu = list(qs.all())
    for numero in (1, 2, 3):
        requete = RequestFactory().get("/", {"page": numero})
        with django_assert_num_queries(3):  # count, identifiers, rows
            page = paginer(requete, qs)
            noms = [(o.pk, o.departement.code) for o in page]
        debut = (numero - 1) * settings.TAILLE_PAGE
        assert noms == [(o.pk, o.departement.code) for o in attendu[debut : debut + settings.TAILLE_PAGE]]
    assert len(noms) == 4


@pytest.mark.django_db
def test_une_liste_distincte_reste_lue_d_un_coup():
    from django.test import RequestFactory

    from cui_portal.pagination import paginer

    agence = {"type": TypeOrganisation.AGENCE_POLE_EMPLOI, "departement": Departement.objects.get(code="75")}
    for i in range(3):
        Organisation.objects.create(nom=f"Agence distincte {i}", **agence)
    qs = Organisation.objects.filter(nom__startswith="Agence distincte").distinct().order_by("-nom")
    page = paginer(RequestFactory().get("/"), qs)
    assert [o.nom for o in page] == ["Agence distincte 2", "Agence distincte 1", "Agence distincte 0"]


@pytest.mark.django_db
def test_une_page_de_dictionnaires_reste_des_dictionnaires():
    from django.test import RequestFactory

    from cui_portal.pagination import paginer

    agence = {"type": TypeOrganisation.AGENCE_POLE_EMPLOI, "departement": Departement.objects.get(code="75")}
    for i in range(3):
        Organisation.objects.create(nom=f"Agence valeurs {i}", **agence)
    qs = Organisation.objects.filter(nom__startswith="Agence valeurs").order_by("nom").values("nom")
    page = paginer(RequestFactory().get("/"), qs)
    assert list(page) == [{"nom": "Agence valeurs 0"}, {"nom": "Agence valeurs 1"}, {"nom": "Agence valeurs 2"}]
