"""A payment of the ASP on an annulled convention is reported as what it is, « paiement sur une convention
annulée » (nothing was ever due: all of it is to be recovered), not as a payment of a month outside the schedule:
in the counts, on the page of the flagged months and in its export; a statement naming it is refused."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from conventions.services import annulation
from cui_portal import horloge
from paiements.rapprochement import (
    comptes,
    mois_signales,
    paiements_hors_echeancier,
    paiements_sur_conventions_annulees,
    rapprochement_de,
)
from paiements.regles import CONVENTION_ANNULEE

from .conftest import csv_, fichier, payer

pytestmark = pytest.mark.django_db
D = Decimal
JOUR = date(2010, 11, 30)
JANVIER, FEVRIER = date(2010, 1, 1), date(2010, 2, 1)
# CAE-jeunes at 90 % on 20 h, SMIC 2010 8,86 €: 691,08 € a month, 624,20 € for January from the 4th.
PAYE = {JANVIER: (D("624.20"), D("0")), FEVRIER: (D("691.08"), D("0"))}
TOTAL = D("1315.28")


@pytest.fixture
def annulee(conventions):
    c = conventions["idf"]
    payer(c, PAYE)
    with horloge.au(date(2010, 3, 15)):
        annulation.annuler_convention(c, motif="Saisie en double de la même embauche.", par=None)
    c.refresh_from_db()
    return c


def test_compte_a_part_et_tout_est_a_recuperer(annulee):
    assert not paiements_hors_echeancier(annulee.region_id).exists()
    assert [ligne["mois"] for ligne in paiements_sur_conventions_annulees(annulee.region_id)] == [FEVRIER, JANVIER]
    n = comptes(annulee.region_id, JOUR)
    assert (n.hors_echeancier, n.trop_percus) == (0, 0)
    assert (n.sur_conventions_annulees, n.montant_sur_conventions_annulees) == (2, TOTAL)
    rapproches = rapprochement_de(annulee.pk, JOUR)
    assert [(r.mois, r.du, r.a_recuperer, r.signal) for r in rapproches] == [
        (JANVIER, 0, D("624.20"), CONVENTION_ANNULEE),
        (FEVRIER, 0, D("691.08"), CONVENTION_ANNULEE),
    ]
    assert not mois_signales(annulee.region_id, JOUR).filter(convention=annulee).exists()  # no schedule left


def test_la_page_des_mois_signales_et_ses_filtres(annulee, connecter):
    client = connecter("gestionnaire")
    page = client.get(reverse("paiements:signalements"))
    texte = page.content.decode()
    assert "2 paiements sur une convention annulée" in texte and "1\u202f315,28\u00a0€ à récupérer" in texte
    lignes = page.context["sur_conventions_annulees"]
    assert [(ligne.numero, ligne.annulee_le, ligne.rapprochement.a_recuperer) for ligne in lignes] == [
        (annulee.numero, date(2010, 3, 15), D("691.08")),
        (annulee.numero, date(2010, 3, 15), D("624.20")),
    ]
    assert page.context["hors_echeancier"] == []
    assert 'id="paiements-conventions-annulees"' in texte and "15/03/2010" in texte
    seule = client.get(reverse("paiements:signalements"), {"signal": CONVENTION_ANNULEE})
    assert list(seule.context["lignes"]) == [] and len(seule.context["sur_conventions_annulees"]) == 2
    impayes = client.get(reverse("paiements:signalements"), {"signal": "impaye"})
    assert impayes.context["sur_conventions_annulees"] == [] and len(impayes.context["lignes"]) > 0


def _export(client, **requete):
    reponse = client.get(reverse("paiements:signalements_xlsx"), requete)
    assert reponse.status_code == 200
    return list(load_workbook(io.BytesIO(reponse.content)).active.iter_rows(values_only=True))


def test_l_export_dit_paiement_sur_une_convention_annulee(annulee, connecter):
    client = connecter("gestionnaire")
    entete, *lignes = _export(client)
    assert entete[-3:] == ("À récupérer (€)", "Signalement", "Convention annulée le")
    annulees = [ligne for ligne in lignes if ligne[8] == "Paiement sur une convention annulée"]
    assert [(ligne[0], ligne[2].date(), D(str(ligne[7])), ligne[9].date()) for ligne in annulees] == [
        (annulee.numero, FEVRIER, D("691.08"), date(2010, 3, 15)),
        (annulee.numero, JANVIER, D("624.20"), date(2010, 3, 15)),
    ]
    assert not any("hors" in (ligne[8] or "") for ligne in lignes)
    # The other convention of the region, never paid: its late months are in the export as on the page.
    impayes = [ligne for ligne in lignes if ligne[8].startswith("Impayé")]
    assert len(impayes) == comptes(annulee.region_id, JOUR).impayes > 0
    assert _export(client, signal="impaye")[1:] == impayes


def test_un_releve_qui_la_paie_est_refuse(annulee, connecter):
    client = connecter("gestionnaire")
    reponse = client.post(
        reverse("paiements:importer"), {"fichier": fichier(csv_([[annulee.numero, "03/2010", "10", "0"]]))}, follow=True
    )
    (ligne,) = reponse.context["releve"].lignes
    assert ligne["erreurs"]["mois"] == (
        f"La convention {annulee.numero} a été annulée le 15/03/2010 : aucune aide ne lui est due, aucun mois ne peut "
        "lui être payé."
    )


def test_la_page_de_la_convention_annulee_montre_ce_que_l_asp_a_paye(annulee, connecter):
    """The schedule is gone with the annulment, the payments are not: the convention's page lists them, all to
    recover, with the same total as the page of the flagged months."""
    from conventions.services.paiements_de_l_aide import paiements_de_l_aide

    paiements = paiements_de_l_aide(annulee, JOUR)
    assert paiements.lignes == []
    assert [(p.mois, p.paye) for p in paiements.hors_echeancier] == [(JANVIER, D("624.20")), (FEVRIER, D("691.08"))]
    assert paiements.paye_hors_echeancier == TOTAL
    texte = connecter("gestionnaire").get(reverse("conventions:detail", args=[annulee.pk])).content.decode()
    assert "Convention annulée : elle n'a plus d'échéancier" in texte
    assert 'id="tableau-hors-echeancier"' in texte and "Janvier 2010" in texte and "Février 2010" in texte
    assert "1\u202f315,28 € sont à récupérer" in texte and 'id="total-hors-echeancier">1\u202f315,28 €' in texte


def test_une_convention_payee_selon_son_echeancier_n_a_rien_hors_echeancier(conventions, connecter):
    from conventions.services.paiements_de_l_aide import paiements_de_l_aide

    c = conventions["idf"]
    payer(c, PAYE)
    paiements = paiements_de_l_aide(c, JOUR)
    assert paiements.hors_echeancier == [] and paiements.paye == TOTAL
    texte = connecter("gestionnaire").get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert 'id="tableau-hors-echeancier"' not in texte
