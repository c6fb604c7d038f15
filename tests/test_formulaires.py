"""Dates typed « jj/mm/aaaa » and amounts with a comma in every form (``cui_portal/formulaires.py``)."""

from datetime import date
from decimal import Decimal

from django import forms

from cui_portal.formulaires import DatesEnTexte


class Exemple(DatesEnTexte, forms.Form):
    le = forms.DateField(label="Signée le", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    montant = forms.DecimalField(label="Montant", max_digits=10, decimal_places=2)


def test_date_en_texte_avec_l_indication_et_montant_a_la_virgule():
    form = Exemple({"le": "04/01/2010", "montant": "1 043,38"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"le": date(2010, 1, 4), "montant": Decimal("1043.38")}
    html = str(form["le"])
    assert 'type="text"' in html and 'placeholder="jj/mm/aaaa"' in html and 'type="date"' not in html
    assert form.fields["le"].help_text == "Format attendu : jj/mm/aaaa."
    assert 'type="text"' in str(form["montant"]) and 'inputmode="decimal"' in str(form["montant"])


def test_date_invalide_en_francais():
    form = Exemple({"le": "31/02/2010", "montant": "10"})
    assert form.errors["le"] == ["Saisissez une date valide au format jj/mm/aaaa."]
