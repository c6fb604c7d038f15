"""Step 3 shows and asks the employer's statements of its contract only (``regles.cerfa.attestations``): a CAE's
form has no box of the CIE's exclusions (L. 5134-68) and its conclusion does not ask them; a CIE's form shows them
and its conclusion requires them."""

import pytest
from django.urls import reverse

from conventions.models import Convention
from tests.conventions import factories

from .test_saisie import donnees_contrat

pytestmark = pytest.mark.django_db

EXCLUSIONS_CIE = ("declaration_sans_licenciement_economique", "declaration_sans_remplacement")


def cie(arretes):
    return factories.convention(
        arretes, conclure=False, type_contrat="CIE", employeur_=factories.employeur(statut="entreprise")
    )


def test_le_formulaire_d_un_cae_ne_montre_ni_ne_demande_les_exclusions_du_cie(arretes, connecter):
    client = connecter("prescripteur")
    cae = factories.convention(arretes, conclure=False)
    Convention.objects.filter(pk=cae.pk).update(**dict.fromkeys(EXCLUSIONS_CIE, True))
    url = reverse("conventions:etape", args=[cae.pk, 3])
    page = client.get(url).content.decode()
    assert 'name="declaration_cotisations_a_jour"' in page
    for champ in EXCLUSIONS_CIE:
        assert f'name="{champ}"' not in page
    assert "faute grave ou lourde" not in page and "licenciement pour motif économique" not in page

    # Sent anyway (an old page, a script): not recorded, the contract does not ask them.
    donnees = donnees_contrat(date_conclusion="15/12/2009")
    assert all(donnees[champ] == "on" for champ in EXCLUSIONS_CIE)
    assert client.post(url, donnees).status_code == 302
    cae.refresh_from_db()
    assert (cae.declaration_sans_licenciement_economique, cae.declaration_sans_remplacement) == (False, False)
    recap = client.get(reverse("conventions:recapitulatif", args=[cae.pk])).content.decode()
    assert "L. 5134-68" not in recap and "peut être conclue" in recap


def test_le_formulaire_d_un_cie_montre_et_demande_les_exclusions_du_cie(arretes, connecter):
    client = connecter("prescripteur")
    brouillon = cie(arretes)
    url = reverse("conventions:etape", args=[brouillon.pk, 3])
    page = client.get(url).content.decode()
    for champ in ("declaration_cotisations_a_jour", *EXCLUSIONS_CIE):
        assert f'name="{champ}"' in page
    assert "faute grave ou lourde (L. 5134-68 du code du travail)" in page

    donnees = donnees_contrat(type_contrat="CIE", duree_hebdo_prise_en_charge="20", public=brouillon.public_id)
    for champ in EXCLUSIONS_CIE:
        del donnees[champ]
    reponse = client.post(url, donnees)
    assert reponse.status_code == 302, reponse.content.decode()[:3000]
    brouillon.refresh_from_db()
    assert brouillon.declaration_sans_remplacement is False
    recap = client.get(reverse("conventions:recapitulatif", args=[brouillon.pk])).content.decode()
    assert recap.count("(L. 5134-68 du code du travail)") == 2
    assert "Un CIE ne peut être conclu quand l&#x27;embauche remplace un salarié licencié" in recap
