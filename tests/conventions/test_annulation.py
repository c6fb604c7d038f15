"""Correct and undo: a draft deleted with its dependants, a concluded convention annulled (reason required, kept in
the history, counted in no figure, its number never given again), who may do it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conventions.models import Convention, Employeur, MoisAide, PeriodeImmersion, Salarie
from conventions.regles.base import RegleConventionError
from conventions.regles.statuts import verifier_annulation
from conventions.selectors import lignes_consommation_caom
from conventions.services import annulation, conclusion, evenements
from cui_portal.permissions import Perimetre, peut_annuler_convention, peut_supprimer_brouillon
from droit.vocabulaire import Financement, Role, StatutConvention
from paiements.budgets import budgets_par_region, entrees_par_region
from tableau_de_bord.services_indicateurs import calculer_agregats

from . import factories
from .factories import ConventionFactory, EmployeurFactory, SalarieFactory

pytestmark = pytest.mark.django_db
MOTIF = "Convention saisie deux fois pour la même embauche."


@pytest.fixture(autouse=True)
def _arretes(arretes_2010):
    return arretes_2010


@pytest.fixture
def auteur(demo):
    return demo.comptes["prescripteur@demo.cui.fr"]


def test_regle_annulation_motif_requis_et_statut():
    assert verifier_annulation(StatutConvention.EN_COURS, MOTIF) == []
    champs = [v.champ for v in verifier_annulation(StatutConvention.EN_COURS, "erreur")]
    assert champs == ["motif"]
    assert "10 caractères" in verifier_annulation(StatutConvention.CONCLUE, "")[0].message
    assert [v.champ for v in verifier_annulation(StatutConvention.BROUILLON, MOTIF)] == ["statut"]
    assert "déjà annulée" in verifier_annulation(StatutConvention.ANNULEE, MOTIF)[0].message


def test_supprimer_un_brouillon_avec_ses_dependants_et_l_historique(demo, auteur):
    brouillon = factories.convention(demo, conclure=False)
    evenements.ajouter_periode_immersion(
        brouillon,
        employeur_accueil="Mairie",
        date_debut=date(2010, 2, 1),
        date_fin=date(2010, 2, 14),
        par=auteur,
    )
    employeur_id, salarie_id, pk = brouillon.employeur_id, brouillon.salarie_id, brouillon.pk
    annulation.supprimer_brouillon(brouillon, par=auteur)
    assert not Convention.objects.filter(pk=pk).exists()
    assert not PeriodeImmersion.objects.filter(convention_id=pk).exists()
    assert not Employeur.objects.filter(pk=employeur_id).exists()
    assert not Salarie.objects.filter(pk=salarie_id).exists()
    suppression = Convention.history.filter(id=pk, history_type="-").get()
    assert suppression.history_user == auteur
    assert suppression.history_change_reason == "Brouillon supprimé"


def test_une_convention_conclue_ne_se_supprime_pas(demo, auteur):
    c = factories.convention(demo)
    with pytest.raises(RegleConventionError) as exc:
        annulation.supprimer_brouillon(c, par=auteur)
    assert "annulée" in exc.value.violations[0].message
    assert Convention.objects.filter(pk=c.pk).exists()


def test_annuler_garde_le_motif_dans_l_historique_et_le_numero(demo, auteur):
    c = factories.convention(demo)
    numero = c.numero
    assert MoisAide.objects.filter(convention=c).exists()
    annulation.annuler_convention(c, motif=f"  {MOTIF} ", par=auteur)
    c.refresh_from_db()
    assert (c.statut, c.statut_actuel, c.numero) == (StatutConvention.ANNULEE, StatutConvention.ANNULEE, numero)
    assert (c.date_annulation, c.motif_annulation) == (date(2010, 11, 30), MOTIF)
    derniere = c.history.order_by("-history_date").first()
    assert (derniere.history_user, derniere.history_change_reason) == (auteur, "Convention annulée")
    assert not MoisAide.objects.filter(convention=c).exists()
    assert Convention.objects.filter(pk=c.pk).avec_statut_du_jour().get().statut_du_jour == StatutConvention.ANNULEE
    # The next convention of the same series gets the next number, never the annulled one's.
    suivante = factories.convention(demo)
    assert suivante.numero != numero
    assert not Convention.objects.exclude(pk=c.pk).filter(numero=numero).exists()


def test_annuler_refuse_sans_motif_et_deux_fois(demo, auteur):
    c = factories.convention(demo)
    with pytest.raises(RegleConventionError) as exc:
        annulation.annuler_convention(c, motif="oups", par=auteur)
    assert exc.value.violations[0].champ == "motif"
    annulation.annuler_convention(c, motif=MOTIF, par=auteur)
    with pytest.raises(RegleConventionError):
        annulation.annuler_convention(c, motif=MOTIF, par=auteur)


def test_une_convention_annulee_ne_compte_dans_aucun_chiffre(demo, auteur, caom_2010_signees):
    gardee = factories.convention(demo)
    annulee = factories.convention(demo)
    region = gardee.region_id
    avant_entrees = entrees_par_region(2010, [region])[region].de("CAE")
    avant_budget = budgets_par_region(2010, date(2010, 11, 30), [region])[region]
    avant_agregats = sum(v["entrees"] for v in calculer_agregats().values())

    annulation.annuler_convention(annulee, motif=MOTIF, par=auteur)

    assert entrees_par_region(2010, [region])[region].de("CAE") == avant_entrees - 1
    apres_budget = budgets_par_region(2010, date(2010, 11, 30), [region])[region]
    assert apres_budget != avant_budget
    assert sum(v["entrees"] for v in calculer_agregats().values()) == avant_agregats - 1
    # Nor in the consumption of a CAOM.
    caom = caom_2010_signees["93"]
    cofinancee = conclusion.conclure(
        ConventionFactory(
            employeur=EmployeurFactory(departement=factories.departement("93")),
            salarie=SalarieFactory(beneficiaire_rsa=True),
            public=factories.public("beneficiaires-rsa"),
            financement=Financement.ETAT_CG,
        ),
        par=auteur,
    )
    assert cofinancee.caom_id == caom.pk
    avant = sum(ligne.nombre for ligne in lignes_consommation_caom([caom.pk]))
    annulation.annuler_convention(cofinancee, motif=MOTIF, par=auteur)
    assert sum(ligne.nombre for ligne in lignes_consommation_caom([caom.pk])) == avant - 1


def test_une_convention_annulee_ne_recoit_plus_d_evenement(demo, auteur):
    c = factories.convention(demo)
    annulation.annuler_convention(c, motif=MOTIF, par=auteur)
    with pytest.raises(RegleConventionError):
        evenements.declarer_rupture(c, date_rupture=date(2010, 11, 29), motif="embauche_cdi", par=auteur)


def _perimetre(role, organisation=None, region=None):
    return Perimetre(role=role, organisation_id=organisation, region_id=region)


def test_qui_peut_annuler(demo):
    c = factories.convention(demo)  # concluded on 15/12/2009, long before the demonstration's day
    proprietaire = _perimetre(Role.PRESCRIPTEUR, c.prescripteur_id, c.region_id)
    assert not peut_annuler_convention(proprietaire, c)  # after its 7 days
    assert peut_annuler_convention(_perimetre(Role.GESTIONNAIRE_REGIONAL, region=c.region_id), c)
    assert not peut_annuler_convention(_perimetre(Role.GESTIONNAIRE_REGIONAL, region=c.region_id + 1000), c)
    assert not peut_annuler_convention(_perimetre(Role.CORRESPONDANT_REGIONAL, region=c.region_id), c)
    assert not peut_annuler_convention(_perimetre(Role.NATIONAL), c)
    assert peut_annuler_convention(_perimetre(Role.ADMINISTRATEUR), c)
    with time_machine.travel(datetime(2009, 12, 22, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))):
        assert peut_annuler_convention(proprietaire, c)  # 7 days after its conclusion
        autre = _perimetre(Role.PRESCRIPTEUR, c.prescripteur_id + 1000, c.region_id)
        assert not peut_annuler_convention(autre, c)
    with time_machine.travel(datetime(2009, 12, 23, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))):
        assert not peut_annuler_convention(proprietaire, c)


def test_qui_peut_supprimer_un_brouillon(demo):
    brouillon = factories.convention(demo, conclure=False)
    proprietaire = _perimetre(Role.PRESCRIPTEUR, brouillon.prescripteur_id)
    assert peut_supprimer_brouillon(proprietaire, brouillon)
    assert not peut_annuler_convention(proprietaire, brouillon)
    assert not peut_supprimer_brouillon(_perimetre(Role.GESTIONNAIRE_REGIONAL, region=brouillon.region_id), brouillon)
    conclue = conclusion.conclure(brouillon, par=None)
    assert not peut_supprimer_brouillon(proprietaire, conclue)


def test_regle_correction_d_une_declaration_dans_ses_7_jours():
    from conventions.regles.statuts import verifier_correction_declaration

    assert verifier_correction_declaration(date(2010, 11, 23), date(2010, 11, 30)) == []
    [violation] = verifier_correction_declaration(date(2010, 11, 22), date(2010, 11, 30))
    assert "7 jours" in violation.message and "29/11/2010" in violation.message and "R. 5134-44" in violation.message
    assert verifier_correction_declaration(None, date(2010, 11, 30))
