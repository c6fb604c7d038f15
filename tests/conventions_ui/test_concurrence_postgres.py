"""The same form submitted twice at once gives one object (PostgreSQL, real concurrent transactions)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from conventions.models import Convention
from conventions.models_identites import Etablissement, IdentiteSalarie
from conventions.models_parties import Employeur, Salarie
from droit.vocabulaire import StatutConvention
from tests.conftest import COMPTES
from tests.conventions import factories

from .test_saisie import donnees_employeur, donnees_salarie

pytestmark = pytest.mark.django_db(transaction=True)


def en_meme_temps(*fonctions):
    """Run the functions in threads released together; return their results (or raise their error)."""
    depart = threading.Barrier(len(fonctions))
    resultats: list = [None] * len(fonctions)

    def lancer(i, f):
        try:
            depart.wait(timeout=10)
            resultats[i] = f()
        except Exception as exc:
            resultats[i] = exc
        finally:
            connection.close()

    fils = [threading.Thread(target=lancer, args=(i, f)) for i, f in enumerate(fonctions)]
    for f in fils:
        f.start()
    for f in fils:
        f.join(timeout=30)
    for r in resultats:
        if isinstance(r, Exception):
            raise r
    return resultats


def test_etape_salarie_envoyee_deux_fois_en_meme_temps_un_seul_brouillon(exige_postgres, demo):
    factories.arretes_2010(demo)
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(demo.comptes[COMPTES["prescripteur"]], backend="django.contrib.auth.backends.ModelBackend")
        assert client.post(reverse("conventions:nouvelle"), donnees_employeur()).status_code == 302
        clients.append(client)
    reponses = en_meme_temps(
        *[lambda c=c: c.post(reverse("conventions:nouvelle_salarie"), donnees_salarie()) for c in clients]
    )
    assert [r.status_code for r in reponses] == [302, 302]
    assert reponses[0].url == reponses[1].url  # both land on the same draft
    assert Convention.objects.filter(statut=StatutConvention.BROUILLON).count() == 1
    assert Salarie.objects.count() == 1 and IdentiteSalarie.objects.count() == 1
    assert Employeur.objects.count() == 1 and Etablissement.objects.count() == 1


def test_etablissement_cree_deux_fois_en_meme_temps_un_seul(exige_postgres, demo):
    from conventions.services import parties

    numero = factories.siret(4242)
    from referentiels.models import Departement

    paris = Departement.objects.get(code="75")
    champs = {"raison_sociale": "Régie de quartier", "statut_juridique": "association", "departement": paris}
    etablissements = en_meme_temps(*[lambda: parties.etablissement_de(numero, **champs)] * 4)
    assert len({e.pk for e in etablissements}) == 1
    assert Etablissement.objects.filter(siret=numero).count() == 1
