"""No input ever gets a 500: schemathesis from the OpenAPI schema, and hypothesis with hostile values."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

from cui_portal.wsgi import application

URL = "/api/aides/simulation"
PARAMETRES = ["contrat", "taux", "region", "public", "heures", "date", "aci", "cofinancement_cg"]
COMPTEUR: Counter = Counter()


# Loaded when the module is collected: serving the schema reads no table. (schemathesis.pytest.from_fixture would
# defer it, but schemathesis 4.32 reads ``request.node._nodeid``, which pytest 9 no longer has.)
# Only the simulator's operation: the schema also documents other apps' endpoints.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application).include(path=URL)


@pytest.fixture
def connexion_gardee():
    """The real WSGI handler closes the database connection at each request's end, which on PostgreSQL ends the
    test's transaction; Django's test client unhooks that signal the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("connexion_gardee")
@schema.parametrize()
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_jamais_de_500(case):
    reponse = case.call()
    COMPTEUR[f"schemathesis {case.method.upper()} {reponse.status_code}"] += 1
    assert reponse.status_code < 500, reponse.text
    if case.method.upper() not in ("GET", "HEAD"):  # schemathesis also tries the other methods: refused, in French
        assert reponse.status_code == 405 and "non autorisée" in reponse.json()["detail"], reponse.text
        return
    assert reponse.status_code in (200, 400), reponse.text
    if reponse.status_code == 400 and case.method.upper() == "GET":
        erreurs = reponse.json()["erreurs"]
        assert erreurs and all(isinstance(m, str) and m for messages in erreurs.values() for m in messages)
    # The answer matches the documented schema (200 or 400). A schema-valid request may still be refused by the law
    # (a rate over its ceiling, no arrêté for that region): "positive data acceptance" does not hold for this API.
    case.validate_response(reponse, excluded_checks=[positive_data_acceptance])


NOMBRES_HOSTILES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-0",
            "1e999999",
            "-1e999999",
            "1e-999999",
            "NaN",
            "sNaN",
            "-Infinity",
            "inf",
            "9" * 25,
            "0x10",
            "1_000",
            "١٢",
            "٣٥",
            "½",
            "35.000001",
            "35,00",
            "35.",
            ".5",
            "1 000",
            "26\x00",
            "２６",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.text(max_size=40),
)
DATES_HOSTILES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "10000-01-01",
            "2009-02-29",
            "2010-13-01",
            "00/00/0000",
            "",
            "31/12/9999",
            "2010-01-01T00:00:00",
            "2009-12-01\n",
            "１９９９-０１-０１",
        ]
    ),
    st.dates().map(str),
    st.text(max_size=30),
)
VALEURS = {
    "contrat": st.one_of(st.sampled_from(["CAE", "CIE", "cae", "CAV", "", "CAE " * 50]), st.text(max_size=20)),
    "taux": NOMBRES_HOSTILES,
    "region": st.one_of(st.sampled_from(["11", "31", "99", "", "0", "1" * 1000, "11\x00"]), st.text(max_size=20)),
    "public": st.one_of(st.sampled_from(["beneficiaires-rsa", "martiens", "", "é" * 500]), st.text(max_size=30)),
    "heures": NOMBRES_HOSTILES,
    "date": DATES_HOSTILES,
    "aci": st.one_of(st.sampled_from(["0", "1", "2", "oui", "", "true", "x" * 100]), st.text(max_size=5)),
    "cofinancement_cg": st.one_of(st.sampled_from(["0", "1", "-1", "on", ""]), st.text(max_size=5)),
}
REQUETES = st.fixed_dictionaries({}, optional=VALEURS)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=REQUETES)
def test_api_valeurs_hostiles_jamais_de_500(client, params):
    reponse = client.get(URL, params)
    COMPTEUR[f"hypothesis API {reponse.status_code}"] += 1
    assert reponse.status_code in (200, 400), (params, reponse.content[:500])
    if reponse.status_code == 400:
        erreurs = reponse.json()["erreurs"]
        assert set(erreurs) <= set(PARAMETRES), erreurs
        messages = [m for ms in erreurs.values() for m in ms]
        assert messages and all(_francais(m) for m in messages), messages
        assert all(len(m) < 400 for m in messages), messages
    else:
        donnees = reponse.json()
        assert donnees["regles"]


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=REQUETES)
def test_page_et_fragment_valeurs_hostiles_jamais_de_500(client, params):
    for chemin in ("/simulateur/", "/simulateur/resultat/"):
        reponse = client.get(chemin, params, headers={"HX-Request": "true"})
        COMPTEUR[f"hypothesis page {reponse.status_code}"] += 1
        assert reponse.status_code == 200, (chemin, params)


PLAUSIBLES = st.fixed_dictionaries(
    {
        "contrat": st.sampled_from(["CAE", "CIE"]),
        "taux": st.decimals(min_value=Decimal("-1"), max_value=Decimal(110), places=2).map(str),
        "heures": st.decimals(min_value=0, max_value=Decimal(36), places=2).map(lambda d: str(d).replace(".", ",")),
        "date": st.dates(min_value=date(2009, 6, 1), max_value=date(2016, 1, 31)).map(date.isoformat),
        "aci": st.sampled_from(["0", "1"]),
        "cofinancement_cg": st.sampled_from(["0", "1"]),
    }
)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PLAUSIBLES)
def test_api_valeurs_plausibles_la_loi_tient(client, params):
    """For any plausible input: either a French refusal, or an aid within the law whose two shares add up."""
    reponse = client.get(URL, params)
    COMPTEUR[f"hypothesis API plausible {reponse.status_code}"] += 1
    assert reponse.status_code in (200, 400), (params, reponse.content[:500])
    if reponse.status_code == 400:
        messages = [m for ms in reponse.json()["erreurs"].values() for m in ms]
        assert messages and all(_francais(m) for m in messages), messages
        return
    d = reponse.json()
    aide, cg, etat = (Decimal(d[k]) for k in ("aide_mensuelle", "part_conseil_general", "part_etat"))
    assert aide == cg + etat and cg >= 0 and etat >= 0
    plafond = {"CIE": 47, "CAE": 105 if params["aci"] == "1" else 95}[params["contrat"]]
    assert Decimal(d["taux"]) <= plafond
    assert Decimal(1) <= Decimal(d["heures"]) <= Decimal(35)
    assert aide <= Decimal(d["taux"]) / 100 * Decimal(d["smic_horaire"]) * 35 * 52 / 12 + Decimal("0.01")
    if params["cofinancement_cg"] == "0":
        assert cg == 0
    else:
        assert cg <= Decimal("461.26")  # 88 % of the RSA forfait, at most 461.26 € (524.16 € on 2015-09-01)


MOTS_FRANCAIS = ("le ", "la ", "de ", "un ", "une ", "indiquez", "saisissez", "choisissez", "valeur", " : ", "inconnu")


def _francais(message: str) -> bool:
    """Crude but enough: a French message has French words and none of Django's English defaults."""
    bas = message.lower()
    anglais = ("enter a", "this field", "select a valid", "ensure ", "invalid")
    return any(m in bas for m in MOTS_FRANCAIS) and not any(a in bas for a in anglais)


def test_bilan_des_requetes(capsys):
    """A report line (after the tests above, in the same process): how many requests each generator sent."""
    with capsys.disabled():
        print(f"\nRequêtes envoyées : {dict(sorted(COMPTEUR.items()))}")
