"""Aggregates: the refresh gives the same totals as counting the conventions; CAE-jeunes criteria at their edges;
the dashboards read a fixed number of queries whatever the number of conventions."""

from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conventions.models import Convention
from conventions.models_evenements import PeriodeImmersion
from conventions.regles.convention import est_cae_jeune
from tableau_de_bord import indicateurs
from tableau_de_bord.models import IndicateurQuinzaine, RafraichissementIndicateurs
from tableau_de_bord.services_indicateurs import fraicheur, rafraichir_indicateurs
from tableau_de_bord.tasks import rafraichir_indicateurs_task
from tests.conventions.factories import ConventionFactory, EmployeurFactory, SalarieFactory, departement

pytestmark = pytest.mark.django_db
NUMEROS = count(1)


def conclue(
    *,
    naissance=date(1990, 6, 1),
    embauche=date(2010, 3, 1),
    duree=12,
    statut_employeur="association",
    type_contrat="CAE",
    conclusion=date(2010, 2, 20),
    immersion=False,
    periodes=0,
    dep="75",
    aci=False,
    statut="conclue",
    taux=Decimal(90),
    heures=Decimal(20),
):
    employeur = EmployeurFactory(statut_juridique=statut_employeur, departement=departement(dep))
    convention = ConventionFactory(
        type_contrat=type_contrat,
        employeur=employeur,
        salarie=SalarieFactory(date_naissance=naissance),
        statut=statut,
        numero=f"TDB{next(NUMEROS):06d}",
        date_conclusion=conclusion,
        date_embauche=embauche,
        date_debut=embauche,
        date_fin=embauche + timedelta(days=int(duree * 30.5)),
        duree_mois=Decimal(duree),
        immersion=immersion,
        aci=aci,
        taux=taux,
        duree_hebdo_prise_en_charge=heures,
        duree_hebdo_travail=max(heures, Decimal(26)),
        aide_mensuelle=Decimal("700.00"),
    )
    for i in range(periodes):
        debut = embauche + timedelta(days=60 + 40 * i)
        PeriodeImmersion.objects.create(
            convention=convention, employeur_accueil="Garage", date_debut=debut, date_fin=debut + timedelta(days=10)
        )
    return convention


def _totaux():
    return {
        k: sum(getattr(i, k) for i in IndicateurQuinzaine.objects.all())
        for k in ("entrees", "cae_jeunes", "cae_jeunes_immersion", "periodes_immersion")
    }


def test_cae_jeunes_aux_limites(db):
    embauche = date(2010, 3, 1)
    conclue(naissance=date(1984, 3, 2), embauche=embauche, immersion=True, periodes=2)  # 25 years old: counted
    conclue(naissance=date(1984, 3, 1), embauche=embauche)  # 26 on the day of hiring: not counted
    conclue(duree=11)  # 11 months: not counted
    conclue(duree=12, statut_employeur="collectivite_territoriale", immersion=True)  # counted
    conclue(statut_employeur="aci")  # ACI: not counted
    conclue(aci=True, statut_employeur="aci")
    conclue(type_contrat="CIE", statut_employeur="entreprise", taux=Decimal(30))
    conclue(statut="brouillon")  # a draft is not a prescription
    rafraichir_indicateurs()
    assert _totaux() == {"entrees": 7, "cae_jeunes": 2, "cae_jeunes_immersion": 2, "periodes_immersion": 2}
    ligne = IndicateurQuinzaine.objects.get(type_contrat="CAE")
    assert ligne.debut_periode == date(2010, 2, 16) and ligne.entrees == 6
    idf = ligne.region
    chiffres = indicateurs.chiffres_bilan(idf, date(2010, 2, 16))
    assert chiffres["quinzaine_cae_jeunes"] == 2 and chiffres["cumul_periodes_immersion"] == 2
    assert indicateurs.chiffres_bilan(idf, date(2010, 3, 1))["quinzaine_cae_jeunes"] == 0
    assert indicateurs.chiffres_bilan(idf, date(2010, 3, 1))["cumul_cae_jeunes"] == 2


def test_moyennes_et_objectifs(db):
    from referentiels.models import Region
    from tableau_de_bord.models import ObjectifRegional

    idf = Region.objects.get(code_insee="11")
    ObjectifRegional.objects.create(region=idf, annee=2010, objectif_cae=100, objectif_cie=10, objectif_cae_jeunes=20)
    conclue(taux=Decimal(90), heures=Decimal(20), duree=6)
    conclue(taux=Decimal(95), heures=Decimal(26), duree=12, conclusion=date(2010, 5, 3))
    conclue(type_contrat="CIE", statut_employeur="entreprise", taux=Decimal("30.7"), heures=Decimal(33), duree=9)
    rafraichir_indicateurs()
    territoires, national = indicateurs.par_region(2010)
    t = next(t for t in territoires if t.region == idf)
    assert t.cae.entrees == 2 and t.cae.objectif == 100 and t.cae.realisation == Decimal("2.0")
    assert t.cae.taux_moyen == Decimal("92.50") and t.cae.heures_moyennes == Decimal("23.00")
    assert t.cae.duree_moyenne == Decimal("9.00")
    assert t.cie.taux_moyen == Decimal("30.70") and t.cie.heures_moyennes == Decimal("33.00")
    assert national.cae.entrees == 2 and national.cie.entrees == 1
    # Up to a date: the conventions of May are not in the figures at the end of March.
    territoires, _ = indicateurs.par_region(2010, jusqu_au=date(2010, 3, 31))
    assert next(t for t in territoires if t.region == idf).cae.entrees == 1


def test_rafraichissement_partiel_et_idempotent(db):
    conclue(conclusion=date(2010, 1, 10))
    conclue(conclusion=date(2010, 4, 20), dep="59")
    rafraichir_indicateurs()
    avant = _totaux()
    rafraichir_indicateurs()
    assert _totaux() == avant
    conclue(conclusion=date(2010, 4, 25), dep="59")
    # Only the Nord region from April: the January row of Paris stays, the new convention is counted.
    from referentiels.models import Region

    rafraichir_indicateurs(regions=[Region.objects.get(code_insee="31").pk], depuis=date(2010, 4, 1))
    assert _totaux()["entrees"] == 3
    assert IndicateurQuinzaine.objects.filter(debut_periode=date(2010, 1, 1)).exists()
    assert RafraichissementIndicateurs.objects.count() == 3 and fraicheur() is not None


def test_la_tache_celery(db, django_capture_on_commit_callbacks):
    from referentiels.models import Region

    conclue()
    # A full refresh is a group of one task per region (run eagerly here, at the commit).
    with django_capture_on_commit_callbacks(execute=True):
        assert rafraichir_indicateurs_task.delay().get() == Region.objects.count()
    assert _totaux()["cae_jeunes"] == 1
    assert RafraichissementIndicateurs.objects.count() == Region.objects.count()
    assert set(RafraichissementIndicateurs.objects.values_list("portee", flat=True)) == {"1 région(s)"}
    # A region's own refresh writes its rows (one aggregate row here) and returns their number.
    assert rafraichir_indicateurs_task.delay([IndicateurQuinzaine.objects.get().region_id]).get() == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=16, max_value=40),  # age at hiring (years)
            st.integers(min_value=-3, max_value=3),  # days around the birthday
            st.sampled_from([6, 11, 12, 24]),
            st.sampled_from(["association", "collectivite_territoriale", "aci", "etablissement_public"]),
            st.sampled_from(["CAE", "CIE"]),
            st.dates(min_value=date(2010, 1, 1), max_value=date(2010, 12, 31)),
            st.booleans(),
            st.integers(min_value=0, max_value=2),
        ),
        max_size=8,
    )
)
def test_propriete_agregats_egaux_au_comptage_direct(db, conventions):
    Convention.objects.all().delete()
    for age, jours, duree, statut, type_, jour, immersion, periodes in conventions:
        embauche = jour + timedelta(days=10)
        naissance = embauche.replace(year=embauche.year - age) - timedelta(days=jours) if embauche.day < 29 else None
        naissance = naissance or date(embauche.year - age, embauche.month, 1)
        conclue(
            naissance=naissance,
            embauche=embauche,
            duree=duree,
            statut_employeur=statut if type_ == "CAE" else "entreprise",
            type_contrat=type_,
            conclusion=jour,
            immersion=immersion,
            periodes=periodes if type_ == "CAE" else 0,
            taux=Decimal(90) if type_ == "CAE" else Decimal(30),
        )
    rafraichir_indicateurs()
    direct = {"entrees": 0, "cae_jeunes": 0, "cae_jeunes_immersion": 0, "periodes_immersion": 0}
    for c in Convention.objects.select_related("salarie", "employeur"):
        direct["entrees"] += 1
        if not c.aci and est_cae_jeune(
            c.type_contrat, c.salarie.date_naissance, c.date_embauche, c.duree_mois, c.employeur.statut_juridique
        ):
            direct["cae_jeunes"] += 1
            direct["cae_jeunes_immersion"] += c.immersion
            direct["periodes_immersion"] += c.periodes_immersion.count()
    assert _totaux() == direct


def _requetes(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_nombre_de_requetes_constant(connecter, django_assert_max_num_queries, time_machine):
    """The national and regional dashboards read the aggregates: as many queries for 1 convention as for 30."""
    from tableau_de_bord.services import ouvrir_bilan, quinzaine_du

    time_machine.move_to("2010-03-20 10:00 +01:00", tick=False)
    c = connecter("national")
    urls = [reverse("tableau_de_bord:national"), reverse("tableau_de_bord:regional", args=[_idf().pk])]
    conclue()
    rafraichir_indicateurs()
    peu = [_requetes(c, url) for url in urls]
    for i in range(30):
        conclue(dep=["75", "59", "13", "69", "33"][i % 5], conclusion=date(2010, 1 + i % 3, 1 + i % 28), periodes=1)
    from referentiels.models import Region

    for region in Region.objects.all()[:10]:
        ouvrir_bilan(region, quinzaine_du(date(2010, 3, 1)))
    rafraichir_indicateurs()
    for url, nombre in zip(urls, peu, strict=True):
        with django_assert_max_num_queries(nombre):
            assert c.get(url).status_code == 200


def _idf():
    from referentiels.models import Region

    return Region.objects.get(code_insee="11")


def test_une_convention_conclue_rafraichit_sa_region(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        convention = conclue(conclusion=date(2010, 4, 20), immersion=True)
    assert _totaux()["cae_jeunes"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        PeriodeImmersion.objects.create(
            convention=convention, employeur_accueil="Garage", date_debut=date(2010, 6, 1), date_fin=date(2010, 6, 10)
        )
    assert _totaux()["periodes_immersion"] == 1
    with django_capture_on_commit_callbacks(execute=False) as rappels:
        conclue(statut="brouillon")
    assert rappels == []
