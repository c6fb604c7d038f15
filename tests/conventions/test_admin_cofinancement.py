"""The admin writes a convention through the one check of every write: a co-financing under a CAOM not signed
on the conclusion day is refused at the field, with its source (L. 5134-19-4)."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.forms.models import model_to_dict
from django.test import RequestFactory

from conventions.models import Convention
from referentiels.models import Departement
from tests.caom.factories import CaomFactory

from .factories import ConventionFactory

pytestmark = pytest.mark.django_db


def test_admin_refuse_un_cofinancement_hors_caom_signee(arretes_2010, demo):
    convention = ConventionFactory()
    caom = CaomFactory(departement=Departement.objects.get(pk=convention.departement_id), annee=2010)
    admin_convention = site._registry[Convention]
    requete = RequestFactory().get("/")
    requete.user = demo.comptes.get("admin@demo.cui.fr")
    Formulaire = admin_convention.get_form(requete, obj=convention)
    donnees = {k: v for k, v in model_to_dict(convention, fields=list(Formulaire.base_fields)).items() if v is not None}
    donnees |= {"financement": "etat_cg", "caom": caom.pk}
    salarie = convention.salarie
    salarie.beneficiaire_rsa = True
    salarie.save()
    form = Formulaire(donnees, instance=Convention.objects.get(pk=convention.pk))
    assert not form.is_valid()
    assert any("L. 5134-19-4" in m for m in form.errors.get("financement", [])), form.errors
    assert convention.date_conclusion == date(2009, 12, 15)
