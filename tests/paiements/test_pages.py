"""The demo's statement reconciled, and the scope of the statements and flagged-months pages."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from comptes.demo import creer_organisations_et_comptes
from paiements.models import PaiementAsp, ReleveAsp
from paiements.rapprochement import comptes
from referentiels.chargement import charger
from referentiels.models import Region


@pytest.fixture(scope="module")
def demo_complet(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("charger_demo", force=True, stdout=io.StringIO())
        yield creer_organisations_et_comptes()
        call_command("flush", interactive=False, verbosity=0)
        charger()


@pytest.fixture
def demo(demo_complet, db):
    return demo_complet


def test_le_releve_de_demonstration_a_un_trop_percu_et_un_impaye(demo):
    idf = Region.objects.get(code_insee="11")
    releve = ReleveAsp.objects.get(region=idf)
    assert releve.statut == "applique" and releve.paiements.count() == PaiementAsp.objects.count() > 100
    n = comptes(idf.pk, date(2010, 11, 30))
    assert (n.trop_percus, n.impayes, n.hors_echeancier) == (1, 1, 0)
    assert str(n.montant_trop_percu) == "150.00"
    # Loading the demo again does not record the statement twice.
    call_command("charger_demo", force=True, stdout=io.StringIO())
    assert ReleveAsp.objects.filter(region=idf).count() == 1


def test_pages_du_gestionnaire_d_ile_de_france(demo, connecter):
    client = connecter("gestionnaire")
    page = client.get(reverse("paiements:signalements"))
    assert page.status_code == 200
    assert [ligne.rapprochement.signal for ligne in page.context["lignes"]] == ["impaye", "trop_percu"]
    texte = page.content.decode()
    assert "1 trop-perçu" in texte and "1 impayé" in texte and "150,00\u00a0€" in texte
    assert "Paiements de l&#x27;ASP" in texte  # the menu entry
    releves = client.get(reverse("paiements:releves"))
    assert [r.region.code_insee for r in releves.context["page_obj"]] == ["11"]


def test_le_nord_ne_voit_pas_l_ile_de_france(demo, connecter):
    client = connecter("correspondant_nord")
    page = client.get(reverse("paiements:signalements"), {"region": Region.objects.get(code_insee="11").pk})
    # The region asked for is ignored: the Nord's own months, all unpaid (no statement of the Nord recorded).
    n = page.context["comptes"]
    assert n.trop_percus == 0 and n.impayes > 0
    assert {ligne.numero.split("-")[1] for ligne in page.context["lignes"]} <= {"059", "062"}
    assert not list(client.get(reverse("paiements:releves")).context["page_obj"])
    releve = ReleveAsp.objects.get(region__code_insee="11")
    assert client.get(reverse("paiements:apercu", args=[releve.pk])).status_code == 404


def test_le_national_voit_toutes_les_regions_ou_une(demo, connecter):
    client = connecter("national")
    idf, nord = (Region.objects.get(code_insee=code).pk for code in ("11", "31"))
    tout = client.get(reverse("paiements:signalements")).context["comptes"]
    du_nord = client.get(reverse("paiements:signalements"), {"region": nord}).context["comptes"]
    assert client.get(reverse("paiements:signalements"), {"region": idf}).context["comptes"].total == 2
    assert (tout.trop_percus, tout.impayes) == (1, 1 + du_nord.impayes) and du_nord.trop_percus == 0
    assert len(client.get(reverse("paiements:releves")).context["page_obj"]) == 1


@pytest.mark.parametrize("qui", ["prescripteur", "cg93"])
def test_ni_prescripteur_ni_conseil_general(demo, connecter, qui):
    client = connecter(qui)
    assert client.get(reverse("paiements:signalements")).status_code == 403
    assert "Paiements de l&#x27;ASP" not in client.get(reverse("accueil")).content.decode()


def test_fournisseur_des_conventions(demo):
    from conventions.paiements import paiements_de, suivi_disponible

    paiement = PaiementAsp.objects.order_by("pk").first()
    assert suivi_disponible()
    assert paiements_de(paiement.convention_id)[paiement.mois] == (
        paiement.montant_etat,
        paiement.montant_conseil_general,
    )
    assert paiements_de(0) == {}
