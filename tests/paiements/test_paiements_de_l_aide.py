"""The « Paiements de l'aide » of one convention compare what the ASP paid with what is due (the aid less the
indu), not with the aid: after a rupture outside the legal cases, every month already paid is an overpayment."""

from datetime import date
from decimal import Decimal

import pytest

from conventions.models import MotifRupture
from conventions.services import evenements
from conventions.services.paiements_de_l_aide import paiements_de_l_aide
from cui_portal import horloge

from .conftest import payer

pytestmark = pytest.mark.django_db
D = Decimal
JOUR = date(2010, 11, 30)
JANVIER, FEVRIER, MARS, AVRIL = (date(2010, m, 1) for m in range(1, 5))
# CAE-jeunes at 90 % on 20 h, SMIC 2010 8,86 €: 0,9 × 8,86 × 20 × 52 / 12 = 691,08 € a month; January from the
# 4th: 28/31 of it = 624,20 €.
MOIS_PLEIN, JANVIER_PRORATISE = D("691.08"), D("624.20")


def _lignes(paiements):
    return {ligne.mois.mois: ligne for ligne in paiements.lignes}


def test_sans_rupture_le_mois_paye_exactement_n_est_pas_signale(conventions):
    c = conventions["idf"]
    payer(c, {JANVIER: (JANVIER_PRORATISE, 0), FEVRIER: (MOIS_PLEIN + 150, 0)})
    paiements = paiements_de_l_aide(c, JOUR)
    lignes = _lignes(paiements)
    assert (lignes[JANVIER].du, lignes[JANVIER].ecart, lignes[JANVIER].trop_percu) == (JANVIER_PRORATISE, 0, False)
    assert lignes[FEVRIER].trop_percu and lignes[FEVRIER].ecart == D("150.00")
    assert paiements.du == paiements.aide and paiements.nb_trop_percus == 1


def test_apres_une_rupture_hors_cas_legaux_l_aide_payee_est_un_trop_percu(conventions):
    c = conventions["idf"]
    payer(c, {JANVIER: (JANVIER_PRORATISE, 0), FEVRIER: (MOIS_PLEIN, 0)})
    with horloge.au(date(2010, 4, 2)):
        evenements.declarer_rupture(c, date_rupture=date(2010, 3, 31), motif=MotifRupture.HORS_CAS_LEGAUX, par=None)
    paiements = paiements_de_l_aide(c, JOUR)
    lignes = _lignes(paiements)
    assert list(lignes) == [JANVIER, FEVRIER, MARS]
    assert paiements.aide == paiements.a_rembourser == JANVIER_PRORATISE + 2 * MOIS_PLEIN
    # Paid what the aid was, but nothing is due: both months are overpaid by all they received (compared with the
    # aid, they looked paid exactly), and March, due nothing, is not unpaid.
    assert [lignes[m].du for m in (JANVIER, FEVRIER, MARS)] == [0, 0, 0]
    assert lignes[JANVIER].trop_percu and lignes[JANVIER].ecart == JANVIER_PRORATISE
    assert lignes[FEVRIER].trop_percu and lignes[FEVRIER].ecart == MOIS_PLEIN
    assert not lignes[MARS].impaye and not lignes[MARS].trop_percu
    assert paiements.nb_trop_percus == 2 and paiements.nb_impayes == 0
    # The total difference is what the ASP must get back (1 315,28 €), not « paid 691,08 € less than the aid ».
    assert paiements.du == 0 and paiements.ecart == JANVIER_PRORATISE + MOIS_PLEIN == D("1315.28")


def test_rupture_dans_les_cas_legaux_rien_n_est_indu(conventions):
    c = conventions["idf"]
    payer(c, {JANVIER: (JANVIER_PRORATISE, 0), FEVRIER: (MOIS_PLEIN, 0)})
    with horloge.au(date(2010, 4, 2)):
        evenements.declarer_rupture(c, date_rupture=date(2010, 3, 31), motif=MotifRupture.EMBAUCHE, par=None)
    paiements = paiements_de_l_aide(c, JOUR)
    assert paiements.a_rembourser == 0 and paiements.nb_trop_percus == 0
    assert paiements.ecart == -MOIS_PLEIN  # March, due and late (30/11 is more than 45 days after 31/03)
    assert _lignes(paiements)[MARS].impaye and AVRIL not in _lignes(paiements)
