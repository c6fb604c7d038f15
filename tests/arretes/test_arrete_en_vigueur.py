"""An arrêté stays in force until the region publishes the next one (circular 2009-42, annexes 3 and 3-bis: it
applies « aux nouvelles conventions conclues à compter de la date de sa publication, pour des contrats de travail
prenant effet à partir du 1er janvier » of its year, and sets no end). Boundaries: 31/12, 01/01, the day of
publication."""

from datetime import date

import pytest

from arretes.regles import ArreteDate, arrete_applicable, prescrit_sur_l_arrete_precedent

A2010 = ArreteDate(1, 2010, date(2009, 11, 27))
A2011 = ArreteDate(2, 2011, date(2010, 11, 25))
ARRETES = [A2010, A2011]


@pytest.mark.parametrize(
    ("conclusion", "embauche", "attendu"),
    [
        # Anticipated prescription in December: a January hire takes next year's arrêté from its publication day…
        (date(2010, 11, 25), date(2011, 1, 3), A2011),
        (date(2010, 12, 31), date(2011, 1, 1), A2011),
        # … but the day before its publication, the January hire is still on this year's arrêté, in force.
        (date(2010, 11, 24), date(2011, 1, 3), A2010),
        # A December hire keeps this year's arrêté, even concluded after next year's publication.
        (date(2010, 12, 1), date(2010, 12, 31), A2010),
        (date(2010, 11, 25), date(2010, 12, 31), A2010),
        # The 2010 arrêté: from its publication day only (no CUI arrêté before).
        (date(2009, 11, 27), date(2010, 1, 1), A2010),
        (date(2009, 11, 26), date(2010, 1, 1), None),
    ],
)
def test_arrete_applicable_aux_bornes(conclusion, embauche, attendu):
    assert arrete_applicable(ARRETES, conclusion, embauche) == attendu


def test_region_en_retard_prescrit_en_janvier_sur_l_arrete_de_l_annee_precedente():
    # No 2011 arrêté yet: the 2010 one stays in force for hires of 2011 (31/12 and 01/01 alike).
    assert arrete_applicable([A2010], date(2010, 12, 31), date(2011, 1, 1)) == A2010
    assert arrete_applicable([A2010], date(2011, 1, 1), date(2011, 1, 3)) == A2010
    assert arrete_applicable([A2010], date(2011, 1, 31), date(2011, 2, 1)) == A2010
    # Once the 2011 arrêté is published (late, 15/01/2011), it replaces it from that day.
    tardif = ArreteDate(3, 2011, date(2011, 1, 15))
    assert arrete_applicable([A2010, tardif], date(2011, 1, 14), date(2011, 2, 1)) == A2010
    assert arrete_applicable([A2010, tardif], date(2011, 1, 15), date(2011, 2, 1)) == tardif


def test_correctif_de_l_annee_remplace_le_jour_de_sa_publication():
    ancien = ArreteDate(1, 2010, date(2009, 11, 27), date_abrogation=date(2010, 3, 1))
    nouveau = ArreteDate(4, 2010, date(2010, 3, 1))
    assert arrete_applicable([ancien, nouveau], date(2010, 2, 28), date(2010, 4, 1)) == ancien
    assert arrete_applicable([ancien, nouveau], date(2010, 3, 1), date(2010, 4, 1)) == nouveau


def test_regions_prescrivant_sur_l_arrete_precedent():
    assert prescrit_sur_l_arrete_precedent([A2010], 2011, date(2010, 11, 30)) == A2010
    assert prescrit_sur_l_arrete_precedent([A2010, A2011], 2011, date(2010, 11, 30)) is None
    assert prescrit_sur_l_arrete_precedent([A2010, A2011], 2011, date(2010, 11, 24)) == A2010
    assert prescrit_sur_l_arrete_precedent([], 2011, date(2010, 11, 30)) is None
