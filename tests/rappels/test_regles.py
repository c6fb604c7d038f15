"""The date logic of every reminder, at its edges (pure functions, plain dates)."""

from datetime import date, timedelta

import pytest

from rappels import regles

J = timedelta(days=1)


def niveaux(occurrences, jour):
    return sorted((o.niveau, o.public) for o in regles.dues(occurrences, jour))


class TestBilanEtape:
    echeance = date(2010, 3, 15)

    def test_j_moins_3_a_j_moins_1(self):
        occ = regles.bilan_etape(self.echeance, soumis=False)
        assert niveaux(occ, self.echeance - 4 * J) == []
        assert niveaux(occ, self.echeance - 3 * J) == [("j-3", "correspondants")]
        assert niveaux(occ, self.echeance - J) == [("j-3", "correspondants")]

    def test_jour_j_puis_retard_au_mip(self):
        occ = regles.bilan_etape(self.echeance, soumis=False)
        assert niveaux(occ, self.echeance) == [("jour_j", "correspondants")]
        assert ("retard", "mip") in niveaux(occ, self.echeance + J)
        assert ("retard", "mip") not in niveaux(occ, self.echeance)

    def test_rattrapage_borne(self):
        occ = regles.bilan_etape(self.echeance, soumis=False, rattrapage=7)
        assert ("retard", "mip") in niveaux(occ, self.echeance + 8 * J)
        assert niveaux(occ, self.echeance + 9 * J) == []

    def test_soumis_rien(self):
        assert regles.bilan_etape(self.echeance, soumis=True) == []

    def test_jours_avant_configurable(self):
        occ = regles.bilan_etape(self.echeance, soumis=False, jours_avant=5)
        assert niveaux(occ, self.echeance - 5 * J) == [("j-5", "correspondants")]
        assert niveaux(regles.bilan_etape(self.echeance, False, jours_avant=0), self.echeance - J) == []


class TestArrete:
    def test_rien_avant_le_1er_novembre(self):
        assert niveaux(regles.arrete_annuel(2011, publie=False), date(2010, 10, 31)) == []

    def test_1er_novembre_aux_gestionnaires(self):
        assert niveaux(regles.arrete_annuel(2011, False), date(2010, 11, 1)) == [("1er_novembre", "gestionnaires")]

    def test_une_semaine_avant_la_fin_de_novembre(self):
        assert ("j-7", "gestionnaires") not in niveaux(regles.arrete_annuel(2011, False), date(2010, 11, 22))
        assert ("j-7", "gestionnaires") in niveaux(regles.arrete_annuel(2011, False), date(2010, 11, 23))
        assert ("j-7", "gestionnaires") in niveaux(regles.arrete_annuel(2011, False), date(2010, 11, 30))

    def test_escalade_apres_le_30_novembre(self):
        assert niveaux(regles.arrete_annuel(2011, False), date(2010, 12, 1)) == [
            ("retard", "gestionnaires"),
            ("retard", "mip"),
            ("retard", "national"),
        ]
        assert niveaux(regles.arrete_annuel(2011, False), date(2010, 12, 31)) != []
        assert niveaux(regles.arrete_annuel(2011, False), date(2011, 1, 1)) == []

    def test_publie_rien(self):
        assert regles.arrete_annuel(2011, publie=True) == []

    def test_annee_cible(self):
        assert regles.annee_cible_arrete(date(2010, 11, 1)) == 2011


class TestCaom:
    def test_negociation_avant_le_30_novembre(self):
        occ = regles.caom_negociation(2011, etat_renseigne=False)
        assert niveaux(occ, date(2010, 11, 22)) == []
        assert niveaux(occ, date(2010, 11, 23)) == [("j-7", "gestionnaires")]
        assert niveaux(occ, date(2010, 11, 30)) == [("j-7", "gestionnaires")]
        assert niveaux(occ, date(2010, 12, 1)) == []
        assert regles.caom_negociation(2011, etat_renseigne=True) == []

    def test_signature_en_decembre(self):
        occ = regles.caom_signature(2011, signee=False)
        assert niveaux(occ, date(2010, 11, 30)) == []
        assert niveaux(occ, date(2010, 12, 1)) == [("decembre", "conseil_general"), ("decembre", "gestionnaires")]
        assert ("j-7", "gestionnaires") in niveaux(occ, date(2010, 12, 24))
        assert ("j-7", "gestionnaires") not in niveaux(occ, date(2010, 12, 23))
        assert niveaux(occ, date(2011, 1, 1)) == []
        assert regles.caom_signature(2011, signee=True) == []


class TestPaiementOperateur:
    dossier = date(2010, 4, 1)

    def test_alerte_au_20e_jour(self):
        occ = regles.paiement_operateur(self.dossier, paye=False)
        assert niveaux(occ, self.dossier + 19 * J) == []
        assert niveaux(occ, self.dossier + 20 * J) == [("j+20", "gestionnaires")]
        assert niveaux(occ, self.dossier + 25 * J) == [("j+20", "gestionnaires")]

    def test_retard_apres_25_jours(self):
        occ = regles.paiement_operateur(self.dossier, paye=False)
        assert niveaux(occ, self.dossier + 26 * J) == [("retard", "gestionnaires")]

    def test_paye_ou_dossier_incomplet(self):
        assert regles.paiement_operateur(self.dossier, paye=True) == []
        assert regles.paiement_operateur(None, paye=False) == []


class TestConventions:
    fin = date(2010, 12, 31)

    def test_attestation_un_mois_avant_la_fin(self):
        occ = regles.attestation_experience(self.fin, en_cours=True)
        limite = date(2010, 11, 30)
        assert occ[0].echeance == limite
        assert niveaux(occ, limite - 16 * J) == []
        assert niveaux(occ, limite - 15 * J) == [("m-1", "employeur")]
        assert niveaux(occ, limite) == [("m-1", "employeur")]
        assert niveaux(occ, limite + J) == []
        assert regles.attestation_experience(self.fin, en_cours=False) == []

    def test_bilan_de_renouvellement_deux_mois_avant(self):
        occ = regles.bilan_renouvellement(self.fin, en_cours=True)
        assert niveaux(occ, date(2010, 10, 30)) == []
        assert niveaux(occ, date(2010, 10, 31)) == [("m-2", "prescripteur")]
        assert niveaux(occ, date(2010, 11, 7)) == [("m-2", "prescripteur")]
        assert niveaux(occ, date(2010, 11, 8)) == []

    def test_declaration_tardive_au_dela_de_7_jours(self):
        evenement = date(2010, 5, 3)
        assert regles.declaration_tardive(evenement, evenement + 7 * J) == []
        occ = regles.declaration_tardive(evenement, evenement + 8 * J)
        assert niveaux(occ, evenement + 8 * J) == [("tardive", "prescripteur")]
        assert niveaux(occ, evenement + 7 * J) == []


@pytest.mark.parametrize(
    ("depart", "mois", "attendu"),
    [
        (date(2010, 3, 31), -1, date(2010, 2, 28)),
        (date(2012, 3, 31), -1, date(2012, 2, 29)),
        (date(2010, 1, 15), -2, date(2009, 11, 15)),
        (date(2010, 12, 31), 2, date(2011, 2, 28)),
    ],
)
def test_ajouter_mois(depart, mois, attendu):
    assert regles.ajouter_mois(depart, mois) == attendu
