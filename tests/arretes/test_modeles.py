"""The database refuses what the law forbids."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from arretes.models import Arrete, StatutArrete, TauxPriseEnCharge
from arretes.regles import RegleArreteError
from arretes.services import preparer_remplacement, publier
from referentiels.models import PublicPrioritaire

from .factories import arrete_publie, creer_arrete

pytestmark = pytest.mark.django_db


def public(code="autres-publics"):
    return PublicPrioritaire.objects.get(code=code)


def creer_taux(arrete, contrat, code, taux, heures=26):
    TauxPriseEnCharge(arrete=arrete, contrat=contrat, public=public(code), taux=Decimal(taux), heures_max=heures).save()


@pytest.mark.parametrize(
    ("contrat", "code", "taux", "heures", "ok"),
    [
        ("CAE", "autres-publics", "95", 26, True),
        ("CAE", "autres-publics", "95.01", 26, False),
        ("CAE", "salaries-aci", "105", 26, True),
        ("CAE", "salaries-aci", "105.01", 26, False),
        ("CIE", "autres-publics", "47", 35, True),
        ("CIE", "autres-publics", "47.01", 35, False),
        ("CAE", "autres-publics", "0", 26, False),
        ("CAE", "autres-publics", "90", 19, False),
        ("CAE", "autres-publics", "90", 20, True),
        ("CAE", "autres-publics", "90", 35, True),
        ("CAE", "autres-publics", "90", 36, False),
        ("CAV", "autres-publics", "90", 26, True),  # refused below by the contract check (not a ceiling)
    ],
)
def test_contraintes_des_taux(contrat, code, taux, heures, ok):
    arrete = creer_arrete(avec_taux=False)
    if contrat == "CAV":
        with pytest.raises(IntegrityError), transaction.atomic():
            creer_taux(arrete, contrat, code, taux, heures)
        return
    if ok:
        creer_taux(arrete, contrat, code, taux, heures)
    else:
        with pytest.raises(IntegrityError), transaction.atomic():
            creer_taux(arrete, contrat, code, taux, heures)


def test_un_seul_taux_par_contrat_et_public():
    arrete = creer_arrete(avec_taux=False)
    creer_taux(arrete, "CAE", "autres-publics", "90")
    creer_taux(arrete, "CIE", "autres-publics", "30")
    with pytest.raises(IntegrityError), transaction.atomic():
        creer_taux(arrete, "CAE", "autres-publics", "91")


def test_un_seul_arrete_publie_par_region_et_annee_en_base():
    arrete_publie("11", 2010)
    autre = creer_arrete("11", 2010, numero="2010-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrete.objects.filter(pk=autre.pk).update(statut=StatutArrete.PUBLIE, date_publication=date(2010, 1, 2))
    # Another year or another region: allowed.
    arrete_publie("11", 2011, numero="2010-9", date_publication=date(2010, 12, 10))
    arrete_publie("31", 2010, numero="2009-100")


def test_arrete_publie_a_numero_et_date_en_base():
    arrete = creer_arrete()
    with pytest.raises(IntegrityError), transaction.atomic():
        Arrete.objects.filter(pk=arrete.pk).update(statut=StatutArrete.PUBLIE)


def test_un_arrete_publie_ne_se_modifie_plus():
    arrete = arrete_publie()
    with pytest.raises(ValidationError):
        creer_taux(arrete, "CAE", "autres-publics", "80")
    with pytest.raises(RegleArreteError, match="déjà publié"):
        publier(arrete, date(2009, 12, 1))


def test_publication_incomplete_refusee_sans_rien_changer():
    arrete = creer_arrete(numero="2009-1", avec_taux=False)
    creer_taux(arrete, "CAE", "autres-publics", "90")
    with pytest.raises(RegleArreteError, match="Il manque le taux CAE"):
        publier(arrete, date(2009, 11, 27))
    arrete.refresh_from_db()
    assert arrete.statut == StatutArrete.BROUILLON and arrete.date_publication is None


def test_publication_abroge_le_precedent_et_garde_l_historique(demo):
    ancien = arrete_publie("11", 2010, numero="2009-1", date_publication=date(2009, 11, 27))
    correction = preparer_remplacement(ancien)
    assert correction.statut == StatutArrete.BROUILLON and correction.taux.count() == ancien.taux.count()
    correction.numero = "2010-7"
    correction.date_signature = date(2009, 10, 30)
    correction.save()
    with pytest.raises(RegleArreteError, match="avant cette date"):
        publier(correction, date(2009, 11, 1))
    publier(correction, date(2010, 2, 1))
    ancien.refresh_from_db()
    assert ancien.statut == StatutArrete.ABROGE
    assert ancien.remplace_par_id == correction.pk and ancien.date_abrogation == date(2010, 2, 1)
    motifs = [h.history_change_reason for h in ancien.history.all()]
    assert "Abrogé et remplacé par l'arrêté n° 2010-7" in motifs
    assert "Publication au recueil des actes administratifs" in [
        h.history_change_reason for h in correction.history.all()
    ]
