from datetime import date, timedelta

import pytest
import time_machine

from conventions.tasks import mettre_a_jour_statuts_task
from droit.vocabulaire import StatutConvention
from tests.conventions import factories

pytestmark = pytest.mark.django_db


def test_la_tache_quotidienne_fait_avancer_les_statuts_une_fois(demo):
    factories.arretes_2010(demo)
    convention = factories.convention(demo)  # concluded on 15/12/2009, from 04/01/2010 to 03/01/2011
    assert convention.statut == StatutConvention.CONCLUE
    with time_machine.travel(date(2010, 1, 4)):
        assert mettre_a_jour_statuts_task.delay().get() >= 1
        assert mettre_a_jour_statuts_task.delay().get() == 0  # idempotent
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.EN_COURS
    with time_machine.travel(convention.date_fin + timedelta(days=1)):
        mettre_a_jour_statuts_task.delay()
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.TERMINEE
