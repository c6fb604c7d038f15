"""A comité de pilotage is changed, or cancelled with its reason after a confirmation: it stays in the DGEFP's
calendar, marked cancelled; the history keeps who did it."""

from datetime import date, time

import pytest
from django.urls import reverse

from referentiels.models import Region
from tableau_de_bord.models import ComitePilotage
from tableau_de_bord.regles import verifier_annulation_comite

pytestmark = pytest.mark.django_db
MOTIF = "Préfet indisponible : comité reporté en janvier."


@pytest.fixture
def comite(demo):
    return ComitePilotage.objects.create(
        region=Region.objects.get(code_insee="11"),
        date=date(2010, 12, 14),
        heure=time(14, 30),
        lieu="Préfecture de région, Paris",
        ordre_du_jour="Montée en charge des CAE-jeunes.",
    )


def test_regle_annulation_du_comite():
    assert verifier_annulation_comite(False, MOTIF) == {}
    assert set(verifier_annulation_comite(False, "report")) == {"motif"}
    assert "déjà annulé" in verifier_annulation_comite(True, MOTIF)["__all__"]


def test_modifier_un_comite(connecter, demo, comite):
    client = connecter("correspondant")
    url = reverse("tableau_de_bord:modifier_comite", args=[comite.pk])
    assert f'href="{url}"' in client.get(reverse("tableau_de_bord:comites")).content.decode()
    reponse = client.post(
        url,
        {"date": "15/12/2010", "heure": "10:00", "lieu": "DIRECCTE, Aubervilliers", "ordre_du_jour": "Bilan 2010."},
    )
    assert reponse.status_code == 302, reponse.context["form"].errors
    comite.refresh_from_db()
    assert (comite.date, comite.lieu) == (date(2010, 12, 15), "DIRECCTE, Aubervilliers")
    assert comite.history.first().history_user == demo.comptes["correspondant@demo.cui.fr"]
    assert connecter("national").get(url).status_code == 403
    assert connecter("correspondant_nord").get(url).status_code == 404


def test_annuler_un_comite_apres_confirmation(connecter, demo, comite):
    client = connecter("gestionnaire")
    url = reverse("tableau_de_bord:annuler_comite", args=[comite.pk])
    court = client.post(url, {"motif": "report"})
    assert court.status_code == 200 and "10 caractères" in court.context["form"].errors["motif"][0]
    assert "Annuler le comité de pilotage ?" not in court.content.decode()
    page = client.post(url, {"motif": MOTIF}).content.decode()
    assert "Annuler le comité de pilotage ?" in page and "ne se rétablit pas" in page
    comite.refresh_from_db()
    assert comite.annule_le is None
    reponse = client.post(url, {"motif": MOTIF, "confirme": "1"}, follow=True)
    texte = reponse.content.decode()
    comite.refresh_from_db()
    assert (comite.annule_le, comite.motif_annulation) == (date(2010, 11, 30), MOTIF)
    assert "Annulé le 30/11/2010" in texte and MOTIF in texte
    assert comite.history.first().history_user == demo.comptes["gestionnaire@demo.cui.fr"]
    # The DGEFP reads it, cancelled, in its calendar; no one changes it any more.
    assert "Annulé le 30/11/2010" in connecter("national").get(reverse("tableau_de_bord:comites")).content.decode()
    assert client.get(url).status_code == 403
    assert client.get(reverse("tableau_de_bord:modifier_comite", args=[comite.pk])).status_code == 403
