"""Pages of « corriger et défaire »: delete a draft, annul a concluded convention (after the rules, then the
confirmation), and a rupture the rules refuse shown at its field before any confirmation."""

import uuid

import pytest
from django.urls import reverse

from conventions.models import Convention
from droit.vocabulaire import StatutConvention
from tests.conventions import factories

from .test_saisie import erreurs_du_champ

pytestmark = pytest.mark.django_db
MOTIF = "Salarié jamais embauché : saisie par erreur."


def test_supprimer_un_brouillon_apres_confirmation(arretes, connecter):
    brouillon = factories.convention(arretes, conclure=False)
    client = connecter("prescripteur")
    detail = client.get(reverse("conventions:detail", args=[brouillon.pk])).content.decode()
    url = reverse("conventions:supprimer", args=[brouillon.pk])
    assert f'href="{url}"' in detail and "supprimer le brouillon" in detail
    page = client.get(url).content.decode()
    assert "Supprimer le brouillon ?" in page and "ne peut pas être retrouvé" in page
    assert 'name="confirme" value="1"' in page
    assert client.post(url).status_code == 200  # without the confirmation: the page again, nothing deleted
    assert Convention.objects.filter(pk=brouillon.pk).exists()
    reponse = client.post(url, {"confirme": "1"}, follow=True)
    assert reponse.redirect_chain[-1][0] == reverse("conventions:liste")
    assert "Le brouillon est supprimé." in reponse.content.decode()
    assert not Convention.objects.filter(pk=brouillon.pk).exists()


def test_suppression_refusee_aux_autres(arretes, connecter):
    brouillon = factories.convention(arretes, conclure=False)
    url = reverse("conventions:supprimer", args=[brouillon.pk])
    assert connecter("prescripteur_nord").post(url, {"confirme": "1"}).status_code == 404
    assert connecter("national").post(url, {"confirme": "1"}).status_code == 403
    conclue = factories.convention(arretes)
    client = connecter("prescripteur")
    assert client.post(reverse("conventions:supprimer", args=[conclue.pk]), {"confirme": "1"}).status_code == 403
    assert Convention.objects.filter(pk=brouillon.pk).exists()


def test_annuler_verifie_puis_confirme_puis_annule(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("gestionnaire")
    detail = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    url = reverse("conventions:annuler", args=[c.pk])
    assert f'href="{url}"' in detail and "Annuler la convention" in detail
    jeton = uuid.uuid4()
    # The rule first: a reason too short is shown at its field, no confirmation is asked.
    court = client.post(url, {"motif": "erreur", "jeton_envoi": jeton})
    assert court.status_code == 200 and "Annuler la convention ?" not in court.content.decode()
    assert "10 caractères" in erreurs_du_champ(court, "motif")[0]
    vide = client.post(url, {"motif": "", "jeton_envoi": jeton})
    assert erreurs_du_champ(vide, "motif") == ["Indiquez la raison de l'annulation."]
    # Then the confirmation, which says what happens and what cannot be undone.
    page = client.post(url, {"motif": MOTIF, "jeton_envoi": jeton}).content.decode()
    assert "Annuler la convention ?" in page and "ne compte plus dans aucun chiffre" in page
    assert f"numéro {c.numero}" in page and "ne redevient pas active" in page
    c.refresh_from_db()
    assert c.statut != StatutConvention.ANNULEE
    reponse = client.post(url, {"motif": MOTIF, "jeton_envoi": jeton, "confirme": "1"}, follow=True)
    texte = reponse.content.decode()
    c.refresh_from_db()
    assert c.statut == StatutConvention.ANNULEE and c.motif_annulation == MOTIF
    assert "La convention est annulée" in texte and 'id="annulation"' in texte and MOTIF in texte
    assert "Annulée" in texte and "fr-badge" in texte
    assert "Convention annulée" in texte  # the history's entry, with its author
    assert "Gérard Gestionnaire" in texte
    # Sent again (the same page): led to the convention, once only; and no more annulment offered.
    encore = client.post(url, {"motif": MOTIF, "jeton_envoi": jeton, "confirme": "1"})
    assert encore.status_code == 302 and encore["Location"] == reverse("conventions:detail", args=[c.pk])
    assert client.post(url, {"motif": MOTIF, "jeton_envoi": uuid.uuid4(), "confirme": "1"}).status_code == 403
    assert f'href="{url}"' not in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()


def test_annuler_refuse_a_qui_ne_peut(arretes, connecter):
    c = factories.convention(arretes)  # concluded on 15/12/2009: the prescripteur's 7 days are over
    url = reverse("conventions:annuler", args=[c.pk])
    donnees = {"motif": MOTIF, "jeton_envoi": uuid.uuid4(), "confirme": "1"}
    for qui in ("prescripteur", "correspondant", "national"):
        assert connecter(qui).post(url, donnees).status_code == 403, qui
    assert connecter("gestionnaire_nord").post(url, donnees).status_code == 404
    assert connecter("prescripteur").get(reverse("conventions:detail", args=[c.pk])).status_code == 200
    c.refresh_from_db()
    assert c.statut != StatutConvention.ANNULEE


def test_convention_annulee_hors_de_l_export_par_defaut(arretes, connecter):
    from conventions.views.export import queryset_export
    from cui_portal.permissions import Perimetre
    from droit.vocabulaire import Role

    gardee, annulee = factories.convention(arretes), factories.convention(arretes)
    client = connecter("gestionnaire")
    client.post(
        reverse("conventions:annuler", args=[annulee.pk]),
        {"motif": MOTIF, "jeton_envoi": uuid.uuid4(), "confirme": "1"},
    )
    tous = Perimetre(role=Role.NATIONAL)
    assert set(queryset_export(tous, None)) == {gardee}
    assert set(queryset_export(tous, {"statut": "annulee"})) == {annulee}
    liste = client.get(reverse("conventions:liste"), {"statut": "annulee"}).content.decode()
    assert annulee.numero in liste and gardee.numero not in liste


def test_rupture_refusee_par_les_regles_avant_toute_confirmation(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    reponse = client.post(
        reverse("conventions:rupture", args=[c.pk]),
        {
            "date_rupture": "01/03/2010",
            "motif": "demission",
            "date_declaration": "02/03/2010",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    texte = reponse.content.decode()
    assert reponse.status_code == 200 and "Déclarer la rupture ?" not in texte
    assert "L. 1243-1" in erreurs_du_champ(reponse, "motif")[0]
    c.refresh_from_db()
    assert c.statut != StatutConvention.ROMPUE


def test_corriger_une_rupture_dans_ses_7_jours(arretes, connecter):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from conventions.services import evenements

    c = factories.convention(arretes)
    proprietaire = arretes.comptes["prescripteur@demo.cui.fr"]
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 11, 25), motif="embauche", date_declaration=date(2010, 11, 26), par=proprietaire
    )
    client = connecter("prescripteur")
    url = reverse("conventions:corriger_rupture", args=[c.pk])
    assert f'href="{url}"' in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert client.get(url).context["form"].initial["date_rupture"] == date(2010, 11, 25)
    assert connecter("gestionnaire").get(url).status_code == 403
    client = connecter("prescripteur")
    refusee = client.post(url, {"date_rupture": "01/03/2010", "motif": "demission", "date_declaration": "26/11/2010"})
    assert refusee.status_code == 200 and "L. 1243-1" in erreurs_du_champ(refusee, "motif")[0]
    reponse = client.post(url, {"date_rupture": "19/11/2010", "motif": "embauche", "date_declaration": "26/11/2010"})
    assert reponse.status_code == 302
    c.refresh_from_db()
    assert (c.statut, c.date_rupture, c.declaration_tardive) == (StatutConvention.ROMPUE, date(2010, 11, 19), False)
    derniere = c.history.order_by("-history_date").first()
    assert (derniere.history_user, derniere.history_change_reason) == (proprietaire, "Déclaration de rupture corrigée")
    assert not c.echeancier.filter(mois__gt=date(2010, 11, 1)).exists()
    with time_machine.travel(datetime(2010, 12, 4, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))):
        assert client.get(url).status_code == 403  # 26/11 + 7 days: the delay is over
