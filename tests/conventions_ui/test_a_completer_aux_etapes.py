"""Each step of the entry signals, with the hint « À compléter avant de conclure », the fields still empty that the
conclusion will require: read from the check the summary shows (``violations_a_la_conclusion``), not from a second
list. A field filled in loses the hint; a field filled but wrong is left to the summary."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from conventions.models import Convention
from conventions.models_parties import Employeur, Salarie
from conventions.views.saisie import violations_a_la_conclusion
from tests.conventions import factories

from .test_saisie import donnees_contrat

pytestmark = pytest.mark.django_db

LIBELLES = re.compile(r'<label class="fr-label" for="id_(\w+?)(?:_0)?">(.*?)</label>', re.S)
LEGENDES = re.compile(r'id="id_(\w+)-legende">(.*?)</legend>', re.S)


def signales(page: str) -> set[str]:
    """The fields whose label (or legend) carries the hint."""
    return {
        champ
        for motif in (LIBELLES, LEGENDES)
        for champ, libelle in motif.findall(page)
        if "À compléter avant de conclure." in libelle
    }


def etape(client, convention, numero) -> str:
    reponse = client.get(reverse("conventions:etape", args=[convention.pk, numero]))
    assert reponse.status_code == 200
    return reponse.content.decode()


def test_chaque_etape_signale_ce_qui_manque_pour_conclure(arretes, connecter):
    client = connecter("prescripteur")
    brouillon = factories.convention(arretes, conclure=False)
    Employeur.objects.filter(pk=brouillon.employeur_id).update(numero_urssaf_msa="", assurance_chomage="")
    Salarie.objects.filter(pk=brouillon.salarie_id).update(identifiant_pole_emploi="")
    Convention.objects.filter(pk=brouillon.pk).update(
        emploi_intitule="",
        lieu_travail="",
        public=None,
        declaration_cotisations_a_jour=False,
        types_formation=[],
        resultat_formation="",
        # filled but below the SMIC of 2010 (8,86 €): an error the summary shows, nothing « to fill in »
        salaire_horaire_brut=Decimal("8.00"),
    )
    attendus = {
        1: {"numero_urssaf_msa", "assurance_chomage"},
        2: {"identifiant_pole_emploi"},
        3: {"emploi_intitule", "lieu_travail", "public", "declaration_cotisations_a_jour"},
        4: set(),
        5: {"types_formation"},
    }
    for numero, champs in attendus.items():
        assert signales(etape(client, brouillon, numero)) == champs, numero
    # The same check as the summary's: every field signalled is named by a violation of the conclusion.
    nommes = {v.champ for v in violations_a_la_conclusion(brouillon)}
    assert set().union(*attendus.values()) <= nommes and "salaire_horaire_brut" in nommes
    recapitulatif = client.get(reverse("conventions:recapitulatif", args=[brouillon.pk])).content.decode()
    assert "Indiquez l&#x27;emploi occupé par le salarié" in recapitulatif

    # Filled in and saved: the hint goes.
    reponse = client.post(
        reverse("conventions:etape", args=[brouillon.pk, 3]),
        donnees_contrat(public=factories.public().pk, salaire_horaire_brut="9,50"),
    )
    assert reponse.status_code == 302
    assert signales(etape(client, brouillon, 3)) == set()


def test_un_brouillon_complet_n_a_rien_a_completer(arretes, connecter):
    client = connecter("prescripteur")
    brouillon = factories.convention(arretes, conclure=False)
    assert violations_a_la_conclusion(brouillon) == []
    for numero in (1, 2, 3, 4, 5):
        page = etape(client, brouillon, numero)
        assert "À compléter avant de conclure" not in page, numero
