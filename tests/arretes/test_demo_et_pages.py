import io
from datetime import date

import pytest
from django.urls import reverse

from arretes import demo as demo_arretes
from arretes.models import Arrete, StatutArrete
from arretes.regles import AucunArreteApplicable
from arretes.services import taux_applicable
from referentiels.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def arretes_demo(demo):
    demo_arretes.peupler(demo, io.StringIO())
    return {(a.region.code_insee, a.annee): a for a in Arrete.objects.exclude(statut="abroge")}


def test_demo_idempotente(arretes_demo, demo):
    demo_arretes.peupler(demo, io.StringIO())
    assert Arrete.objects.count() == 4
    assert Arrete.objects.filter(statut=StatutArrete.PUBLIE).count() == 3
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
