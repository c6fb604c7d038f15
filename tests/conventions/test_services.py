"""Services: conclusion (rules, number, aid with the arrêté's rate), avenants across the whole history,
immersion, suspension and rupture, history with its author."""

from datetime import date
from decimal import Decimal as D

import pytest

from conventions.models import MotifRupture, Nature
from conventions.regles.base import RegleConventionError
from conventions.regles.duree import date_fin_pour
from conventions.services import conclusion, evenements, parties
from droit.vocabulaire import Financement, StatutConvention, StatutJuridique

from .factories import ConventionFactory, EmployeurFactory, SalarieFactory, departement, public

pytestmark = pytest.mark.django_db
DEBUT = date(2010, 1, 4)


@pytest.fixture
def auteur(demo):
    return demo.comptes["prescripteur@demo.cui.fr"]


def test_conclure_calcule_l_aide_au_taux_de_l_arrete(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(), par=auteur)
    assert convention.statut == StatutConvention.CONCLUE
    assert convention.numero == "CAE-075-2009-000001"
    assert convention.taux == convention.taux_arrete == D("90.00")
    assert convention.arrete == arretes_2010["11"]
    assert convention.smic_horaire == D("8.86")  # SMIC on the start of the convention, 2010
    assert convention.aide_mensuelle == D("691.08")  # 90 % × 8.86 × 20 × 52/12
    assert convention.part_etat == convention.aide_mensuelle and convention.part_conseil_general == 0
    assert convention.duree_mois == D(6) and convention.engagement_etat == convention.aide_mensuelle * 6
    assert convention.referent_nom == convention.prescripteur.nom
    assert convention.tuteur_nom == "Mme Martin" and not convention.tuteur_est_employeur  # as typed, never filled
    assert convention.history.first().history_user == auteur


def test_numeros_sequentiels_par_contrat_departement_annee(arretes_2010, auteur):
    numeros = [conclusion.conclure(ConventionFactory(), par=auteur).numero for _ in range(3)]
    assert numeros == ["CAE-075-2009-000001", "CAE-075-2009-000002", "CAE-075-2009-000003"]
    assert conclusion.allouer_numero("CIE", departement("75"), 2010) == "CIE-075-2010-000001"
    assert conclusion.allouer_numero("CAE", departement("2A"), 2010) == "CAE-02A-2010-000001"


def test_cofinancement_rsa_etat_cg(arretes_2010, caom_2010_signees, auteur):
    employeur = EmployeurFactory(departement=departement("93"))
    salarie = SalarieFactory(beneficiaire_rsa=True)
    convention = ConventionFactory(
        employeur=employeur, salarie=salarie, public=public("beneficiaires-rsa"), financement=Financement.ETAT_CG
    )
    convention = conclusion.conclure(convention, par=auteur)
    assert convention.taux == D("95.00")
    assert convention.contribution_cg_max == D("404.88")  # 88 % of 460.09
    assert convention.part_conseil_general == D("404.88")
    assert convention.part_etat + convention.part_conseil_general == convention.aide_mensuelle


def test_majoration_par_le_conseil_general(arretes_2010, caom_2010_signees, auteur):
    convention = ConventionFactory(financement=Financement.ETAT_CG, salarie=SalarieFactory(beneficiaire_rsa=True))
    convention = conclusion.conclure(convention, par=auteur, taux_majore=D(95))
    assert convention.taux == D(95) and convention.taux_arrete == D("90.00")
    au_taux_arrete = D("691.08")
    surcout = convention.aide_mensuelle - au_taux_arrete
    assert convention.part_conseil_general == D("404.88") + surcout
    with pytest.raises(RegleConventionError, match="conseil général"):
        conclusion.conclure(ConventionFactory(), par=auteur, taux_majore=D(95))


def test_conclure_refuse_et_nomme_les_champs(arretes_2010, auteur):
    # 26 h taken in charge where the arrêté allows 20 h for this public; 5 months.
    convention = ConventionFactory(duree_hebdo_prise_en_charge=D(26), date_fin=date(2010, 6, 1))
    with pytest.raises(RegleConventionError) as exc:
        conclusion.conclure(convention, par=auteur)
    assert {v.champ for v in exc.value.violations} == {"duree_hebdo_prise_en_charge", "date_fin"}
    assert "20 heures" in str(exc.value)
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.BROUILLON and convention.numero is None


def test_prescription_anticipee_refusee_sans_arrete_publie(db, auteur):
    with pytest.raises(RegleConventionError, match="arrêté"):
        conclusion.conclure(ConventionFactory(), par=auteur)


def test_cie_chez_un_employeur_non_marchand_refuse(arretes_2010, auteur):
    with pytest.raises(RegleConventionError, match="pas un CIE"):
        conclusion.conclure(ConventionFactory(type_contrat="CIE"), par=auteur)


def test_bilan_pour_un_employeur_ayant_eu_des_contrats_aides(arretes_2010, auteur):
    """« A déjà employé des contrats aidés » is derived from the establishment's earlier concluded conventions (same
    SIRET), not typed: a second convention then needs the employer's bilan; the record keeps the fact as signed."""
    premiere = conclusion.conclure(ConventionFactory(), par=auteur)
    assert premiere.employeur.a_eu_contrats_aides is False
    fin = date(2010, 7, 31)
    convention = ConventionFactory(
        employeur=EmployeurFactory(etablissement=premiere.employeur.etablissement),
        date_conclusion=date(2010, 1, 20),
        date_embauche=date(2010, 2, 1),
        date_debut=date(2010, 2, 1),
        date_fin=fin,
        date_fin_contrat_travail=fin,
    )
    with pytest.raises(RegleConventionError, match="bilan"):
        conclusion.conclure(convention, par=auteur)
    convention.bilan_employeur_fourni = True
    convention.save()
    conclue = conclusion.conclure(convention, par=auteur)
    conclue.employeur.refresh_from_db()
    assert conclue.employeur.a_eu_contrats_aides is True


def test_cae_jeune_coche_la_rubrique_immersion(arretes_2010, auteur):
    convention = ConventionFactory(
        salarie=SalarieFactory(date_naissance=date(1990, 1, 1)),
        date_fin=date_fin_pour(DEBUT, 12),
        date_fin_contrat_travail=date_fin_pour(DEBUT, 12),
    )
    assert conclusion.conclure(convention, par=auteur).immersion


def test_enregistrer_brouillon_complete_les_valeurs_par_defaut(auteur):
    employeur = EmployeurFactory(statut_juridique=StatutJuridique.ACI, departement=departement("59"))
    salarie = SalarieFactory()
    convention = conclusion.enregistrer_brouillon(
        par=auteur,
        type_contrat="CAE",
        prescripteur=employeur.departement.organisations.first() or ConventionFactory.build().prescripteur,
        employeur=employeur,
        salarie=salarie,
    )
    assert convention.aci and convention.departement.code == "59" and convention.region.code_insee == "31"
    assert convention.statut == StatutConvention.BROUILLON
    assert convention.history.first().history_user == auteur


def test_renouvellements_jusqu_a_48_mois_pour_un_senior_au_rsa(arretes_2010, auteur):
    salarie = SalarieFactory(date_naissance=date(1955, 3, 1), beneficiaire_rsa=True)
    fin24 = date_fin_pour(DEBUT, 24)
    convention = conclusion.conclure(
        ConventionFactory(salarie=salarie, date_fin=fin24, type_contrat_travail="CDI", date_fin_contrat_travail=None),
        par=auteur,
    )
    with pytest.raises(RegleConventionError, match="bilan"):
        evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=date(2011, 12, 1),
            date_effet=fin24,
            par=auteur,
            date_fin=date_fin_pour(DEBUT, 36),
        )
    for n, mois in enumerate((36, 48), start=1):
        avenant = evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=date(2009 + mois // 12, 12, 1),
            date_effet=DEBUT,
            par=auteur,
            date_fin=date_fin_pour(DEBUT, mois),
            bilan_employeur_fourni=True,
        )
        assert avenant.numero == n
    convention.refresh_from_db()
    assert convention.date_fin == date_fin_pour(DEBUT, 48)
    assert convention.avenants.count() == 2


def test_renouvellement_au_dela_de_24_mois_refuse_sans_derogation(arretes_2010, auteur):
    fin24 = date_fin_pour(DEBUT, 24)
    convention = conclusion.conclure(
        ConventionFactory(date_fin=fin24, type_contrat_travail="CDI", date_fin_contrat_travail=None), par=auteur
    )
    with pytest.raises(RegleConventionError, match="24 mois"):
        evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=date(2011, 12, 1),
            date_effet=fin24,
            par=auteur,
            date_fin=date_fin_pour(DEBUT, 30),
            bilan_employeur_fourni=True,
        )


def test_renouvellement_d_un_cdd_demande_sa_prolongation(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(), par=auteur)
    with pytest.raises(RegleConventionError, match="CDD"):
        evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=date(2010, 6, 1),
            date_effet=date(2010, 7, 4),
            par=auteur,
            date_fin=date_fin_pour(DEBUT, 12),
            bilan_employeur_fourni=True,
        )
    evenements.ajouter_avenant(
        convention,
        type="renouvellement",
        date=date(2010, 6, 1),
        date_effet=date(2010, 7, 4),
        par=auteur,
        date_fin=date_fin_pour(DEBUT, 12),
        date_fin_contrat_travail=date_fin_pour(DEBUT, 12),
        bilan_employeur_fourni=True,
    )
    convention.refresh_from_db()
    mois = list(convention.echeancier.order_by("mois"))
    assert convention.duree_mois == D(12) and len(mois) == 13  # from a mid-month start to the day before
    assert mois[-1].mois.replace(day=mois[-1].jours_aides) == date_fin_pour(DEBUT, 12)
    assert convention.engagement_etat == sum(m.part_etat for m in mois)


def test_avenant_de_modification_recalcule_l_aide(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(duree_hebdo_travail=D(30)), par=auteur)
    avenant = evenements.ajouter_avenant(
        convention,
        type="modification",
        date=date(2010, 3, 1),
        date_effet=date(2010, 3, 1),
        par=auteur,
        duree_hebdo_prise_en_charge=D(15),
    )
    convention.refresh_from_db()
    assert convention.aide_mensuelle == avenant.aide_mensuelle == D("518.31")
    with pytest.raises(RegleConventionError):
        evenements.ajouter_avenant(
            convention,
            type="modification",
            date=date(2010, 3, 1),
            date_effet=date(2010, 3, 1),
            par=auteur,
            duree_hebdo_prise_en_charge=D(31),
        )


def test_avenant_de_modification_respecte_le_plafond_d_heures_de_l_arrete(arretes_2010, auteur):
    # The arrêté takes at most 20 h in charge for this public: concluded at 20 h, an avenant to 26 h is refused
    # with the message given at conclusion, and the aid stays as it was.
    avec_26 = ConventionFactory(duree_hebdo_travail=D(30), duree_hebdo_prise_en_charge=D(26))
    with pytest.raises(RegleConventionError) as a_la_conclusion:
        conclusion.conclure(avec_26, par=auteur)
    convention = conclusion.conclure(ConventionFactory(duree_hebdo_travail=D(30)), par=auteur)
    aide = convention.aide_mensuelle
    with pytest.raises(RegleConventionError) as a_l_avenant:
        evenements.ajouter_avenant(
            convention,
            type="modification",
            date=date(2010, 3, 1),
            date_effet=date(2010, 3, 1),
            par=auteur,
            duree_hebdo_prise_en_charge=D(26),
        )
    assert a_l_avenant.value.violations == a_la_conclusion.value.violations
    assert "20 heures" in str(a_l_avenant.value)
    convention.refresh_from_db()
    assert convention.aide_mensuelle == aide and convention.duree_hebdo_prise_en_charge == D(20)


def test_periodes_d_immersion(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(), par=auteur)  # 6 months: 45 days of immersion at most
    evenements.ajouter_periode_immersion(
        convention, employeur_accueil="Boulangerie", date_debut=date(2010, 2, 1), date_fin=date(2010, 2, 28), par=auteur
    )
    with pytest.raises(RegleConventionError, match="25\u00a0%"):
        evenements.ajouter_periode_immersion(
            convention, employeur_accueil="Garage", date_debut=date(2010, 4, 1), date_fin=date(2010, 4, 30), par=auteur
        )
    avenant = evenements.ajouter_avenant(
        convention,
        type="immersion",
        date=date(2010, 3, 20),
        date_effet=date(2010, 4, 1),
        par=auteur,
        immersion={"employeur_accueil": "Garage", "date_debut": date(2010, 4, 1), "date_fin": date(2010, 4, 10)},
    )
    assert avenant.numero == 1
    convention.refresh_from_db()
    assert convention.immersion and convention.periodes_immersion.count() == 2
    cie = conclusion.conclure(
        ConventionFactory(type_contrat="CIE", employeur=EmployeurFactory(statut_juridique="entreprise")), par=auteur
    )
    with pytest.raises(RegleConventionError, match="CAE"):
        evenements.ajouter_periode_immersion(
            cie, employeur_accueil="X", date_debut=date(2010, 2, 1), date_fin=date(2010, 2, 5), par=auteur
        )


def test_suspension_puis_rupture_declaree_tardivement(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(), par=auteur)
    convention = evenements.declarer_suspension(
        convention, date_suspension=date(2010, 2, 1), motif="maladie", date_declaration=date(2010, 2, 5), par=auteur
    )
    assert convention.statut == StatutConvention.SUSPENDUE and not convention.declaration_tardive
    with pytest.raises(RegleConventionError, match="la reprise a lieu après"):
        evenements.lever_suspension(convention, date_reprise=date(2010, 2, 1), par=auteur)
    convention = evenements.lever_suspension(convention, date_reprise=date(2010, 2, 11), par=auteur)
    suspension = convention.suspensions.get()
    assert (suspension.date_debut, suspension.date_fin) == (date(2010, 2, 1), date(2010, 2, 10))
    fevrier = convention.echeancier.get(mois=date(2010, 2, 1))
    assert fevrier.jours_aides == 18 and fevrier.jours_du_mois == 28  # ten days of suspension without pay
    convention = evenements.declarer_rupture(
        convention,
        date_rupture=date(2010, 3, 1),
        motif=MotifRupture.HORS_CAS_LEGAUX,
        date_declaration=date(2010, 3, 15),
        par=auteur,
    )
    assert convention.statut == StatutConvention.ROMPUE and convention.declaration_tardive
    assert convention.aide_a_rembourser
    mois = list(convention.echeancier.order_by("mois"))
    assert mois[-1].mois == date(2010, 3, 1) and mois[-1].jours_aides == 1  # no aid after the rupture
    assert all(m.a_rembourser == m.aide for m in mois) and sum(m.a_rembourser for m in mois) > 0
    with pytest.raises(RegleConventionError):
        evenements.declarer_suspension(convention, date_suspension=date(2010, 4, 1), motif="maladie", par=auteur)
    raisons = list(convention.history.values_list("history_change_reason", flat=True))
    assert "Rupture déclarée (tardive)" in raisons
    assert all(h.history_user == auteur for h in convention.history.exclude(history_change_reason=None))


def test_mettre_a_jour_statuts(arretes_2010, auteur):
    convention = conclusion.conclure(ConventionFactory(), par=auteur)
    assert evenements.mettre_a_jour_statuts(date(2010, 1, 4)) == 1
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.EN_COURS
    evenements.mettre_a_jour_statuts(date(2010, 7, 4))
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.TERMINEE


def test_transition_pcs_nouvelle_convention_dans_le_plafond_de_l_ancien_contrat(arretes_2010, auteur):
    ancienne = ConventionFactory(
        type_contrat="CAV",
        statut="brouillon",
        date_conclusion=date(2008, 1, 2),
        date_embauche=date(2008, 1, 3),
        date_debut=date(2008, 1, 3),
        date_fin=date(2010, 1, 2),
        date_fin_contrat_travail=date(2010, 1, 2),
    )
    nouvelle = ConventionFactory(
        nature=Nature.TRANSITION_PCS,
        convention_precedente=ancienne,
        mois_deja_effectues=24,
        salarie=ancienne.salarie,
        bilan_employeur_fourni=True,
        date_fin=date_fin_pour(DEBUT, 13),
        date_fin_contrat_travail=date_fin_pour(DEBUT, 13),
    )
    with pytest.raises(RegleConventionError, match="12 mois"):
        conclusion.conclure(nouvelle, par=auteur)
    nouvelle.date_fin = nouvelle.date_fin_contrat_travail = date_fin_pour(DEBUT, 12)
    nouvelle.save()
    assert conclusion.conclure(nouvelle, par=auteur).numero


def test_un_siret_connu_garde_l_identite_de_sa_premiere_saisie_et_chaque_convention_son_employeur(auteur):
    premier = parties.nouvel_employeur(
        "732 829 320 00074",
        par=auteur,
        raison_sociale="Asso",
        statut_juridique="association",
        departement=departement("75"),
        contact_nom="Mme Paris",
    )
    autre = parties.nouvel_employeur(
        "73282932000074",
        par=auteur,
        raison_sociale="Asso renommée",
        statut_juridique="association",
        departement=departement("75"),
        contact_nom="M. Lille",
    )
    assert autre.pk != premier.pk and autre.etablissement_id == premier.etablissement_id
    premier.refresh_from_db()
    assert (premier.raison_sociale, premier.contact_nom) == ("Asso", "Mme Paris")
    assert premier.etablissement.raison_sociale == "Asso"  # the public identity of the first entry, unchanged
    assert premier.secteur == "non_marchand"


def test_periodes_d_un_brouillon_remplacees_tout_ou_rien(demo):
    from tests.conventions import factories

    factories.arretes_2010(demo)
    brouillon = factories.convention(demo, conclure=False)
    auteur = demo.comptes["prescripteur@demo.cui.fr"]
    evenements.remplacer_periodes_brouillon(
        brouillon,
        [{"employeur_accueil": "Boulangerie", "date_debut": date(2010, 3, 1), "date_fin": date(2010, 3, 31)}],
        par=auteur,
    )
    with pytest.raises(RegleConventionError):  # 5 weeks: refused, and the first period stays
        evenements.remplacer_periodes_brouillon(
            brouillon,
            [{"employeur_accueil": "Garage", "date_debut": date(2010, 3, 1), "date_fin": date(2010, 4, 4)}],
            par=auteur,
        )
    assert list(brouillon.periodes_immersion.values_list("employeur_accueil", flat=True)) == ["Boulangerie"]
