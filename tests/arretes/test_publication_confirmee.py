"""Publishing an arrêté is irreversible: the server refuses it without the person's confirmation (the box of
``PublicationForm``, whose label says what cannot be undone), and publishes with it."""

from datetime import date

import pytest
from django.urls import reverse

from arretes.models import StatutArrete

from .factories import creer_arrete

pytestmark = pytest.mark.django_db


def test_publication_refusee_sans_confirmation(connecter, demo):
    arrete = creer_arrete("11", 2011, numero="2010-200", date_signature=date(2010, 11, 20))
    client = connecter("gestionnaire")
    detail = client.get(reverse("arretes:detail", args=[arrete.pk])).content.decode()
    assert "ne pourra plus être modifié" in detail and 'name="confirmation"' in detail

    url = reverse("arretes:publier", args=[arrete.pk])
    reponse = client.post(url, {"date_publication": "26/11/2010"}, follow=True)
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.BROUILLON and arrete.date_publication is None
    assert [str(m) for m in reponse.context["messages"]] == [
        "L'arrêté n'est pas publié : cochez la confirmation (une fois publié, il ne pourra plus être modifié)."
    ]

    client.post(url, {"date_publication": "26/11/2010", "confirmation": "on"})
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.PUBLIE and arrete.date_publication == date(2010, 11, 26)
