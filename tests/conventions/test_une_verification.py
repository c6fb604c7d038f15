"""One rule check per write: what the conclusion refuses, every write path refuses too, with the same message
(drafts at a step of the entry, the aid step, each avenant, immersion periods), and every write — events
included — goes through ``services.verification`` with the arrêté's ceiling of weekly hours."""

from datetime import date
from decimal import Decimal as D

import pytest

from conventions.models_evenements import PeriodeImmersion
from conventions.regles.base import RegleConventionError
from conventions.regles.duree import date_fin_pour
from conventions.services import conclusion, evenements, verification
from droit.vocabulaire import Financement, StatutConvention, StatutJuridique

from .factories import ConventionFactory, EmployeurFactory, SalarieFactory

pytestmark = pytest.mark.django_db
DEBUT = date(2010, 1, 4)
CDI = {"type_contrat_travail": "CDI", "date_fin_contrat_travail": None}
FEVRIER = {"employeur_accueil": "Boulangerie", "date_debut": date(2010, 2, 1), "date_fin": date(2010, 2, 28)}
AVRIL = {"employeur_accueil": "Garage", "date_debut": date(2010, 4, 1), "date_fin": date(2010, 4, 30)}


@pytest.fixture
def auteur(demo):
    return demo.comptes["prescripteur@demo.cui.fr"]


def _brouillon(cie=False, rsa=False, **champs):
    if cie:
        champs |= {"type_contrat": "CIE", "employeur": EmployeurFactory(statut_juridique=StatutJuridique.ENTREPRISE)}
    if rsa:
        champs |= {"financement": Financement.ETAT_CG, "salarie": SalarieFactory(beneficiaire_rsa=True)}
    return ConventionFactory(**champs)


def _conclue(auteur, **champs):
    return conclusion.conclure(_brouillon(**champs), par=auteur)


# --- the conclusion, as the reference -----------------------------------------------------------------


def conclure(taux_majore=None, periodes=(), **champs):
    def faire(auteur):
        brouillon = _brouillon(**champs)
        for p in periodes:
            PeriodeImmersion.objects.create(convention=brouillon, **p)
        conclusion.conclure(brouillon, par=auteur, taux_majore=taux_majore)

    return faire


def conclure_en_memoire(base=None, **changements):
    """Values the database itself refuses to store (hours outside 20–35): the conclusion's own check
    (``preparer_conclusion``, what ``conclure`` runs before writing) on the draft changed in memory."""

    def faire(auteur):
        brouillon = _brouillon(**(base or {}))
        for champ, valeur in changements.items():
            setattr(brouillon, champ, valeur)
        violations = conclusion.preparer_conclusion(brouillon)[1]
        if violations:
            raise RegleConventionError(violations)

    return faire


def conclure_un_renouvellement(fin, **champs):
    """A new convention renewing a concluded one of 6 months (the chain starts on ``DEBUT``)."""

    def faire(auteur):
        premiere = _conclue(auteur, **CDI, **champs)
        debut = date_fin_pour(DEBUT, 6) + date.resolution
        suite = _brouillon(
            nature="renouvellement",
            convention_precedente=premiere,
            salarie=premiere.salarie,
            employeur=premiere.employeur,
            date_conclusion=date(2010, 6, 1),
            date_embauche=debut,
            date_debut=debut,
            date_fin=fin,
            bilan_employeur_fourni=True,
            **CDI,
            **champs,
        )
        conclusion.conclure(suite, par=auteur)

    return faire


# --- the other write paths -------------------------------------------------------------------------------


def brouillon(base=None, **modifications):
    """A step of the entry saves the draft with the change."""

    def faire(auteur):
        conclusion.enregistrer_brouillon(par=auteur, convention=_brouillon(**(base or {})), **modifications)

    return faire


def etape_aide(financement=Financement.ETAT, taux_majore=None, **champs):
    """Step 4 of the entry computes the aid and saves it on the draft."""

    def faire(auteur):
        conclusion.enregistrer_aide(_brouillon(**champs), par=auteur, financement=financement, taux_majore=taux_majore)

    return faire


def modification(base=None, **changements):
    def faire(auteur):
        convention = _conclue(auteur, **(base or {}))
        evenements.ajouter_avenant(
            convention,
            type="modification",
            date=date(2010, 3, 1),
            date_effet=date(2010, 3, 1),
            par=auteur,
            **changements,
        )

    return faire


def renouvellement(fin, base=None):
    def faire(auteur):
        convention = _conclue(auteur, **(base or {}))
        evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=date(2010, 6, 1),
            date_effet=date(2010, 7, 4),
            par=auteur,
            date_fin=fin,
            bilan_employeur_fourni=True,
        )

    return faire


def periode_immersion(*periodes):
    def faire(auteur):
        convention = _conclue(auteur)
        for p in periodes:
            evenements.ajouter_periode_immersion(convention, par=auteur, **p)

    return faire


def avenant_immersion(*periodes):
    def faire(auteur):
        convention = _conclue(auteur)
        for p in periodes[:-1]:
            evenements.ajouter_periode_immersion(convention, par=auteur, **p)
        evenements.ajouter_avenant(
            convention,
            type="immersion",
            date=date(2010, 3, 20),
            date_effet=date(2010, 4, 1),
            par=auteur,
            immersion=periodes[-1],
        )

    return faire


def periodes_du_brouillon(*periodes):
    def faire(auteur):
        evenements.remplacer_periodes_brouillon(_brouillon(), list(periodes), par=auteur)

    return faire


TRENTE_MOIS = date_fin_pour(DEBUT, 30)
VINGT_CINQ_MOIS = date_fin_pour(DEBUT, 25)

CAS = [
    # 26 h taken in charge where the arrêté allows 20 h for « autres publics »
    *(
        pytest.param(conclure(duree_hebdo_prise_en_charge=D(26)), chemin, id=f"plafond-de-l-arrete-{nom}")
        for nom, chemin in (
            ("brouillon", brouillon(duree_hebdo_prise_en_charge=D(26))),
            ("etape-aide", etape_aide(duree_hebdo_prise_en_charge=D(26))),
            ("avenant-modification", modification(duree_hebdo_prise_en_charge=D(26))),
        )
    ),
    # more than 35 hours of work
    *(
        pytest.param(conclure_en_memoire(duree_hebdo_travail=D(36)), chemin, id=f"plus-de-35-h-{nom}")
        for nom, chemin in (
            ("brouillon", brouillon(duree_hebdo_travail=D(36))),
            ("avenant-modification", modification(duree_hebdo_travail=D(36))),
        )
    ),
    # a CIE under 20 hours
    *(
        pytest.param(
            conclure_en_memoire({"cie": True}, duree_hebdo_travail=D(19), duree_hebdo_prise_en_charge=D(19)),
            chemin,
            id=f"cie-sous-20-h-{nom}",
        )
        for nom, chemin in (
            ("brouillon", brouillon({"cie": True}, duree_hebdo_travail=D(19), duree_hebdo_prise_en_charge=D(19))),
            (
                "avenant-modification",
                modification({"cie": True}, duree_hebdo_travail=D(19), duree_hebdo_prise_en_charge=D(19)),
            ),
        )
    ),
    # a rate above the CAE's ceiling of 95 %
    *(
        pytest.param(conclure(rsa=True, taux_majore=D(96)), chemin, id=f"taux-au-dessus-du-plafond-{nom}")
        for nom, chemin in (
            ("etape-aide", etape_aide(Financement.ETAT_CG, D(96), rsa=True)),
            ("avenant-modification", modification({"rsa": True}, taux=D(96))),
        )
    ),
    # the aid beyond the end of the CDD
    pytest.param(
        conclure(date_fin_contrat_travail=date(2010, 5, 1)),
        modification(date_fin_contrat_travail=date(2010, 5, 1)),
        id="aide-au-dela-du-cdd-avenant-modification",
    ),
    pytest.param(
        conclure(date_fin=date_fin_pour(DEBUT, 12)),
        renouvellement(date_fin_pour(DEBUT, 12)),
        id="aide-au-dela-du-cdd-avenant-renouvellement",
    ),
    # longer than 24 months
    pytest.param(
        conclure(date_fin=VINGT_CINQ_MOIS, **CDI),
        brouillon(date_fin=VINGT_CINQ_MOIS, **CDI),
        id="plus-de-24-mois-brouillon",
    ),
    pytest.param(
        conclure_un_renouvellement(TRENTE_MOIS),
        renouvellement(TRENTE_MOIS, base=CDI),
        id="plus-de-24-mois-renouvelles-avenant-renouvellement",
    ),
    # immersion beyond 25 % of the contract (45 days of 6 months)
    *(
        pytest.param(conclure(periodes=(FEVRIER, AVRIL)), chemin, id=f"immersion-au-dela-de-25-pourcent-{nom}")
        for nom, chemin in (
            ("periode", periode_immersion(FEVRIER, AVRIL)),
            ("avenant-immersion", avenant_immersion(FEVRIER, AVRIL)),
            ("periodes-du-brouillon", periodes_du_brouillon(FEVRIER, AVRIL)),
        )
    ),
]


def _refus(faire, auteur) -> set:
    with pytest.raises(RegleConventionError) as exc:
        faire(auteur)
    return {(v.champ, v.message) for v in exc.value.violations}


@pytest.mark.parametrize(("reference", "chemin"), CAS)
def test_ce_que_la_conclusion_refuse_chaque_ecriture_le_refuse(
    arretes_2010, caom_2010_signees, auteur, reference, chemin
):
    refus_a_la_conclusion = _refus(reference, auteur)
    assert refus_a_la_conclusion
    assert _refus(chemin, auteur) == refus_a_la_conclusion


# --- every write through the one check, with the arrêté's ceiling ------------------------------------------


ECRITURES = {
    "brouillon": lambda c, a: conclusion.enregistrer_brouillon(par=a, convention=c, referent_nom="Référente"),
    "etape-aide": lambda c, a: conclusion.enregistrer_aide(c, par=a, financement=Financement.ETAT),
    "conclusion": lambda c, a: conclusion.conclure(c, par=a),
    "avenant-modification": lambda c, a: evenements.ajouter_avenant(
        c, type="modification", date=date(2010, 3, 1), date_effet=date(2010, 3, 1), par=a, duree_hebdo_travail=D(30)
    ),
    "avenant-renouvellement": lambda c, a: evenements.ajouter_avenant(
        c,
        type="renouvellement",
        date=date(2010, 6, 1),
        date_effet=date(2010, 7, 4),
        par=a,
        date_fin=date_fin_pour(DEBUT, 12),
        date_fin_contrat_travail=date_fin_pour(DEBUT, 12),
        bilan_employeur_fourni=True,
    ),
    "avenant-immersion": lambda c, a: evenements.ajouter_avenant(
        c, type="immersion", date=date(2010, 3, 20), date_effet=date(2010, 4, 1), par=a, immersion=FEVRIER
    ),
    "periode-immersion": lambda c, a: evenements.ajouter_periode_immersion(c, par=a, **FEVRIER),
    "suspension": lambda c, a: evenements.declarer_suspension(
        c, date_suspension=date(2010, 2, 1), motif="maladie", date_declaration=date(2010, 2, 3), par=a
    ),
    "rupture": lambda c, a: evenements.declarer_rupture(
        c, date_rupture=date(2010, 2, 1), motif="accord_commun", date_declaration=date(2010, 2, 3), par=a
    ),
}
SUR_UN_BROUILLON = {"brouillon", "etape-aide", "conclusion"}


@pytest.mark.parametrize("ecriture", ECRITURES)
def test_chaque_ecriture_passe_par_la_verification_avec_le_plafond_de_l_arrete(
    arretes_2010, auteur, monkeypatch, ecriture
):
    convention = ConventionFactory() if ecriture in SUR_UN_BROUILLON else _conclue(auteur)
    appels = []
    verifier_convention = verification.verifier_convention

    def espion(donnees, contexte):
        appels.append((donnees, contexte))
        return verifier_convention(donnees, contexte)

    monkeypatch.setattr(verification, "verifier_convention", espion)
    ECRITURES[ecriture](convention, auteur)
    assert appels, f"« {ecriture} » ne passe pas par verifier_convention"
    assert all(contexte.heures_max_arrete == 20 for _, contexte in appels)


def test_une_suspension_se_declare_par_la_meme_verification(arretes_2010, auteur):
    convention = _conclue(auteur)
    with pytest.raises(RegleConventionError, match="déclaré avant d'avoir eu lieu"):
        evenements.declarer_suspension(
            convention, date_suspension=date(2010, 3, 1), motif="maladie", date_declaration=date(2010, 2, 1), par=auteur
        )
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.CONCLUE
