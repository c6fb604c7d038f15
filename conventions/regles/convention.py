"""The law of the convention individuelle CAE/CIE, in pure functions on plain values (no ORM, no request).

Every error is a ``Violation(champ, message)``: the field a form shows it at, and a French message naming the
limit and its source. Sources: Code du travail as in force on 1 January 2010 (L. 5134-19-1 and following),
décret n° 2009-1442 du 25 novembre 2009, circular DGEFP 2009-42 (Annexe 1: rules for the prescripteurs).

The shared vocabulary is in ``base``; hours, contract types and dates in ``contrat``; durations, renewals and
the transition from the plan de cohésion sociale in ``duree``; immersion in ``immersion``; the rate of one
convention and its aid in ``aide``; statuses and declarations in ``statuts``. This module gathers them into the
check of a whole convention, with the bilan and the CAE-jeunes programme.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from caom.regles import CaomDuCofinancement
from droit.nombres import AGE_MAX_CAE_JEUNES, DUREE_MIN_CAE_JEUNES_MOIS, SOURCE_CIRCULAIRE
from droit.vocabulaire import STATUTS_CAE_JEUNES, Financement
from referentiels.regles_heures import verifier_heures
from referentiels.violation import Violation

from .aide import verifier_taux_convention
from .base import CAE, Personne, age_au
from .cerfa import Rubriques, verifier_cerfa
from .cofinancement import verifier_cofinancement
from .contrat import verifier_contrat_travail, verifier_type_et_dates
from .duree import Renouvellement, plafond_pcs, verifier_duree_initiale, verifier_renouvellement
from .evenements import verifier_motif_rupture, verifier_motif_suspension
from .historique import Chevauchement, Historique, mois_effectues_pcs, verifier_chevauchement, verifier_historique
from .immersion import Periode, verifier_periodes_immersion
from .statuts import BROUILLON, SUSPENDUE, verifier_declaration, verifier_transition
from .tuteur import Tuteur, verifier_tuteur

# --- bilan -------------------------------------------------------------------------------


def verifier_bilan(renouvellement: bool, employeur_a_eu_contrats_aides: bool, bilan_fourni: bool) -> list[Violation]:
    """A bilan by the employer of the support and training given comes before a renewal, and before any new
    convention with an employer that had aided contracts (circular 2009-42, annexe 1, question 4, point 4)."""
    if bilan_fourni or not (renouvellement or employeur_a_eu_contrats_aides):
        return []
    quand = (
        "avant tout renouvellement"
        if renouvellement
        else "avant toute nouvelle convention avec un employeur ayant déjà bénéficié de contrats aidés"
    )
    return [
        Violation(
            "bilan_employeur_fourni",
            f"Le bilan de l'employeur sur l'accompagnement et la formation est obligatoire {quand} "
            f"({SOURCE_CIRCULAIRE}, question 4).",
        )
    ]


# --- CAE-jeunes (circular 2009-38) ---------------------------------------------------------------


def est_cae_jeune(
    type_contrat: str, date_naissance: date, date_embauche: date, duree_mois: int | Decimal, statut_employeur: str
) -> bool:
    """A CAE of the CAE-jeunes programme: under 26 at hiring, at least 12 months, with a collectivité
    territoriale or an association (not an ACI)."""
    return (
        type_contrat == CAE
        and age_au(date_naissance, date_embauche) < AGE_MAX_CAE_JEUNES
        and duree_mois >= DUREE_MIN_CAE_JEUNES_MOIS
        and statut_employeur in STATUTS_CAE_JEUNES
    )


# --- the whole convention -------------------------------------------------------------------------


@dataclass(frozen=True)
class DonneesConvention:
    """Plain values of a convention to check, with the change the write makes (built by the services)."""

    type_contrat: str
    date_conclusion: date | None = None
    date_embauche: date | None = None
    date_debut: date | None = None
    date_fin: date | None = None
    type_contrat_travail: str = "CDD"
    date_fin_contrat_travail: date | None = None
    duree_hebdo_travail: Decimal | None = None
    duree_hebdo_prise_en_charge: Decimal | None = None
    difficultes_particulieres: bool = False
    taux: Decimal | None = None
    taux_arrete: Decimal | None = None
    financement: str = Financement.ETAT
    aci: bool = False
    secteur: str | None = None
    personne: Personne | None = None
    nature: str = "initiale"
    statut: str = BROUILLON
    bilan_employeur_fourni: bool = False
    employeur_a_eu_contrats_aides: bool = False
    # Transition from the plan de cohésion sociale
    type_contrat_precedent: str | None = None
    mois_deja_effectues: int = 0
    # A renewal (by a new convention or by an avenant): the start of the chain and the end before the renewal
    debut_chaine: date | None = None
    fin_precedente: date | None = None
    fin_formation: date | None = None
    periodes_immersion: list[Periode] = field(default_factory=list)
    # The person's earlier conventions, any organisation, in figures only (``regles.historique``)
    historique: Historique | None = None
    # Co-financing by the conseil général: the employer's département, the CAOM (the one chosen, or the
    # département's of the start's year) and the day its signature is checked against (the conclusion, or today
    # for a draft)
    departement_id: int | None = None
    caom: CaomDuCofinancement | None = None
    date_cofinancement: date | None = None
    # The tutor (``regles.tuteur``), and the person's other conventions running at the same time with the reason
    # the prescripteur gives for a second one (``regles.historique``)
    tuteur: Tuteur | None = None
    chevauchement: Chevauchement | None = None
    motif_chevauchement: str = ""
    # Events: the rupture (its motive against the work contract) and the motive of a suspension declared
    motif_rupture: str = ""
    date_rupture: date | None = None
    motif_suspension: str = ""
    # The other rubrics of the Cerfa (the post, typed actions, affiliations, sworn statements: ``regles.cerfa``)
    rubriques: Rubriques | None = None


# The kinds of write, each checked by ``verifier_convention``.
BROUILLON_ENREGISTRE = "brouillon"  # a draft saved at a step of the entry (missing values allowed)
CONCLUSION = "conclusion"
AVENANT_RENOUVELLEMENT = "renouvellement"
AVENANT_MODIFICATION = "modification"
IMMERSION = "immersion"  # an immersion period, by avenant or on a concluded convention
EVENEMENT = "evenement"  # suspension, resumption, rupture
ECRITURES_DE_SIGNATURE = frozenset({BROUILLON_ENREGISTRE, CONCLUSION})


@dataclass(frozen=True)
class Declaration:
    date_evenement: date
    date_declaration: date


@dataclass(frozen=True)
class Contexte:
    """What a write knows beside the convention's values: its kind, the regional arrêté (the weekly hours it
    takes in charge at most, whether it is published), the status it moves to, the event it declares."""

    ecriture: str = CONCLUSION
    heures_max_arrete: Decimal | int | None = None
    arrete_publie: bool = True
    nouveau_statut: str | None = None
    declaration: Declaration | None = None


CHAMPS_OBLIGATOIRES = {
    "date_conclusion": "la date de conclusion",
    "date_embauche": "la date d'embauche",
    "date_debut": "le début de la convention",
    "date_fin": "la fin de la convention",
    "duree_hebdo_travail": "la durée hebdomadaire de travail",
    "duree_hebdo_prise_en_charge": "la durée hebdomadaire prise en charge",
}


def verifier_convention(d: DonneesConvention, contexte: Contexte = Contexte()) -> list[Violation]:
    """Every rule on one convention, as the write of ``contexte`` changes it: the one check of every write.

    - The state of the convention (work contract and its dates, weekly hours within 20–35 and the arrêté's
      ceiling, rate, length and renewals, immersion periods) is checked at every write that can change it.
    - What is decided when signing (mandatory values, the contract against the dates of 2010 and the
      employer's sector, the prior bilan) at the entry and the conclusion; the bilan again at a renewal.
    - A draft (``BROUILLON_ENREGISTRE``) skips the values not given yet.
    - An event (suspension, resumption, rupture) changes only the status: its transition, its declaration and
      its motive against the work contract are checked, not the values signed before (a legal declaration is
      never refused for them). A rupture's motive is checked at every write that keeps it (the admin too).
    - The tutor and a second convention at the same time for the same person at the entry and the conclusion.
    - The other rubrics of the Cerfa (``regles.cerfa``) at the entry (their form) and the conclusion (complete).
    """
    violations = []
    if contexte.nouveau_statut is not None:
        violations += verifier_transition(d.statut, contexte.nouveau_statut)
    if contexte.declaration is not None:
        violations += verifier_declaration(
            contexte.declaration.date_evenement, contexte.declaration.date_declaration, d.date_debut
        )
    if d.motif_rupture and d.date_rupture:
        violations += verifier_motif_rupture(
            d.motif_rupture,
            type_contrat=d.type_contrat,
            type_contrat_travail=d.type_contrat_travail,
            date_embauche=d.date_embauche,
            fin_contrat=d.date_fin_contrat_travail,
            date_rupture=d.date_rupture,
        )
    if contexte.nouveau_statut == SUSPENDUE:
        violations += verifier_motif_suspension(d.motif_suspension)
    if contexte.ecriture == EVENEMENT:
        return violations
    complete = contexte.ecriture != BROUILLON_ENREGISTRE
    signature = contexte.ecriture in ECRITURES_DE_SIGNATURE
    if signature and complete:
        for champ, libelle in CHAMPS_OBLIGATOIRES.items():
            if getattr(d, champ) is None:
                violations.append(Violation(champ, f"Indiquez {libelle}."))
    if signature:
        violations += verifier_type_et_dates(
            d.type_contrat, d.date_conclusion, d.date_embauche, contexte.arrete_publie, d.secteur, d.aci
        )
    violations += verifier_contrat_travail(
        d.type_contrat_travail, d.date_embauche, d.date_fin_contrat_travail, d.date_debut, d.date_fin, complete
    )
    violations += verifier_heures(
        d.type_contrat,
        d.duree_hebdo_travail,
        d.duree_hebdo_prise_en_charge,
        d.difficultes_particulieres,
        contexte.heures_max_arrete,
    )
    violations += verifier_taux_convention(d.type_contrat, d.taux, d.taux_arrete, d.financement, d.aci)
    violations += verifier_cofinancement(
        d.financement,
        d.personne,
        d.departement_id,
        d.date_debut.year if d.date_debut else None,
        d.caom,
        d.date_cofinancement,
    )
    if d.date_debut and d.date_fin and d.date_fin > d.date_debut:
        violations += _verifier_duree(d)
        violations += verifier_periodes_immersion(d.type_contrat, d.date_debut, d.date_fin, d.periodes_immersion)
    if signature and complete and d.nature == "transition_pcs" and d.type_contrat_precedent is None:
        violations.append(
            Violation("convention_precedente", "Indiquez le contrat du plan de cohésion sociale prolongé.")
        )
    if signature and d.tuteur is not None:
        violations += verifier_tuteur(d.tuteur, d.type_contrat, d.date_debut, d.date_fin, complete=complete)
    if signature and d.rubriques is not None:
        violations += verifier_cerfa(
            d.rubriques,
            d.type_contrat,
            d.type_contrat_travail,
            d.date_embauche,
            d.date_fin_contrat_travail,
            complete=complete,
        )
    if signature and d.chevauchement is not None:
        violations += verifier_chevauchement(d.chevauchement, d.motif_chevauchement)
    if signature:
        # The employer's earlier aided contracts are derived from its conventions, not typed: a draft is saved
        # meanwhile, the conclusion asks the bilan (the entry shows the fact at step 1).
        violations += verifier_bilan(
            d.nature == "renouvellement",
            (d.employeur_a_eu_contrats_aides and complete) or d.nature == "transition_pcs",
            d.bilan_employeur_fourni,
        )
    elif contexte.ecriture == AVENANT_RENOUVELLEMENT:
        violations += verifier_bilan(True, False, d.bilan_employeur_fourni)
    return violations


def _verifier_duree(d: DonneesConvention) -> list[Violation]:
    """An initial length (6 to 24 months, within the old contract's cap after a transition), or, once renewed,
    the total length across renewals (``debut_chaine`` and ``fin_precedente`` given)."""
    plafond = None
    mois_deja_effectues = d.mois_deja_effectues
    if d.nature == "transition_pcs" and d.type_contrat_precedent:
        plafond = plafond_pcs(d.type_contrat_precedent, d.personne, d.debut_chaine or d.date_debut)
        mois_deja_effectues = mois_effectues_pcs(d.historique, d.mois_deja_effectues)
    elif d.personne and d.historique is not None:
        historique = verifier_historique(
            d.historique, d.type_contrat, d.aci, d.personne, d.debut_chaine or d.date_debut, d.date_fin
        )
        if historique:
            return historique
    if d.personne and d.debut_chaine and d.fin_precedente:
        return verifier_renouvellement(
            Renouvellement(
                d.type_contrat,
                d.aci,
                d.personne,
                d.debut_chaine,
                d.fin_precedente,
                d.date_fin,
                mois_deja_effectues,
                plafond_transition_mois=plafond,
                fin_formation=d.fin_formation,
            )
        )
    return verifier_duree_initiale(
        d.date_debut,
        d.date_fin,
        amenagement_de_peine=bool(d.personne and d.personne.amenagement_de_peine),
        plafond_transition_mois=plafond,
        mois_deja_effectues=mois_deja_effectues,
    )
