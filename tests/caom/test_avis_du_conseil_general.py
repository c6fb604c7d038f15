"""Every role can do its part: the conseil général comments on its CAOM's steps and approves the text proposed
for signature (after the accord de principe, before the signature, once); nobody else speaks for it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from caom import services
from caom.models import AvisCaom, NatureAvis, StatutCaom
from caom.regles_avis import RegleAvisError, verifier_approbation, verifier_commentaire
from caom.services_avis import approuver_texte
from droit.nombres import SOURCE_CAOM
from referentiels.models import Departement
from tests.caom.factories import CaomFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caom_93(demo):
    caom = CaomFactory(departement=Departement.objects.get(code="93"), annee=2011, nb_cae_cofinances=10)
    gestionnaire = demo.comptes["gestionnaire@demo.cui.fr"]
    services.changer_statut(caom, StatutCaom.EN_NEGOCIATION, date_etape=date(2010, 10, 4), auteur=gestionnaire)
    return caom


def test_les_regles_de_l_approbation():
    with pytest.raises(RegleAvisError, match=SOURCE_CAOM):
        verifier_approbation("en_negociation", deja_approuve=False)
    with pytest.raises(RegleAvisError, match="déjà approuvé"):
        verifier_approbation("accord_de_principe", deja_approuve=True)
    verifier_approbation("accord_de_principe", deja_approuve=False)
    verifier_approbation("deliberation", deja_approuve=False)
    with pytest.raises(RegleAvisError):
        verifier_approbation("signee", deja_approuve=False)
    with pytest.raises(RegleAvisError, match="Écrivez"):
        verifier_commentaire("   ")


def test_le_conseil_general_commente_une_etape_de_sa_caom(connecter, caom_93):
    etape = caom_93.etapes.get()
    client = connecter("cg93")
    url = reverse("caom:commenter_etape", args=[caom_93.pk, etape.pk])
    reponse = client.post(url, {"texte": "Nous souhaitons 40 CAE de plus."}, follow=True)
    assert "Votre commentaire de l&#x27;étape du 04/10/2010 est enregistré." in reponse.content.decode()
    avis = AvisCaom.objects.get()
    assert (avis.etape, avis.nature, avis.auteur.email) == (etape, NatureAvis.COMMENTAIRE, "cg93@demo.cui.fr")
    assert "Nous souhaitons 40 CAE de plus." in reponse.content.decode()
    vide = client.post(url, {"texte": " "}, follow=True)
    assert "Écrivez le commentaire" in vide.content.decode() and AvisCaom.objects.count() == 1
    assert connecter("gestionnaire").post(url, {"texte": "Moi aussi"}).status_code == 403
    assert connecter("cg59").post(url, {"texte": "Et moi"}).status_code == 404


def test_le_conseil_general_approuve_le_texte_propose_a_la_signature(connecter, caom_93, demo):
    client = connecter("cg93")
    url = reverse("caom:approuver_texte", args=[caom_93.pk])
    detail = client.get(reverse("caom:detail", args=[caom_93.pk])).content.decode()
    assert "Commenter une étape" in detail and "Approuver le texte" not in detail  # not yet proposed
    assert "après l&#x27;accord de principe" in client.post(url, follow=True).content.decode()
    services.changer_statut(caom_93, StatutCaom.ACCORD_DE_PRINCIPE, date_etape=date(2010, 10, 29))
    assert (
        "Approuver le texte proposé à la signature"
        in client.get(reverse("caom:detail", args=[caom_93.pk])).content.decode()
    )
    assert connecter("gestionnaire").post(url).status_code == 403
    page = connecter("cg93").post(url, follow=True).content.decode()
    assert "Approuvé par le conseil général le 30/11/2010" in page
    approbation = AvisCaom.objects.get(nature=NatureAvis.APPROBATION)
    assert approbation.statut_caom == StatutCaom.ACCORD_DE_PRINCIPE
    assert "déjà approuvé" in connecter("cg93").post(url, follow=True).content.decode()
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses a second approval too
        AvisCaom.objects.create(
            caom=caom_93, nature=NatureAvis.APPROBATION, statut_caom="deliberation", donne_le=approbation.donne_le
        )
    with pytest.raises(RegleAvisError):
        approuver_texte(caom_93, demo.comptes["cg93@demo.cui.fr"])
