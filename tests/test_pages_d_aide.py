"""The « Aide » pages (one per role, public, the law's limits read from ``droit``), their link in the header and
on the login page, and the API's documentation served from the portal's own static files under its CSP."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from droit import nombres
from droit.vocabulaire import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role.values))
def test_chaque_role_a_sa_page_d_aide_avec_les_limites_et_leurs_sources(client, role):
    contenu = client.get(reverse("aide_role", args=[role])).content.decode()
    assert f"<h1>Aide : {Role(role).label.lower()}</h1>" in contenu
    assert f"de {nombres.HEURES_MIN} à {nombres.HEURES_MAX} heures" in contenu and nombres.SOURCE_HEURES in contenu
    assert f"{nombres.PLAFOND_CIE}\u00a0% du SMIC brut" in contenu and nombres.SOURCE_PLAFOND_CIE in contenu
    assert f"dans les {nombres.DELAI_DECLARATION_JOURS} jours" in contenu and nombres.SOURCE_CONSERVATION in contenu
    assert "Vos échéances" in contenu and 'aria-current="page"' in contenu


def test_l_aide_s_ouvre_sur_le_role_de_la_personne(connecter):
    contenu = connecter("gestionnaire").get(reverse("aide")).content.decode()
    assert "<h1>Aide : gestionnaire régional</h1>" in contenu and nombres.SOURCE_ARRETE in contenu


def test_sans_compte_l_aide_liste_les_roles_et_le_simulateur(client):
    contenu = client.get(reverse("aide")).content.decode()
    assert "<h1>Aide du Portail CUI</h1>" in contenu
    for role in Role.values:
        assert reverse("aide_role", args=[role]) in contenu
    assert reverse("simulateur:simulateur") in contenu


def test_un_role_inconnu_n_a_pas_de_page(client):
    assert client.get(reverse("aide_role", args=["inconnu"])).status_code == 404


def test_l_en_tete_mene_a_l_aide_et_la_connexion_au_simulateur(client, connecter):
    connexion = client.get(reverse("comptes:connexion")).content.decode()
    assert f'href="{reverse("simulateur:simulateur")}"' in connexion and "Simuler l'aide d'un contrat" in connexion
    assert f'href="{reverse("aide")}">Aide</a>' in connexion
    accueil = connecter("prescripteur").get(reverse("accueil")).content.decode()
    assert f'href="{reverse("aide")}">Aide</a>' in accueil


def test_la_documentation_de_l_api_est_servie_par_le_portail_sans_script_en_ligne(client):
    reponse = client.get(reverse("api-documentation"))
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    scripts = re.findall(r"<script([^>]*)>", contenu)
    assert scripts and all("src=" in attributs for attributs in scripts)  # no inline script
    sources = re.findall(r'(?:src|href)="(/static/drf_spectacular_sidecar/[^"]+)"', contenu)
    assert len(sources) == 3
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source  # served locally, no CDN
    assert "https://" not in " ".join(scripts)
    politique = reponse["Content-Security-Policy"]
    assert "script-src 'self'" in politique and "unsafe-inline" not in politique

    script = client.get(reverse("api-documentation"), {"script": ""})
    assert script["Content-Type"].startswith("application/javascript")
    assert reverse("api-schema") in script.content.decode()


def test_la_documentation_n_apparait_pas_dans_le_schema(client):
    schema = client.get(reverse("api-schema")).content.decode()
    assert "/api/aides/simulation" in schema and "/api/documentation/" not in schema
