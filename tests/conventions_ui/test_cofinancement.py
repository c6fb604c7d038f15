"""The aid step of the entry: a co-financing by the conseil général under a CAOM not signed on the conclusion
day is refused at the field « financement » with its source (L. 5134-19-4; circular 2009-42, annexe 2); the
step says the State alone may fund the RSA beneficiary and offers it; the conclusion refuses it too."""

from datetime import date

import pytest
from django.urls import reverse

from caom import services as services_caom
from caom.models import StatutCaom
from conventions.models import Convention
from conventions.regles.base import RegleConventionError
from conventions.services import conclusion
from referentiels.models import Departement, PublicPrioritaire
from tests.caom.factories import CaomFactory
from tests.conventions import factories

from .test_saisie import commencer, donnees_contrat, donnees_salarie, erreurs_du_champ

pytestmark = pytest.mark.django_db


@pytest.fixture
def brouillon_rsa(arretes, connecter):
    client = connecter("prescripteur")
    salarie = donnees_salarie(
        naissance="15/03/1970",
        nir=factories.nir(1, 1970, 3, ordre=322),
        beneficiaire_rsa="on",
        numero_allocataire="75123456",
    )
    convention = commencer(client, salarie=salarie)
    public = PublicPrioritaire.objects.get(code="beneficiaires-rsa").pk
    reponse = client.post(reverse("conventions:etape", args=[convention.pk, 3]), donnees_contrat(public=public))
    assert reponse.status_code == 302, reponse.content.decode()[:3000]
    caom = CaomFactory(departement=Departement.objects.get(code="75"), nb_cae_cofinances=450)
    services_caom.changer_statut(
        caom, StatutCaom.EN_NEGOCIATION, date_etape=date(2009, 11, 16), aujourd_hui=date(2010, 11, 30)
    )
    return client, Convention.objects.get(pk=convention.pk), caom


def test_cofinancement_sous_une_caom_non_signee_refuse_au_champ(brouillon_rsa):
    client, convention, caom = brouillon_rsa
    etape4 = reverse("conventions:etape", args=[convention.pk, 4])
    page = client.get(etape4).content.decode()
    assert 'id="cofinancement-possible"' in page and "L'État seul peut financer" in page
    reponse = client.post(etape4, {"financement": "etat_cg", "caom": caom.pk})
    assert reponse.status_code == 200
    message = erreurs_du_champ(reponse, "financement")[0]
    assert "n'est pas signée au 15/12/2009" in message and "L. 5134-19-4" in message and "État seul" in message
    assert 'id="choisir-etat-seul"' in reponse.content.decode()
    # The button offered: the State alone.
    reponse = client.post(etape4, {"financement": "etat"})
    assert reponse.status_code == 302
    assert Convention.objects.get(pk=convention.pk).financement == "etat"


def test_la_conclusion_refuse_aussi(brouillon_rsa, demo):
    client, convention, caom = brouillon_rsa
    Convention.objects.filter(pk=convention.pk).update(financement="etat_cg", caom=caom)
    convention = Convention.objects.get(pk=convention.pk)
    with pytest.raises(RegleConventionError, match=r"L\. 5134-19-4"):
        conclusion.conclure(convention, par=demo.comptes.get("prescripteur@demo.cui.fr"))
    # Under the exceptional mode the region records (after 31/03/2010), a conclusion from that day is accepted
    # and shows it.
    services_caom.decider_mode_exceptionnel(
        caom, date_decision=date(2010, 4, 6), instruction="Instruction du 2 avril 2010", aujourd_hui=date(2010, 11, 30)
    )
    Convention.objects.filter(pk=convention.pk).update(
        date_conclusion=date(2010, 4, 6),
        date_embauche=date(2010, 4, 12),
        date_debut=date(2010, 4, 12),
        types_formation=["adaptation"],  # step 5, not gone through here (L. 5134-22)
        resultat_formation="attestation",
    )
    convention = Convention.objects.get(pk=convention.pk)
    conclue = conclusion.conclure(convention, par=demo.comptes.get("prescripteur@demo.cui.fr"))
    assert conclue.cofinancee_en_mode_exceptionnel
    page = client.get(reverse("conventions:detail", args=[conclue.pk])).content.decode()
    assert "Cofinancée en mode exceptionnel" in page and "06/04/2010" in page
