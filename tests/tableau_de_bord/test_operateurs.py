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


def test_credits_d_une_annee_deja_enregistres_refuses_au_champ(connecter, idf, demo):
    """A second credit for one region and year used to break the unique constraint (500): the message is at
    the field, in French."""
    from tableau_de_bord.models import CreditIngenierie

    CreditIngenierie.objects.create(region=idf, annee=2010, montant_notifie=1000)
    reponse = connecter("gestionnaire").post(
        reverse("tableau_de_bord:ajouter_credit", args=[idf.pk]), {"annee": 2010, "montant_notifie": "500"}
    )
    assert reponse.status_code == 200
    erreurs = reponse.context["form"].errors["annee"]
    assert erreurs == ["Les crédits d'ingénierie de cette année sont déjà enregistrés pour la région : modifiez-les."]
    assert "un_credit_par_region_et_annee" not in reponse.content.decode()
    assert CreditIngenierie.objects.filter(region=idf).count() == 1
