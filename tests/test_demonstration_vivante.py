"""The whole demonstration, read on its own day (30/11/2010) and on a later one (01/12/2026): every convention's
status agrees with its dates, every card counts the rows its link shows, and nothing is late or unsigned before
its deadline has passed (« à rendre avant le … » until the day itself)."""

import io
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from conventions.models import Convention
from conventions.regles.statuts import statut_a_la_date
from cui_portal.accueil import echeance
from droit.vocabulaire import StatutConvention
from rappels.models import Rappel, TypeRappel
from tests.conftest import COMPTES

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
JOURS = (date(2010, 11, 30), date(2026, 12, 1))
DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


def _le(jour: date, heure: int = 9):
    return time_machine.travel(datetime.combine(jour, time(heure), PARIS), tick=False)


def _lignes(reponse) -> int:
    """The number of rows of the list a card leads to, whatever the page."""
    contexte = reponse.context
    for cle in ("lignes_transmission", "demandes", "lignes"):
        if cle in contexte:
            return len(contexte[cle])
    return contexte["page_obj"].paginator.count


def _cartes(client):
    reponse = client.get(reverse("accueil"))
    assert reponse.status_code == 200
    return reponse.context["cartes"]


def _verifier_badge(carte, jour: date) -> None:
    badge = carte.badge.lower()
    if "retard" in badge or "non sign" in badge:
        assert carte.echeance is not None and carte.echeance < jour, (jour, carte)
    if " avant le " in badge:
        (jj, mm, aaaa) = DATE.search(carte.badge).groups()
        assert date(int(aaaa), int(mm), int(jj)) == carte.echeance >= jour, (jour, carte)


def test_une_echeance_se_lit_a_rendre_jusqu_au_jour_dit_puis_en_retard():
    jour = date(2010, 12, 1)
    assert echeance(jour, date(2010, 11, 30))["badge"] == "À rendre avant le 01/12/2010"
    assert echeance(jour, jour)["badge"] == "À rendre avant le 01/12/2010"
    assert echeance(jour, date(2010, 12, 2))["badge"] == "En retard"
    assert echeance(date(2010, 12, 31), date(2011, 1, 1), avant="À signer avant le", apres="Non signée")["badge"] == (
        "Non signée"
    )


@pytest.fixture
def demonstration(demo):
    with _le(date(2010, 11, 30)):
        call_command("charger_demo", "--force", stdout=io.StringIO())
    return demo


def test_la_demonstration_dit_vrai_a_son_jour_et_plus_tard(demonstration, client, connecter):
    for jour in JOURS:
        with _le(jour):
            # Every convention's status, in the list and on its page, follows from its dates on the clock's day.
            for c in Convention.objects.avec_statut_du_jour():
                attendu = statut_a_la_date(c.statut, c.date_debut, c.date_fin, jour)
                if c.statut not in (StatutConvention.BROUILLON, StatutConvention.ROMPUE, StatutConvention.SUSPENDUE):
                    assert c.statut_du_jour == attendu == c.statut_actuel, (jour, c.numero)
                if c.statut_du_jour == StatutConvention.EN_COURS:
                    assert c.date_debut <= jour <= c.date_fin
                elif c.statut_du_jour == StatutConvention.CONCLUE:
                    assert jour < c.date_debut
                elif c.statut_du_jour == StatutConvention.TERMINEE:
                    assert c.date_fin < jour
            if jour.year == 2026:
                assert not Convention.objects.au_statut(StatutConvention.EN_COURS, StatutConvention.CONCLUE).exists()
            # Every card of every account: late or unsigned only past its deadline; its number is its list's rows.
            for qui in COMPTES:
                if qui == "multi":
                    continue
                for carte in _cartes(connecter(qui)):
                    _verifier_badge(carte, jour)
                    reponse = client.get(carte.url, follow=True)
                    assert reponse.status_code == 200, (qui, carte.url)
                    if carte.nombre is not None:
                        assert _lignes(reponse) == carte.nombre, (jour, qui, carte.titre, carte.url)
            # The pages the cards lead to say the same: no CAOM « non signée » before 31 December.
            rapport = connecter("gestionnaire").get(reverse("caom:rapport")).content.decode()
            assert "non signée" not in rapport.lower()


def test_les_cartes_avant_pendant_et_apres_leur_echeance(demonstration, connecter):
    def carte(qui, debut):
        return next((c for c in _cartes(connecter(qui)) if c.titre.startswith(debut)), None)

    # 30/11/2010: the bilan of the fortnight ending that day is due the next working day (01/12).
    with _le(date(2010, 11, 30)):
        assert carte("correspondant", "Bilan d'étape au 30/11/2010").badge == "À rendre avant le 01/12/2010"
        arrete = carte("gestionnaire_nord", "Arrêté 2011")
        assert arrete.badge == "À publier avant le 30/11/2010" and "/arretes/" in arrete.url
        assert carte("national", "Régions sans arrêté publié").nombre == 24
        caom = carte("gestionnaire", "CAOM 2011 à faire avancer")
        assert caom.nombre == 7 and caom.badge == "À signer avant le 31/12/2010"
        assert carte("cg93", "Votre CAOM 2011").badge == "À signer avant le 31/12/2010"
        assert carte("correspondant_nord", "Paiements d'opérateurs à suivre").badge == "À payer avant le 30/11/2010"
        assert carte("correspondant", "Paiements d'opérateurs en retard").nombre == 1
        assert carte("prescripteur", "Conventions finissant").nombre >= 1
        assert carte("correspondant", "Mes notifications").nombre >= 1
        # November's late declaration: a rupture of 12/11 declared on 24/11 by the prescripteur, who is told of it.
        rompue = Convention.objects.get(date_rupture=date(2010, 11, 12))
        assert (rompue.date_declaration_evenement, rompue.declaration_tardive) == (date(2010, 11, 24), True)
        assert rompue.history.filter(history_user=demonstration.comptes[COMPTES["prescripteur"]]).exists()
        (tardive,) = Rappel.objects.pour(demonstration.comptes[COMPTES["prescripteur"]]).filter(
            type=TypeRappel.CONVENTION_DECLARATION_TARDIVE
        )
        assert tardive.envoye_le.astimezone(PARIS).date() == date(2010, 11, 24) and tardive.lu_le is None
        assert carte("prescripteur", "Mes notifications").nombre >= 1
        page = connecter("prescripteur").get(reverse("rappels:notifications")).content.decode()
        assert "Rupture du 12/11/2010 déclarée le 24/11/2010" in page and "Déclaration tardive" in page
    with _le(date(2010, 12, 1)):
        assert carte("correspondant", "Bilan d'étape au 30/11/2010").badge == "À rendre avant le 01/12/2010"
        assert carte("gestionnaire_nord", "Arrêté 2011").badge == "En retard"
        assert carte("national", "Régions en retard pour leur arrêté 2011").nombre == 24
    with _le(date(2010, 12, 2)):
        assert carte("correspondant", "Bilan d'étape au 30/11/2010").badge == "En retard"
    with _le(date(2010, 12, 31)):
        assert carte("cg93", "Votre CAOM 2011").badge == "À signer avant le 31/12/2010"
    with _le(date(2011, 1, 3)):
        assert carte("cg93", "Votre CAOM 2011").badge == "Non signée au 31/12/2010"
        assert carte("gestionnaire", "CAOM 2011 à faire avancer").badge == "Non signée au 31/12/2010"
    # The demonstration loads again without adding anything.
    avant = Convention.objects.count()
    with _le(date(2010, 11, 30)):
        call_command("charger_demo", "--force", stdout=io.StringIO())
    assert Convention.objects.count() == avant
