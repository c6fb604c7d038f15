import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from arretes import demo as demo_arretes
from arretes.models import Arrete, StatutArrete
from arretes.regles import AucunArreteApplicable
from arretes.services import taux_applicable
from referentiels.models import Region

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def arretes_demo(demo):
    demo_arretes.peupler(demo, io.StringIO())
    return {(a.region.code_insee, a.annee): a for a in Arrete.objects.exclude(statut="abroge")}


def test_demo_idempotente(arretes_demo, demo):
    demo_arretes.peupler(demo, io.StringIO())
    assert Arrete.objects.count() == 5
    assert Arrete.objects.filter(statut=StatutArrete.PUBLIE).count() == 4
    assert arretes_demo[("31", 2011)].statut == StatutArrete.BROUILLON
    idf = taux_applicable(
        "CAE", "salaries-aci", 11 and arretes_demo[("11", 2010)].region_id, date(2009, 12, 15), date(2010, 1, 4)
    )
    assert idf.taux == 105
    with pytest.raises(AucunArreteApplicable, match="Bretagne"):
        taux_applicable(
            "CAE",
            "salaries-aci",
            Region.objects.get(nom="Bretagne"),
            date(2009, 12, 15),
            date(2010, 1, 4),
        )


@pytest.mark.parametrize("qui", ["gestionnaire", "correspondant", "national", "admin", "prescripteur", "cg93"])
def test_pages_en_lecture(connecter, arretes_demo, qui):
    client = connecter(qui)
    assert client.get(reverse("arretes:liste")).status_code == 200
    arrete = arretes_demo[("11", 2010)]
    assert client.get(reverse("arretes:detail", args=[arrete.pk])).status_code == 200
    reponse = client.get(reverse("arretes:pdf", args=[arrete.pk]))
    assert reponse.status_code == 200 and reponse.content.startswith(b"%PDF")


def test_cartes_d_accueil(arretes_demo):
    from arretes.accueil import a_faire
    from cui_portal.permissions import Perimetre
    from droit.vocabulaire import Role

    nord = Perimetre(role=Role.GESTIONNAIRE_REGIONAL, region_id=arretes_demo[("31", 2010)].region_id)
    titres = [carte.titre for carte in a_faire(None, nord)]
    assert "Arrêtés en brouillon" in titres and any("pas encore publié" in t for t in titres)
    with time_machine.travel(date(2010, 12, 5)):  # 2011: IdF and Rhône-Alpes published, the others late
        national = a_faire(None, Perimetre(role=Role.NATIONAL))
        assert national[0].nombre == 24 and national[0].badge == "En retard"
        assert national[0].titre == "Régions en retard pour leur arrêté 2011"
    for jour in (date(2010, 11, 5), date(2010, 11, 30)):  # until the deadline (its day included), nobody is late
        with time_machine.travel(datetime.combine(jour, time(9), PARIS)):
            (carte,) = a_faire(None, Perimetre(role=Role.NATIONAL))
            assert carte.nombre == 24 and carte.badge == "À publier avant le 30/11/2010"
            assert "retard" not in carte.titre
    assert a_faire(None, Perimetre(role=Role.PRESCRIPTEUR)) == []


@pytest.mark.parametrize(
    ("jour", "annee"),
    [
        ("2010-03-15 10:00 +01:00", 2010),
        ("2010-08-31 10:00 +02:00", 2010),
        ("2010-09-01 10:00 +02:00", 2011),
        ("2010-11-30 10:00 +01:00", 2011),
    ],
)
def test_le_suivi_montre_l_annee_de_la_campagne(connecter, time_machine, jour, annee):
    """Arrêtés are due end of November: from September the follow-up shows next year, before it the current."""
    time_machine.move_to(jour, tick=False)
    reponse = connecter("national").get(reverse("arretes:suivi"))
    assert reponse.status_code == 200 and reponse.context["annee"] == annee


def test_le_suivi_montre_les_regions_prescrivant_sur_l_arrete_precedent(connecter, arretes_demo):
    """On 30/11/2010 the Nord-Pas-de-Calais has only a draft 2011 arrêté: it prescribes the hires of 2011 on its
    2010 arrêté, in force until the next one is published (circular 2009-42, annexe 3)."""
    reponse = connecter("national").get(reverse("arretes:suivi"), {"annee": 2011})
    lignes = {ligne["region"].code_insee: ligne for ligne in reponse.context["lignes"]}
    assert lignes["31"]["arrete_precedent"].annee == 2010
    assert lignes["11"]["arrete_precedent"] is None and lignes["53"]["arrete_precedent"] is None
    contenu = reponse.content.decode()
    assert (
        "l&#x27;arrêté 2010 de l&#x27;année précédente" in contenu or "l'arrêté 2010 de l'année précédente" in contenu
    )
    assert reponse.context["nb_sur_precedent"] == 1
