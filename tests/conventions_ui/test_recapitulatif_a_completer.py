"""The recap of a draft counts the points left « à compléter avant de conclure », never « erreurs empêchent
d'enregistrer » (nothing is being saved there)."""

import pytest
from django.urls import reverse

from conventions.models import Convention
from tests.conventions import factories

pytestmark = pytest.mark.django_db


def test_le_recapitulatif_compte_les_points_a_completer(arretes, connecter):
    brouillon = factories.convention(arretes, conclure=False)
    Convention.objects.filter(pk=brouillon.pk).update(
        tuteur_nom="", tuteur_est_employeur=False, public=None
    )  # points left to fill in
    page = connecter("prescripteur").get(reverse("conventions:recapitulatif", args=[brouillon.pk])).content.decode()
    assert "respecte les règles" not in page, "aucun point à compléter"
    assert "à compléter avant de conclure" in page
    assert "empêche" not in page
