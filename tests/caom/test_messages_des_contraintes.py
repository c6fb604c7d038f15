"""A CAOM saved outside its limits shows the law's limit at the field, never the constraint's name."""

from django.urls import reverse

from caom.models import Caom
from droit.nombres import HEURES_MAX, HEURES_MIN, SOURCE_CAOM, nombre

from .test_vues import donnees_caom


def test_caom_a_40_heures_refusee_avec_la_limite_et_sa_source(connecter, caom_93):
    reponse = connecter("gestionnaire").post(
        reverse("caom:modifier", args=[caom_93.pk]), donnees_caom(duree_hebdo_cae="40")
    )

    assert reponse.status_code == 200
    form = reponse.context["form"]
    attendu = f"de {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} heures ({SOURCE_CAOM})"
    assert any(attendu in e for e in form.errors["duree_hebdo_cae"]), form.errors
    assert not form.non_field_errors()
    page = reponse.content.decode()
    assert "caom_heures_cae_20_35" not in page and "contrainte" not in page.lower()
    assert "20 à 35 heures" in page
    caom_93.refresh_from_db()
    assert caom_93.duree_hebdo_cae == 26


def test_taux_majore_au_dela_du_plafond_au_champ(connecter, caom_93):
    reponse = connecter("gestionnaire").post(
        reverse("caom:modifier", args=[caom_93.pk]), donnees_caom(taux_majore="110")
    )

    form = reponse.context["form"]
    assert any("105 % du SMIC brut" in e for e in form.errors["taux_majore"]), form.errors
    assert "caom_taux_majore_borne" not in reponse.content.decode()
    assert Caom.objects.get(pk=caom_93.pk).taux_majore == 95
