"""The made-up SIRET and NIR of the tests, the demonstration and the benchmarks are valid for python-stdnum."""

from hypothesis import given
from hypothesis import strategies as st
from stdnum.fr import nir as stdnum_nir
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from referentiels import identifiants


@given(st.integers(0, 99_999_999), st.integers(1, 9999))
def test_siret_et_siren_valides(numero, etablissement):
    siret = identifiants.siret(numero, etablissement)
    assert len(siret) == 14 and stdnum_siret.is_valid(siret)
    assert siret[:9] == identifiants.siren(numero) and stdnum_siren.is_valid(siret[:9])


@given(
    st.sampled_from([1, 2]),
    st.integers(1900, 2010),
    st.integers(1, 12),
    st.sampled_from(["75", "93", "59", "2A", "2B", "13"]),
    st.integers(1, 989),
    st.integers(1, 999),
)
def test_nir_valide(sexe, annee, mois, departement, commune, ordre):
    nir = identifiants.nir(sexe, annee, mois, departement, commune, ordre)
    assert len(nir) == 15 and stdnum_nir.is_valid(nir)


def test_valeurs_stables():
    """The demo data and the tests' fixed identifiers do not change under them."""
    assert identifiants.siret(73282932, 7) == "73282932000074"
    assert identifiants.nir(1, 1990, 3, ordre=321) == "190037505632101"
