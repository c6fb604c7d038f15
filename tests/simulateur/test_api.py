"""GET /api/aides/simulation: the worked figures of circular 2009-42, the arrêté's rate, every refusal in French."""

from datetime import date
from decimal import Decimal

import pytest

from tests.arretes.factories import arrete_publie

pytestmark = pytest.mark.django_db

URL = "/api/aides/simulation"
BASE = {"date": "2009-12-01", "cofinancement_cg": "1"}


def simuler(client, **params):
    return client.get(URL, {**BASE, **params})


@pytest.mark.parametrize(
    ("params", "aide", "cg", "etat"),
    [
        ({"contrat": "CAE", "taux": "90", "heures": "26"}, "894.30", "400.07", "494.23"),
        ({"contrat": "CAE", "taux": "105", "heures": "26", "aci": "1"}, "1043.38", "400.07", "643.31"),
        ({"contrat": "CIE", "taux": "30", "heures": "20"}, "229.30", "229.30", "0"),
        ({"contrat": "CIE", "taux": "47", "heures": "35"}, "628.70", "400.07", "228.63"),
    ],
)
def test_chiffres_de_la_circulaire(client, params, aide, cg, etat):
    reponse = simuler(client, **params)
    assert reponse.status_code == 200, reponse.json()
    donnees = reponse.json()
    assert donnees["smic_horaire"] == "8.82"
    for champ, attendu in (("aide_mensuelle", aide), ("part_conseil_general", cg), ("part_etat", etat)):
        assert abs(Decimal(donnees[champ]) - Decimal(attendu)) <= Decimal("0.10"), (champ, donnees[champ])
        assert len(donnees[champ].split(".")[1]) == 2  # a string with two decimals and a point
    assert Decimal(donnees["aide_mensuelle"]) == Decimal(donnees["part_conseil_general"]) + Decimal(
        donnees["part_etat"]
    )
    assert any("88\u00a0% du RSA forfaitaire" in r and "400,07\u00a0€" in r for r in donnees["regles"])


def test_reponse_exacte_cae_90(client):
    donnees = simuler(client, contrat="CAE", taux="90", heures="26").json()
    assert donnees == {
        "contrat": "CAE",
        "date": "2009-12-01",
        "smic_horaire": "8.82",
        "taux": "90.00",
        "heures": "26.00",
        "aide_mensuelle": "894.35",
        "part_conseil_general": "400.07",
        "part_etat": "494.28",
        "regles": donnees["regles"],
    }
    regles = " ".join(donnees["regles"])
    assert "Taux de prise en charge saisi : 90 %" in regles
    assert "plafond légal de 95 %" in regles
    assert "SMIC horaire brut en vigueur le 01/12/2009 : 8,82\u00a0€" in regles
    assert "35 heures par semaine au plus" in regles
    assert "894,35\u00a0€" in regles


def test_sans_cofinancement_l_etat_paie_tout(client):
    donnees = client.get(URL, {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2010-01-01"}).json()
    assert donnees["smic_horaire"] == "8.86"
    assert donnees["part_conseil_general"] == "0.00"
    assert donnees["part_etat"] == donnees["aide_mensuelle"]
    assert any("l'État verse toute l'aide" in r for r in donnees["regles"])


def test_virgule_et_booleens_acceptes(client):
    donnees = client.get(
        URL, {"contrat": "CAE", "taux": "90,5", "heures": "17,5", "date": "01/12/2009", "aci": "0"}
    ).json()
    assert donnees["taux"] == "90.50" and donnees["heures"] == "17.50"
    assert any("possible en CAE seulement" in r for r in donnees["regles"])


def test_taux_de_l_arrete(client):
    arrete_publie("11", 2010, numero="2009-100", date_publication=date(2009, 11, 27))
    reponse = client.get(
        URL, {"contrat": "CAE", "region": "11", "public": "beneficiaires-rsa", "heures": "30", "date": "2010-01-04"}
    )
    assert reponse.status_code == 200, reponse.json()
    donnees = reponse.json()
    assert donnees["taux"] == "95.00"
    assert donnees["heures"] == "26.00"  # the arrêté takes 26 h at most in charge
    regles = " ".join(donnees["regles"])
    assert "fixé par l'arrêté n° 2009-100 du préfet de région de la région Île-de-France" in regles
    assert "« Bénéficiaires du RSA »" in regles
    assert "au plus 26 heures par semaine" in regles


def test_taux_de_l_arrete_aci(client):
    arrete_publie("11", 2010)
    donnees = client.get(
        URL, {"contrat": "CAE", "region": "11", "public": "salaries-aci", "heures": "26", "date": "2010-01-04"}
    ).json()
    assert donnees["taux"] == "105.00"


def erreurs(reponse):
    assert reponse.status_code == 400, reponse.content
    assert reponse["Content-Type"].startswith("application/json")
    return reponse.json()["erreurs"]


def test_aucun_arrete_applicable(client):
    arrete_publie("11", 2010)
    e = erreurs(
        client.get(
            URL, {"contrat": "CAE", "region": "31", "public": "beneficiaires-rsa", "heures": "26", "date": "2010-01-04"}
        )
    )
    assert "Nord-Pas-de-Calais" in e["region"][0] and "2010" in e["region"][0]


CAS_REFUSES = [
    ({"taux": "96"}, "taux", "plafonné à 95 % du SMIC"),
    ({"taux": "106", "aci": "1"}, "taux", "plafonné à 105 %"),
    ({"contrat": "CIE", "taux": "48"}, "taux", "plafonné à 47 %"),
    ({"taux": "0"}, "taux", "strictement positif"),
    ({"taux": "-5"}, "taux", "strictement positif"),
    ({"taux": "abc"}, "taux", "Saisissez le taux en pourcentage"),
    ({"taux": "NaN"}, "taux", "Saisissez le taux en pourcentage"),
    ({"taux": "Infinity"}, "taux", "Saisissez le taux en pourcentage"),
    ({"taux": "90.123"}, "taux", "au plus 2 chiffres après la virgule"),
    ({"taux": "1e999999"}, "taux", "beaucoup trop grand"),
    ({"taux": "9" * 500}, "taux", "Saisissez le taux en pourcentage"),
    ({"taux": ""}, "taux", "Indiquez le taux de prise en charge, ou bien une région et un public"),
    ({"region": "11", "public": "beneficiaires-rsa"}, "taux", "pas les deux"),
    ({"taux": "", "region": "11"}, "public", "Indiquez le public prioritaire"),
    ({"taux": "", "public": "beneficiaires-rsa"}, "region", "Indiquez la région"),
    ({"taux": "", "region": "99", "public": "beneficiaires-rsa"}, "region", "Région inconnue"),
    ({"taux": "", "region": "11", "public": "martiens"}, "public", "Public prioritaire inconnu"),
    ({"heures": "36"}, "heures", "35 heures par semaine au plus"),
    ({"heures": "0.5"}, "heures", "au moins 1 heure"),
    ({"heures": "-26"}, "heures", "au moins 1 heure"),
    ({"heures": ""}, "heures", "Indiquez le nombre d'heures"),
    ({"heures": "vingt"}, "heures", "Saisissez un nombre d'heures"),
    ({"contrat": "CIE", "taux": "30", "heures": "19"}, "heures", "inférieure à 20 heures"),
    ({"contrat": "CIE", "taux": "30", "aci": "1"}, "aci", "ils recrutent en CAE"),
    ({"contrat": "CAV"}, "contrat", "seuls le CAE et le CIE"),
    ({"contrat": ""}, "contrat", "Choisissez le contrat"),
    ({"date": ""}, "date", "Indiquez la date"),
    ({"date": "2009-02-30"}, "date", "Saisissez une date valide"),
    ({"date": "10000-01-01"}, "date", "Saisissez une date valide"),
    ({"date": "0001-01-01"}, "date", "aucune valeur connue au"),
    ({"date": "9999-12-31"}, "date", "barème connu jusqu'au 31/12/2015"),
    ({"date": "2009-06-15"}, "date", "SMIC horaire brut : aucune valeur connue au 15/06/2009"),
    ({"aci": "peut-être"}, "aci", "Valeur attendue : 0 (non) ou 1 (oui)."),
    ({"cofinancement_cg": "2"}, "cofinancement_cg", "Valeur attendue : 0 (non) ou 1 (oui)."),
]


@pytest.mark.parametrize(("params", "champ", "message"), CAS_REFUSES)
def test_refus_en_francais(client, params, champ, message):
    valides = {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2009-12-01"}
    e = erreurs(client.get(URL, {**valides, **params}))
    assert champ in e, e
    assert any(message in m for m in e[champ]), e[champ]


def test_rien_du_tout(client):
    e = erreurs(client.get(URL))
    assert set(e) == {"contrat", "taux", "heures", "date"}


def test_rsa_inconnu_a_la_date(client):
    # The SMIC is known from 01/07/2009, the RSA from 01/06/2009: past 2015 neither is, and the message says so.
    e = erreurs(client.get(URL, {"contrat": "CAE", "taux": "90", "heures": "26", "date": "2016-01-01"}))
    assert "connu jusqu'au 31/12/2015" in e["date"][0]


def test_methode_non_autorisee_en_json(client):
    reponse = client.post(URL, {})
    assert reponse.status_code == 405


def test_schema_openapi(client):
    reponse = client.get("/api/schema/", {"format": "json"})
    assert reponse.status_code == 200
    schema = reponse.json()
    operation = schema["paths"]["/api/aides/simulation"]["get"]
    parametres = {p["name"]: p for p in operation["parameters"]}
    assert set(parametres) == {"contrat", "taux", "region", "public", "heures", "date", "aci", "cofinancement_cg"}
    assert parametres["contrat"]["required"] and parametres["contrat"]["schema"]["enum"] == ["CAE", "CIE"]
    assert parametres["date"]["schema"]["format"] == "date"
    assert parametres["aci"]["schema"]["enum"] == [0, 1]
    assert set(operation["responses"]) == {"200", "400"}
    assert "Simulation" in operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]


@pytest.mark.parametrize(("contrat", "heures"), [("CIE", "19"), ("CAE", "36"), ("CIE", "35.5")])
def test_heures_refusees_comme_dans_une_convention(client, contrat, heures):
    """The simulator refuses hours with the conventions' own rule and message (``referentiels.regles_heures``)."""
    from referentiels.regles_heures import verifier_heures

    d = Decimal(heures)
    attendus = {v.message for v in verifier_heures(contrat, d, d, difficultes_particulieres=True)}
    e = erreurs(client.get(URL, {"contrat": contrat, "taux": "30", "heures": heures, "date": "2009-12-01"}))
    assert e["heures"] and set(e["heures"]) <= attendus
