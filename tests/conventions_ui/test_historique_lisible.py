"""The history of a convention's page reads as a person writes (ticket 17, point 6): the applied arrêté by its
name, booleans « oui / non », dates jj/mm/aaaa; never an id or « False → True »."""

import html
import re

import pytest
from django.urls import reverse

from tests.conventions import factories

pytestmark = pytest.mark.django_db


def test_historique_de_la_convention_lisible(arretes, connecter):
    convention = factories.convention(arretes)
    convention.aci = True
    convention.save()  # a change recorded by the history (no author: « Système »)
    page = connecter("correspondant").get(reverse("conventions:detail", args=[convention.pk]))
    section = html.unescape(page.content.decode().split('id="titre-historique"', 1)[1])
    assert f"Arrêté régional appliqué : — → {convention.arrete}" in section
    assert "Atelier et chantier d'insertion : non → oui" in section
    assert "False" not in section and "True" not in section
    assert "Durée prévue (mois) : — → 12" in section  # a number of months, written as such
    nombres = re.findall(r"<li>([^<]*) : [^<]* → \d+</li>", section)
    assert nombres and all("(mois)" in champ for champ in nombres), nombres  # no id shown as a value
    assert "modifiée le" not in section.lower()  # the machine's timestamps are not a change a person made
