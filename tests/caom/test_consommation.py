"""Consumption of the CAOM through registered providers (a fake one here: caom never imports conventions)."""

from datetime import date
from decimal import Decimal as D

import pytest

from caom.consommation import (
    LigneConsommation,
    agreger,
    consommation,
    consommation_disponible,
    hors_caom,
)


def ligne(caom, mois, categorie, nombre, cg="0", etat="0"):
    return LigneConsommation(caom.pk, date(2010, mois, 1), categorie, nombre, D(cg), D(etat))


def test_sans_fournisseur_consommation_nulle(caom_93):
    assert not consommation_disponible()
    conso = consommation([caom_93])[caom_93.pk]
    assert not conso.disponible and conso.niveau == "normal" and conso.montant_total == 0 and conso.par_mois == []
    assert hors_caom([caom_93.departement], 2010) == {caom_93.departement_id: 0}


def test_agregation_mois_par_mois(caom_93, fournisseur):
    lignes, _ = fournisseur
    lignes += [
        ligne(caom_93, 1, "cae_cofinances", 100, "330000", "407000"),
        ligne(caom_93, 1, "cae_majores", 10, "37000", "40700"),
        ligne(caom_93, 2, "cae_cofinances", 50, "165000", "203500"),
        ligne(caom_93, 2, "cie_cofinances", 8, "29000", "0"),
    ]
    conso = consommation([caom_93])[caom_93.pk]
    assert conso.disponible
    assert conso.consommes == {"cae_cofinances": 160, "cae_majores": 10, "cae_cg_seul": 0, "cie_cofinances": 8}
    assert conso.taux["cae_cofinances"] == D("26.7") and conso.taux["cae_cg_seul"] == 0
    assert [m.mois for m in conso.par_mois] == [date(2010, 1, 1), date(2010, 2, 1)]
    janvier, fevrier = conso.par_mois
    assert janvier.nombres["cae_cofinances"] == 100 and janvier.montant_cg == D("367000")
    assert fevrier.cumul_total == conso.montant_total == D("1212200")
    assert conso.niveau == "normal"


def test_alerte_a_90_pour_cent(caom_93, fournisseur):
    lignes, _ = fournisseur
    lignes.append(ligne(caom_93, 3, "cie_cofinances", 72))  # 72 / 80 = 90 %
    assert consommation([caom_93])[caom_93.pk].niveau == "alerte_90"


def test_depassement(caom_93, fournisseur):
    lignes, _ = fournisseur
    lignes.append(ligne(caom_93, 3, "cae_cg_seul", 21))  # 21 / 20
    conso = consommation([caom_93])[caom_93.pk]
    assert conso.niveau == "depasse" and conso.taux["cae_cg_seul"] == D("105.0")


def test_depassement_de_l_enveloppe():
    conso = agreger(
        1,
        {"cae_cofinances": 10},
        D("1000"),
        [LigneConsommation(1, date(2010, 1, 1), "cae_cofinances", 1, D("600"), D("500"))],
    )
    assert conso.taux_enveloppe == D("110.0") and conso.niveau == "depasse"


def test_consommation_sans_volume_prevu_est_un_depassement():
    conso = agreger(1, {}, None, [LigneConsommation(1, date(2010, 1, 1), "cie_cofinances", 1, D(0), D(0))])
    assert conso.niveau == "depasse" and conso.taux["cie_cofinances"] is None


def test_lignes_d_une_autre_caom_ignorees(caom_93, caom_59, fournisseur):
    lignes, _ = fournisseur
    lignes.append(ligne(caom_59, 1, "cae_cofinances", 5))
    resultat = consommation([caom_93, caom_59])
    assert resultat[caom_93.pk].consommes["cae_cofinances"] == 0
    assert resultat[caom_59.pk].consommes["cae_cofinances"] == 5


def test_hors_caom_compte_a_part(caom_93, fournisseur):
    _, hors = fournisseur
    hors[caom_93.departement_id] = 12
    hors[999999] = 4  # not asked: ignored
    assert hors_caom([caom_93.departement_id], 2010) == {caom_93.departement_id: 12}


def test_ligne_invalide():
    with pytest.raises(ValueError, match="inconnue"):
        LigneConsommation(1, date(2010, 1, 1), "cav", 1, D(0), D(0))
    with pytest.raises(ValueError, match="1er du mois"):
        LigneConsommation(1, date(2010, 1, 2), "cae_cofinances", 1, D(0), D(0))
