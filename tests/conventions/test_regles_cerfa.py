"""The rubrics of the Cerfa n° 13998*01 the law asks at the conclusion (``conventions.regles.cerfa``), at their
boundaries: at least one training action for a CAE (L. 5134-22), the wage against the SMIC (L. 3231-2), the longest
trial period, the CIE's exclusions (L. 5134-68, six months), the boxes required only at the conclusion."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from conventions.regles.cerfa import (
    ATTESTATIONS,
    Rubriques,
    attestations,
    attestations_sans_objet,
    duree_max_essai_jours,
    mois_d_inscription,
    tranche_d_inscription,
    verifier_cerfa,
)
from conventions.regles.convention import BROUILLON_ENREGISTRE, CONCLUSION, Contexte, DonneesConvention
from conventions.regles.convention import verifier_convention as verifier
from droit.nombres import LICENCIEMENT_ECONOMIQUE_MOIS

EMBAUCHE = date(2010, 1, 4)
FIN_6_MOIS = date(2010, 7, 3)
SMIC_2010 = D("8.86")

COMPLETES = Rubriques(
    emploi_intitule="Agent d'entretien des espaces verts",
    code_rome="A1203",
    salaire_horaire_brut=SMIC_2010,
    smic_horaire=SMIC_2010,
    lieu_travail="Paris",
    periode_essai_jours=14,
    types_accompagnement=("prise_de_poste",),
    types_formation=("adaptation",),
    resultat_formation="attestation",
    declaration_cotisations_a_jour=True,
    declaration_sans_licenciement_economique=True,
    declaration_sans_remplacement=True,
    inscrit_pole_emploi=True,
    inscrit_depuis=date(2009, 6, 1),
    identifiant_pole_emploi="1234567A",
    numero_urssaf_msa="750123456789",
    assurance_chomage="unedic",
)


def champs(violations) -> set[str]:
    return {v.champ for v in violations}


def cerfa(r: Rubriques, contrat="CAE", *, complete=True, contrat_travail="CDD", fin=FIN_6_MOIS):
    return verifier_cerfa(r, contrat, contrat_travail, EMBAUCHE, fin, complete=complete)


def test_un_cerfa_complet_passe_pour_le_cae_et_le_cie():
    assert cerfa(COMPLETES) == []
    assert cerfa(COMPLETES, "CIE") == []


def test_un_cae_prevoit_au_moins_une_action_de_formation_l_5134_22():
    sans = replace(COMPLETES, types_formation=(), resultat_formation="")
    (v,) = cerfa(sans)
    assert v.champ == "types_formation" and "L. 5134-22" in v.message and "au moins une action" in v.message
    assert cerfa(replace(sans, types_formation=("vae",), resultat_formation="certification")) == []
    # optional for a CIE; an accompaniment alone does not make a CAE's training action
    assert cerfa(sans, "CIE") == []
    # a draft may wait
    assert cerfa(sans, complete=False) == []
    # the old contracts ran on their own forms
    assert cerfa(sans, "CAE_PCS") == []


def test_autre_se_precise_et_le_resultat_attendu_se_dit():
    autre = replace(COMPLETES, types_formation=("autre",), types_accompagnement=("autre",))
    assert champs(cerfa(autre, complete=False)) == {"actions_formation", "actions_accompagnement"}
    precise = replace(autre, precisions_formation="Permis CACES", precisions_accompagnement="Atelier CV")
    assert cerfa(precise) == []
    (v,) = cerfa(replace(COMPLETES, resultat_formation=""))
    assert v.champ == "resultat_formation" and "attestation de compétences" in v.message
    (v,) = cerfa(replace(COMPLETES, types_formation=("inconnue",)), complete=False)
    assert v.champ == "types_formation"


def test_le_salaire_horaire_brut_au_moins_le_smic_de_l_embauche():
    assert cerfa(replace(COMPLETES, salaire_horaire_brut=SMIC_2010)) == []
    (v,) = cerfa(replace(COMPLETES, salaire_horaire_brut=D("8.85")), complete=False)
    assert v.champ == "salaire_horaire_brut"
    assert "8,85\u00a0€" in v.message and "8,86\u00a0€" in v.message and "L. 3231-2" in v.message
    # the SMIC unknown (not loaded): nothing to compare with
    assert cerfa(replace(COMPLETES, salaire_horaire_brut=D("1"), smic_horaire=None)) == []


def test_le_code_rome_une_lettre_et_quatre_chiffres():
    for bon in ("A1203", "K2304", "N1103"):
        assert cerfa(replace(COMPLETES, code_rome=bon)) == []
    for mauvais in ("A120", "Z1203", "a1203", "A12034", "12034"):
        (v,) = cerfa(replace(COMPLETES, code_rome=mauvais), complete=False)
        assert v.champ == "code_rome" and "K1302" in v.message, mauvais


def test_la_periode_d_essai_dans_la_limite_du_contrat():
    # A CDD of six months: one day a week, within two weeks (L. 1242-10): 14 days
    assert duree_max_essai_jours("CDD", EMBAUCHE, FIN_6_MOIS) == 14
    assert cerfa(replace(COMPLETES, periode_essai_jours=14)) == []
    (v,) = cerfa(replace(COMPLETES, periode_essai_jours=15))
    assert v.champ == "periode_essai_jours" and "14 jours" in v.message and "17/01/2010" in v.message
    assert "L. 1242-10" in v.message
    # A CDI: four months at most (L. 1221-19), 4 January – 3 May 2010 = 120 days
    assert duree_max_essai_jours("CDI", EMBAUCHE, None) == 120
    assert cerfa(replace(COMPLETES, periode_essai_jours=120), contrat_travail="CDI", fin=None) == []
    (v,) = cerfa(replace(COMPLETES, periode_essai_jours=121), contrat_travail="CDI", fin=None)
    assert "L. 1221-19" in v.message
    # none is a box left empty
    assert cerfa(replace(COMPLETES, periode_essai_jours=None)) == []


def test_les_cases_requises_a_la_conclusion_seulement():
    vide = Rubriques(inscrit_pole_emploi=True, aci=True)
    attendus = {
        "emploi_intitule",
        "code_rome",
        "lieu_travail",
        "salaire_horaire_brut",
        "types_formation",
        "identifiant_pole_emploi",
        "inscrit_depuis",
        "numero_urssaf_msa",
        "assurance_chomage",
        "numero_annexe_financiere",
        "declaration_cotisations_a_jour",
        "declaration_sans_licenciement_economique",
        "declaration_sans_remplacement",
    }
    assert champs(cerfa(vide, "CIE")) == attendus - {"types_formation"}
    assert champs(cerfa(vide, "CAE")) == attendus - {
        "declaration_sans_licenciement_economique",
        "declaration_sans_remplacement",
    }
    assert cerfa(vide, "CIE", complete=False) == []
    # not registered: neither identifier nor date asked
    assert "identifiant_pole_emploi" not in champs(cerfa(replace(vide, inscrit_pole_emploi=False)))
    # an ACI's annexe financière, only for an ACI
    assert "numero_annexe_financiere" not in champs(cerfa(replace(vide, aci=False)))


def test_les_exclusions_du_cie_l_5134_68():
    licenciement = {
        v.champ: v.message for v in cerfa(replace(COMPLETES, declaration_sans_licenciement_economique=False), "CIE")
    }
    message = licenciement["declaration_sans_licenciement_economique"]
    assert f"{LICENCIEMENT_ECONOMIQUE_MOIS} mois" in message and "L. 5134-68" in message
    (v,) = cerfa(replace(COMPLETES, declaration_sans_remplacement=False), "CIE")
    assert "faute grave ou lourde" in v.message and "L. 5134-68" in v.message
    # not asked of a CAE; the contributions of both
    assert cerfa(replace(COMPLETES, declaration_sans_remplacement=False), "CAE") == []
    (v,) = cerfa(replace(COMPLETES, declaration_cotisations_a_jour=False), "CAE")
    assert v.champ == "declaration_cotisations_a_jour"


def test_les_attestations_de_chaque_contrat_avec_leur_source():
    """Which statements apply to which contract is decided here once: a CAE signs its contributions only, a CIE
    also the two exclusions of L. 5134-68; the old contracts have none of the CUI's Cerfa."""
    cae = [a.champ for a in attestations("CAE")]
    cie = {a.champ: a.source for a in attestations("CIE")}
    assert cae == ["declaration_cotisations_a_jour"]
    assert cie == {
        "declaration_cotisations_a_jour": "Cerfa n° 13998*01",
        "declaration_sans_licenciement_economique": "L. 5134-68 du code du travail",
        "declaration_sans_remplacement": "L. 5134-68 du code du travail",
    }
    assert [a.champ for a in attestations_sans_objet("CAE")] == [
        "declaration_sans_licenciement_economique",
        "declaration_sans_remplacement",
    ]
    assert attestations_sans_objet("CIE") == () and attestations("CAV") == attestations_sans_objet("CAV") == ()
    (licenciement,) = [a for a in ATTESTATIONS if a.champ == "declaration_sans_licenciement_economique"]
    assert f"dans les {LICENCIEMENT_ECONOMIQUE_MOIS} mois précédant l'embauche" in licenciement.libelle
    # the conclusion asks exactly the statements of the contract, none other
    rien = replace(COMPLETES, **dict.fromkeys((a.champ for a in ATTESTATIONS), False))
    for contrat in ("CAE", "CIE"):
        assert champs(cerfa(rien, contrat)) == {a.champ for a in attestations(contrat)}


def test_aucun_gabarit_des_conventions_ne_decide_du_contrat():
    """The contract's statements (and any other rule on the contract) are read from the rules, never decided in a
    template by comparing the type of contract."""
    from pathlib import Path

    import conventions

    gabarits = Path(conventions.__file__).parent / "templates"
    fautifs = [
        f"{chemin.relative_to(gabarits)}:{n}"
        for chemin in gabarits.rglob("*.html")
        for n, ligne in enumerate(chemin.read_text().splitlines(), start=1)
        if "type_contrat ==" in ligne or "type_contrat !=" in ligne
    ]
    assert fautifs == []


def test_l_inscription_precede_l_embauche_et_sa_tranche():
    (v,) = cerfa(replace(COMPLETES, inscrit_depuis=EMBAUCHE), complete=False)
    assert v.champ == "inscrit_depuis" and "04/01/2010" in v.message
    assert cerfa(replace(COMPLETES, inscrit_depuis=date(2010, 1, 3))) == []
    # whole months on the day before the hire: 4 July 2009 → 6 months; 5 July 2009 → 5
    assert mois_d_inscription(date(2009, 7, 4), EMBAUCHE) == 6
    assert mois_d_inscription(date(2009, 7, 5), EMBAUCHE) == 5
    assert [tranche_d_inscription(m) for m in (0, 5, 6, 11, 12, 23, 24, 60)] == [
        "moins de 6 mois",
        "moins de 6 mois",
        "de 6 à 11 mois",
        "de 6 à 11 mois",
        "de 12 à 23 mois",
        "de 12 à 23 mois",
        "24 mois et plus",
        "24 mois et plus",
    ]


def test_verifier_convention_applique_les_rubriques_a_la_saisie_et_a_la_conclusion():
    d = DonneesConvention(
        type_contrat="CAE",
        date_embauche=EMBAUCHE,
        date_fin_contrat_travail=FIN_6_MOIS,
        rubriques=replace(COMPLETES, types_formation=(), resultat_formation="", code_rome="X"),
    )
    brouillon = champs(verifier(d, Contexte(ecriture=BROUILLON_ENREGISTRE)))
    assert "code_rome" in brouillon and "types_formation" not in brouillon
    conclusion = champs(verifier(d, Contexte(ecriture=CONCLUSION)))
    assert {"code_rome", "types_formation"} <= conclusion
    # an event never refuses a legal declaration for the values signed before
    assert not {"code_rome", "types_formation"} & champs(verifier(d, Contexte(ecriture="evenement")))


def test_contrats_aides_anterieurs_demandent_le_bilan_a_la_conclusion():
    """Derived from the employer's earlier conventions: a draft is saved meanwhile, the conclusion asks the bilan
    (circular 2009-42, annexe 1, question 4)."""
    d = DonneesConvention(type_contrat="CAE", employeur_a_eu_contrats_aides=True)
    assert "bilan_employeur_fourni" not in champs(verifier(d, Contexte(ecriture=BROUILLON_ENREGISTRE)))
    (v,) = [v for v in verifier(d, Contexte(ecriture=CONCLUSION)) if v.champ == "bilan_employeur_fourni"]
    assert "ayant déjà bénéficié de contrats aidés" in v.message and "2009-42" in v.message
    fourni = replace(d, bilan_employeur_fourni=True)
    assert "bilan_employeur_fourni" not in champs(verifier(fourni, Contexte(ecriture=CONCLUSION)))
