from django.urls import reverse

from tableau_de_bord.models import Operateur


def test_operateur_deja_enregistre_refuse_au_champ(connecter, operateur_idf, idf, demo):
    """Found by the hostile-input test: a duplicate used to break the unique constraint (500)."""
    client = connecter("gestionnaire")
    reponse = client.post(
        reverse("tableau_de_bord:ajouter_operateur", args=[idf.pk]),
        {"organisation": demo.organisations["ml_paris"].pk, "nature": "mission_locale", "actif": "on"},
    )
    assert reponse.status_code == 200
    assert "Cet organisme est déjà un opérateur de la région." in reponse.content.decode()
    assert Operateur.objects.filter(region=idf).count() == 1
