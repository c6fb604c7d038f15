"""Every URL of the URLconf, called as anonymous and as every role, answers what the matrix says."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import COMPTES
from tests.matrice.cas import EXCLUES, MATRICE, ROLES

pytestmark = pytest.mark.django_db


def noms_d_url(resolver=None, prefixe=""):
    resolver = resolver or get_resolver()
    for motif in resolver.url_patterns:
        if isinstance(motif, URLResolver):
            espace = f"{prefixe}{motif.namespace}:" if motif.namespace else prefixe
            if motif.namespace in EXCLUES:
                continue
            yield from noms_d_url(motif, espace)
        elif isinstance(motif, URLPattern) and motif.name:
            yield f"{prefixe}{motif.name}"


def test_chaque_url_a_sa_ligne_dans_la_matrice():
    manquantes = sorted(set(noms_d_url()) - set(MATRICE))
    assert manquantes == [], f"URL sans ligne dans tests/matrice/cas.py : {manquantes}"


def test_la_matrice_ne_cite_pas_d_url_disparue():
    assert sorted(set(MATRICE) - set(noms_d_url())) == []


CAS = [(nom, i, role) for nom, liste in sorted(MATRICE.items()) for i, _ in enumerate(liste) for role in ROLES]


@pytest.mark.parametrize(("nom", "indice", "role"), CAS, ids=[f"{n}[{i}]-{r}" for n, i, r in CAS])
def test_matrice(client, contexte, nom, indice, role):
    cas = MATRICE[nom][indice]
    demo = contexte
    if role != "anonyme":
        client.force_login(demo.comptes[COMPTES[role]], backend="django.contrib.auth.backends.ModelBackend")
    url = reverse(nom, kwargs=cas.kwargs(contexte))
    if cas.requete:
        url = f"{url}?{cas.requete}"
    if cas.methode == "post":
        reponse = client.post(url, cas.donnees(contexte) if cas.donnees else {})
    else:
        reponse = client.get(url)
    attendu = cas.statut_attendu(role)
    assert reponse.status_code == attendu, f"{cas.description} ({url}) en tant que {role}"
    if attendu == 302 and role == "anonyme" and cas.anonyme == 302 and cas.methode == "get":
        assert reponse.url.startswith(reverse("comptes:connexion")), reponse.url


def test_administration_reservee_au_personnel(client, demo_complet):
    demo = demo_complet
    from django.contrib import admin

    listes = [reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist") for m in admin.site._registry]
    assert len(listes) > 5
    for role in ("anonyme", "prescripteur", "national"):
        if role != "anonyme":
            client.force_login(demo.comptes[COMPTES[role]], backend="django.contrib.auth.backends.ModelBackend")
        for url in [reverse("admin:index"), *listes]:
            reponse = client.get(url)
            assert reponse.status_code == 302 and "/admin/login/" in reponse.url, (role, url)
    client.force_login(demo.comptes[COMPTES["admin"]], backend="django.contrib.auth.backends.ModelBackend")
    for url in [reverse("admin:index"), *listes]:
        assert client.get(url).status_code == 200, url
