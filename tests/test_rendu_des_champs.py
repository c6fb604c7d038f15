"""The filters written in Python (``cui_portal/rendu_des_champs.py``) give the markup Django's widget templates
give, field by field, with the DSFR's classes and the links to the hint and the errors."""

import pytest
from django import forms
from django.test.html import parse_html

from comptes.models import Role
from cui_portal.permissions import Perimetre
from cui_portal.rendu_des_champs import attributs_dsfr, widget_dsfr


def _formulaire(donnees=None):
    from conventions.filters import ConventionFilter
    from conventions.models import Convention

    perimetre = Perimetre(Role.NATIONAL, None, None, None)
    return ConventionFilter(donnees, queryset=Convention.objects.none(), perimetre=perimetre).form


@pytest.mark.django_db
@pytest.mark.parametrize(
    "donnees",
    [None, {"q": "Dupont & fils", "type_contrat": "CIE", "conclue_du": "01/02/2010", "immersion": "oui", "tri": "x"}],
)
def test_chaque_filtre_a_le_balisage_des_gabarits_de_django(donnees):
    formulaire = _formulaire(donnees)
    if donnees:
        formulaire.is_valid()
    for champ in formulaire:
        attendu = parse_html(champ.as_widget(attrs=attributs_dsfr(champ)))
        assert parse_html(widget_dsfr(champ)) == attendu, champ.name


@pytest.mark.django_db
def test_une_liste_garde_son_choix_et_echappe_ses_libelles():
    from referentiels.models import Departement

    formulaire = _formulaire({"departement": str(Departement.objects.get(code="2A").pk)})
    html = widget_dsfr(formulaire["departement"])
    assert html.count(" selected") == 1
    assert f'<option value="{Departement.objects.get(code="2A").pk}" selected>' in html
    assert '<option value="">' in html and "---------" not in html

    class Choix(forms.Form):
        liste = forms.ChoiceField(choices=[("", "---------"), ("a<b", "A & B")], required=False)

    html = widget_dsfr(Choix()["liste"])
    assert '<option value="a&lt;b">A &amp; B</option>' in html
    assert '<option value="" selected>Sélectionner…</option>' in html


@pytest.mark.django_db
def test_une_date_fausse_est_signalee_au_champ():
    formulaire = _formulaire({"conclue_du": "31/02/2010"})
    formulaire.is_valid()
    html = widget_dsfr(formulaire["conclue_du"])
    assert 'class="fr-input fr-input--error"' in html
    assert 'aria-describedby="id_conclue_du_helptext id_conclue_du-erreurs"' in html
    assert 'value="31/02/2010"' in html
