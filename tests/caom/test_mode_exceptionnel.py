"""The circular's exceptional mode of co-financing (circular 2009-42, annexe 2): an explicit, dated decision of
the region on a CAOM not formalised before the end of the first quarter, under a specific instruction, kept in
the history; refused at the field otherwise."""

from datetime import date

import pytest
from django.urls import reverse

from caom.models import Caom
from cui_portal.historique import lignes_historique

pytestmark = pytest.mark.django_db


def _poster(client, caom, **donnees):
    return client.post(reverse("caom:mode_exceptionnel", args=[caom.pk]), donnees)


def test_decision_enregistree_datee_et_dans_l_historique(connecter, caom_59):
    client = connecter("gestionnaire_nord")
    reponse = _poster(
        client, caom_59, date_decision="2010-04-01", instruction="Instruction DGEFP du 2 avril 2010", motif="Report"
    )
    assert reponse.status_code == 302
    caom = Caom.objects.get(pk=caom_59.pk)
    assert caom.mode_exceptionnel_le == date(2010, 4, 1) and caom.mode_exceptionnel_par.email.startswith("gestion")
    assert any("exceptionnelle" in ligne.motif for ligne in lignes_historique(caom))
    page = client.get(reverse("caom:detail", args=[caom.pk])).content.decode()
    assert "Mode exceptionnel décidé le 01/04/2010" in page and "Instruction DGEFP du 2 avril 2010" in page


def test_refusee_au_champ_avant_la_fin_du_premier_trimestre(connecter, caom_59):
    reponse = _poster(connecter("gestionnaire_nord"), caom_59, date_decision="2010-03-31", instruction="Instruction")
    assert reponse.status_code == 400
    form = reponse.context["form_mode"]
    assert "31/03/2010" in form.errors["date_decision"][0] and "annexe 2" in form.errors["date_decision"][0]
    assert Caom.objects.get(pk=caom_59.pk).mode_exceptionnel_le is None


def test_instruction_obligatoire_et_reservee_a_la_region(connecter, caom_59):
    reponse = _poster(connecter("gestionnaire_nord"), caom_59, date_decision="2010-04-06", instruction="")
    assert reponse.status_code == 400 and "instruction" in reponse.context["form_mode"].errors
    assert _poster(connecter("national"), caom_59, date_decision="2010-04-06", instruction="x").status_code == 403
    assert _poster(connecter("cg59"), caom_59, date_decision="2010-04-06", instruction="x").status_code == 403
