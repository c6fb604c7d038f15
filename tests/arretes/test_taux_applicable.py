from datetime import date
from decimal import Decimal

import pytest

from arretes.models import StatutArrete
from arretes.regles import AucunArreteApplicable
from arretes.services import TauxApplicable, taux_applicable

from .factories import arrete_publie, region

pytestmark = pytest.mark.django_db


def test_prescription_anticipee_en_decembre():
    arrete = arrete_publie("11", 2010, date_publication=date(2009, 11, 27))
    resultat = taux_applicable("CAE", "beneficiaires-rsa", region("11"), date(2009, 12, 15), date(2010, 1, 4))
    assert resultat == TauxApplicable(taux=Decimal("95.00"), heures_max=26, arrete=arrete)
    par_pk = taux_applicable("CIE", "autres-publics", region("11").pk, date(2009, 12, 15), date(2010, 1, 4))
    assert par_pk.taux == Decimal("30.00")


def test_avant_publication_ou_autre_annee_aucun_arrete():
    arrete_publie("11", 2010, date_publication=date(2009, 11, 27))
    with pytest.raises(AucunArreteApplicable, match=r"Île-de-France.*2010"):
        taux_applicable("CAE", "beneficiaires-rsa", region("11"), date(2009, 11, 26), date(2010, 1, 4))
    with pytest.raises(AucunArreteApplicable, match="2009"):
        taux_applicable("CAE", "beneficiaires-rsa", region("11"), date(2009, 11, 27), date(2009, 12, 28))


def test_region_sans_arrete_message_clair():
    arrete_publie("11", 2010)
    with pytest.raises(AucunArreteApplicable) as exc:
        taux_applicable("CAE", "beneficiaires-rsa", region("31"), date(2009, 12, 15), date(2010, 1, 4))
    message = str(exc.value)
    assert "Nord-Pas-de-Calais" in message and "2010" in message and "Bénéficiaires du RSA" in message
    assert "CAE" in message
    assert isinstance(exc.value, ValueError)


def test_remplacement_la_convention_garde_son_taux():
    ancien = arrete_publie("11", 2010, numero="2009-100", date_publication=date(2009, 11, 27))
    nouveau = arrete_publie("11", 2010, numero="2010-050", date_publication=date(2010, 3, 1))
    ancien.refresh_from_db()
    assert ancien.statut == StatutArrete.ABROGE and ancien.remplace_par == nouveau
    assert ancien.date_abrogation == date(2010, 3, 1)
    avant = taux_applicable("CAE", "autres-publics", region("11"), date(2010, 2, 28), date(2010, 4, 1))
    apres = taux_applicable("CAE", "autres-publics", region("11"), date(2010, 3, 1), date(2010, 4, 1))
    assert avant.arrete == ancien and apres.arrete == nouveau


def test_contrat_ou_public_inconnu():
    arrete_publie("11", 2010)
    with pytest.raises(ValueError, match="CAV"):
        taux_applicable("CAV", "beneficiaires-rsa", region("11"), date(2009, 12, 15), date(2010, 1, 4))
    with pytest.raises(ValueError, match="inconnu"):
        taux_applicable("CAE", "martiens", region("11"), date(2009, 12, 15), date(2010, 1, 4))


def test_arrete_cae_seul_pas_de_taux_cie():
    arrete_publie("11", 2010, portee="cae")
    with pytest.raises(AucunArreteApplicable, match="annexe 3-bis"):
        taux_applicable("CIE", "beneficiaires-rsa", region("11"), date(2009, 12, 15), date(2010, 1, 4))


def test_region_en_retard_garde_l_arrete_de_l_annee_precedente():
    """No 2011 arrêté published: the 2010 one stays in force for hires of January 2011 (annexe 3: no end)."""
    a2010 = arrete_publie("11", 2010, date_publication=date(2009, 11, 27))
    for conclusion, embauche in ((date(2010, 12, 31), date(2011, 1, 1)), (date(2011, 1, 1), date(2011, 1, 3))):
        resultat = taux_applicable("CAE", "beneficiaires-rsa", region("11"), conclusion, embauche)
        assert resultat.arrete == a2010


def test_arrete_suivant_publie_en_novembre():
    """December prescription for a January hire takes the 2011 arrêté from its publication day; a December hire
    keeps the 2010 one."""
    a2010 = arrete_publie("11", 2010, numero="2009-100", date_publication=date(2009, 11, 27))
    a2011 = arrete_publie("11", 2011, numero="2010-200", date_publication=date(2010, 11, 25))
    cae = ("CAE", "autres-publics", region("11"))
    assert taux_applicable(*cae, date(2010, 11, 24), date(2011, 1, 3)).arrete == a2010
    assert taux_applicable(*cae, date(2010, 11, 25), date(2011, 1, 3)).arrete == a2011
    assert taux_applicable(*cae, date(2010, 12, 15), date(2010, 12, 31)).arrete == a2010
