"""Properties that hold for every input (hypothesis): the split of the aid, its growth, the duration rules."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from conventions.regles.aide import calculer_repartition
from conventions.regles.base import Personne
from conventions.regles.duree import (
    Renouvellement,
    date_fin_pour,
    duree_en_mois,
    verifier_duree_initiale,
    verifier_renouvellement,
)

taux = st.decimals(min_value=Decimal(1), max_value=Decimal(105), places=2)
heures = st.decimals(min_value=Decimal(1), max_value=Decimal(35), places=2)
smic = st.sampled_from([Decimal("8.82"), Decimal("8.86"), Decimal("9.00"), Decimal("9.43")])
financement = st.sampled_from(["etat", "etat_cg", "cg"])
contribution = st.sampled_from([Decimal("400.07"), Decimal("404.88")])
jours = st.dates(min_value=date(2010, 1, 1), max_value=date(2014, 12, 31))


@given(taux, heures, smic, financement, contribution, st.one_of(st.none(), taux))
def test_etat_plus_cg_egale_l_aide_jamais_negative(t, h, s, f, c, t_arrete):
    r = calculer_repartition(t, s, h, f, c, t_arrete)
    assert r.part_etat + r.part_conseil_general == r.aide_mensuelle
    assert r.aide_mensuelle >= 0 and r.part_etat >= 0 and r.part_conseil_general >= 0


@given(taux, taux, heures, heures, smic)
def test_l_aide_croit_avec_le_taux_et_les_heures(t1, t2, h1, h2, s):
    bas = calculer_repartition(min(t1, t2), s, min(h1, h2), "etat", Decimal(0))
    haut = calculer_repartition(max(t1, t2), s, max(h1, h2), "etat", Decimal(0))
    assert bas.aide_mensuelle <= haut.aide_mensuelle


@given(jours, st.integers(min_value=1, max_value=60))
def test_duree_en_mois_de_date_a_date(debut, mois):
    fin = date_fin_pour(debut, mois)
    assert duree_en_mois(debut, fin) == mois
    assert duree_en_mois(debut, fin - timedelta(days=1)) == mois - 1


@given(jours, st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=40))
def test_duree_initiale_monotone(debut, mois, allonge):
    """If a length is refused for being too long, a longer one is too; if refused too short, a shorter one too."""
    court = verifier_duree_initiale(debut, date_fin_pour(debut, mois))
    long = verifier_duree_initiale(debut, date_fin_pour(debut, mois + allonge))
    if court and mois > 24:
        assert long
    if not court:
        assert mois >= 6


@given(
    st.integers(min_value=6, max_value=70),
    st.integers(min_value=1, max_value=12),
    st.booleans(),
    st.booleans(),
    st.integers(min_value=1945, max_value=1990),
)
def test_renouvellement_monotone(avant, de_plus, rqth, rsa, annee):
    debut = date(2010, 1, 4)
    personne = Personne(date(annee, 6, 1), rqth=rqth, beneficiaire_rsa=rsa)

    def ok(mois_apres):
        r = Renouvellement("CAE", False, personne, debut, date_fin_pour(debut, avant), date_fin_pour(debut, mois_apres))
        return not verifier_renouvellement(r)

    # accepting a longer renewal implies accepting a shorter one from the same point
    if ok(avant + de_plus):
        assert all(ok(avant + k) for k in range(1, de_plus))
    assert not ok(61) or avant >= 61
