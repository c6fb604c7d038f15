"""Publishing an arrêté is irreversible: the server publishes only after the confirmation page
(``cui_portal.confirmation``), which says what publishing does (the conventions it applies to, the arrêté it
replaces), what cannot be undone, with a « Publier » button and a way back. A refused publication never reaches it."""

from datetime import date

import pytest
from django.urls import reverse

from arretes.models import StatutArrete
from arretes.services import preparer_remplacement

from .factories import arrete_publie, creer_arrete

pytestmark = pytest.mark.django_db


def messages_de(reponse) -> list[str]:
    return [str(m) for m in reponse.context["messages"]]


def test_publication_apres_la_page_de_confirmation(connecter, demo):
    arrete = creer_arrete("11", 2011, numero="2010-200", date_signature=date(2010, 11, 20))
    client = connecter("gestionnaire")
    detail = client.get(reverse("arretes:detail", args=[arrete.pk])).content.decode()
    assert 'name="confirmation"' not in detail  # no box to tick: a page asks

    url = reverse("arretes:publier", args=[arrete.pk])
    reponse = client.post(url, {"date_publication": "26/11/2010"})
    assert reponse.status_code == 200 and reponse.templates[0].name == "confirmation.html"
    page = reponse.content.decode()
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.BROUILLON and arrete.date_publication is None
    consequences = reponse.context["confirmation"].consequences
    assert consequences[0] == (
        "L'arrêté n° 2010-200 d'Île-de-France pour 2011 est publié au recueil des actes administratifs à la date du "
        "26/11/2010."
    )
    assert consequences[1] == (
        f"Ses {arrete.taux.count()} taux de prise en charge s'appliquent aux nouvelles conventions de CAE et de CIE "
        "conclues dans la région à partir du 26/11/2010, pour des contrats de travail prenant effet à partir du "
        "1er janvier 2011, jusqu'à la publication de l'arrêté suivant."
    )
    assert consequences[2] == "Les conventions déjà conclues gardent le taux de l'arrêté appliqué à leur conclusion."
    assert "Un arrêté publié ne se modifie plus et ne se supprime pas" in page
    assert '<button class="fr-btn" type="submit">Publier</button>' in page
    assert f'href="{reverse("arretes:detail", args=[arrete.pk])}">Annuler et revenir' in page
    assert 'name="date_publication" value="26/11/2010"' in page and 'name="confirme" value="1"' in page

    reponse = client.post(url, {"date_publication": "26/11/2010", "confirme": "1"}, follow=True)
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.PUBLIE and arrete.date_publication == date(2010, 11, 26)
    assert messages_de(reponse) == ["L'arrêté n° 2010-200 est publié."]


def test_une_publication_refusee_n_atteint_pas_la_confirmation(connecter, demo):
    sans_numero = creer_arrete("11", 2011, numero="")
    client = connecter("gestionnaire")
    url = reverse("arretes:publier", args=[sans_numero.pk])
    for donnees in ({"date_publication": "26/11/2010"}, {"date_publication": "26/11/2010", "confirme": "1"}):
        reponse = client.post(url, donnees, follow=True)
        assert reponse.templates[0].name == "arretes/detail.html"
        (message,) = messages_de(reponse)
        assert message.startswith("Publication impossible.") and "numéro" in message
    sans_numero.refresh_from_db()
    assert sans_numero.statut == StatutArrete.BROUILLON


def test_la_confirmation_d_un_arrete_modificatif_dit_celui_qu_il_remplace(connecter, demo):
    ancien = arrete_publie("11", 2010, numero="2009-1", date_publication=date(2009, 11, 27))
    correction = preparer_remplacement(ancien)
    correction.numero, correction.date_signature = "2010-7", date(2010, 1, 20)
    correction.save()
    client = connecter("gestionnaire")
    url = reverse("arretes:publier", args=[correction.pk])
    # Before the arrêté in force was published: refused, without a confirmation page.
    reponse = client.post(url, {"date_publication": "01/11/2009"}, follow=True)
    (message,) = messages_de(reponse)
    assert "ne peut pas être publié avant cette date" in message
    reponse = client.post(url, {"date_publication": "01/02/2010"}, follow=True)
    assert messages_de(reponse) == []
    assert reponse.context["confirmation"].consequences[2] == (
        "Il remplace l'arrêté n° 2009-1 publié le 27/11/2009, abrogé à la date du 01/02/2010 : les conventions "
        "conclues avant gardent ses taux."
    )
    ancien.refresh_from_db()
    assert ancien.statut == StatutArrete.PUBLIE  # nothing done yet
    client.post(url, {"date_publication": "01/02/2010", "confirme": "1"})
    ancien.refresh_from_db()
    assert ancien.statut == StatutArrete.ABROGE and ancien.remplace_par_id == correction.pk
