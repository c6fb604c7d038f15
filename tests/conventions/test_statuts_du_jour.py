"""Statuses derived from the dates, never stale: the database's ``statut_du_jour`` and the pure rule agree for every
status and every day, and on the whole demonstration, on its day and years later, no status contradicts the dates
(in the queryset, the list's filter and the convention page) — with no daily job run."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import Convention
from conventions.regles.statuts import statut_a_la_date
from droit.vocabulaire import StatutConvention
from tests.conventions import factories

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("statut", "jour", "attendu"),
    [
        ("conclue", date(2009, 12, 20), "conclue"),  # concluded in December for a January hire
        ("conclue", date(2010, 1, 4), "en_cours"),  # its first day
        ("en_cours", date(2011, 1, 3), "en_cours"),  # its last day
        ("en_cours", date(2011, 1, 4), "terminee"),  # the day after: ended, even if no job ran
        ("conclue", date(2012, 5, 1), "terminee"),  # « CONCLUE » left by a job that never ran
        ("terminee", date(2010, 6, 1), "en_cours"),  # « terminée » stored too early: the dates win
        ("suspendue", date(2010, 6, 1), "suspendue"),
        ("suspendue", date(2011, 2, 1), "terminee"),
        ("rompue", date(2010, 6, 1), "rompue"),
        ("brouillon", date(2010, 6, 1), "brouillon"),
    ],
)
def test_le_statut_suit_les_dates(statut, jour, attendu):
    assert statut_a_la_date(statut, date(2010, 1, 4), date(2011, 1, 3), jour) == attendu


@pytest.mark.django_db
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    statut=st.sampled_from(["conclue", "en_cours", "terminee", "suspendue"]),
    decalage=st.integers(min_value=-400, max_value=800),
)
def test_la_base_calcule_le_statut_comme_la_regle(arretes_2010_module, statut, decalage):
    convention = arretes_2010_module
    # (a broken one needs its rupture: the table above covers « rompue » and « brouillon »)
    Convention.objects.filter(pk=convention.pk).update(statut=statut, date_suspension=convention.date_debut)
    jour = convention.date_debut + timedelta(days=decalage)
    calcule = Convention.objects.avec_statut_du_jour(jour).get(pk=convention.pk).statut_du_jour
    assert calcule == statut_a_la_date(statut, convention.date_debut, convention.date_fin, jour)


@pytest.fixture
def arretes_2010_module(demo):
    factories.arretes_2010(demo)
    return factories.convention(demo)


def _chaque_convention_suit_ses_dates(client, jour):
    conventions = list(Convention.objects.avec_statut_du_jour(jour).exclude(statut=StatutConvention.BROUILLON))
    assert conventions
    for c in conventions:
        attendu = statut_a_la_date(c.statut, c.date_debut, c.date_fin, jour)
        assert c.statut_du_jour == attendu, c.numero
        if attendu in (StatutConvention.EN_COURS, StatutConvention.SUSPENDUE):
            assert c.date_debut <= jour <= c.date_fin
        if attendu == StatutConvention.CONCLUE:
            assert jour < c.date_debut
    # The list's filter counts what the dates say, status by status.
    for statut in StatutConvention.values:
        attendus = sum(1 for c in conventions if c.statut_du_jour == statut)
        if statut == StatutConvention.BROUILLON:
            continue
        reponse = client.get(reverse("conventions:liste"), {"statut": statut})
        assert reponse.context["total"] == attendus, statut
    # And the page of a convention says the same.
    c = conventions[0]
    page = client.get(reverse("conventions:detail", args=[c.pk])).text
    assert StatutConvention(c.statut_du_jour).label in page


@pytest.mark.django_db(transaction=True)
def test_la_demonstration_ne_contredit_jamais_ses_dates(connecter):
    call_command("charger_demo", force=True, stdout=StringIO())
    with time_machine.travel(datetime(2010, 11, 30, 10, tzinfo=PARIS), tick=False):
        _chaque_convention_suit_ses_dates(connecter("national"), date(2010, 11, 30))
        en_cours = Convention.objects.au_statut(StatutConvention.EN_COURS).count()
        assert en_cours > 0  # the demonstration is alive on its day
    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=PARIS), tick=False):
        _chaque_convention_suit_ses_dates(connecter("national"), date(2026, 12, 1))
        # Sixteen years later every 2010 convention has ended or been broken: nothing says « en cours ».
        assert not Convention.objects.au_statut(StatutConvention.EN_COURS, StatutConvention.CONCLUE).exists()
