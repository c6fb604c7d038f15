"""The law of the convention individuelle CAE/CIE, in pure functions on plain values (no ORM, no request).

Every error is a ``Violation(champ, message)``: the field a form shows it at, and a French message naming the
limit and its source. Sources: Code du travail as in force on 1 January 2010 (L. 5134-19-1 and following),
décret n° 2009-1442 du 25 novembre 2009, circular DGEFP 2009-42 (Annexe 1: rules for the prescripteurs).

Durations, renewals and the transition from the plan de cohésion sociale are in ``regles_duree``; immersion in
``regles_immersion``; this module holds the shared vocabulary, the hours, the contract types and dates, the
statuses, the bilan and the declaration deadline.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from droit.nombres import (
    AGE_MAX_CAE_JEUNES,
    DELAI_DECLARATION_JOURS,
    DUREE_MIN_CAE_JEUNES_MOIS,
    SOURCE_CIRCULAIRE,
    limite_declaration,
)
from droit.vocabulaire import CONTRATS_CUI, STATUTS_CAE_JEUNES, Financement
from referentiels.aide import RegleAideError, Repartition, aide_mensuelle, repartir, verifier_taux

from .regles_base import *  # noqa: F403  (the shared vocabulary is part of this module's interface)
from .regles_base import (
    CAE,
    Personne,
    Violation,
    age_au,
)
from .regles_contrat import verifier_contrat_travail, verifier_heures, verifier_type_et_dates
from .regles_duree import (
    Renouvellement,
    date_limite_attestation,
    duree_en_mois,
    plafond_pcs,
    verifier_duree_initiale,
    verifier_renouvellement,
)
from .regles_immersion import Periode, verifier_periodes_immersion

# --- bilan, declarations ----------------------------------------------------------------------------


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


def declaration_tardive(date_evenement: date, date_declaration: date) -> bool:
    """A suspension or rupture is reported within 7 days (décret 2009-1442; Cerfa of the convention)."""
    return date_declaration > limite_declaration(date_evenement)


def verifier_declaration(date_evenement: date, date_declaration: date, date_debut: date | None) -> list[Violation]:
    violations = []
    if date_declaration < date_evenement:
        violations.append(
            Violation("date_declaration_evenement", "Un événement ne peut être déclaré avant d'avoir eu lieu.")
        )
    if date_debut and date_evenement < date_debut:
        violations.append(Violation("date_evenement", "L'événement ne peut précéder le début de la convention."))
    return violations


# --- statuses -------------------------------------------------------------------------------------

BROUILLON, CONCLUE, EN_COURS, TERMINEE, SUSPENDUE, ROMPUE = (
    "brouillon",
    "conclue",
    "en_cours",
    "terminee",
    "suspendue",
    "rompue",
)
TRANSITIONS = {
    BROUILLON: frozenset({CONCLUE}),
    CONCLUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    EN_COURS: frozenset({SUSPENDUE, ROMPUE, TERMINEE}),
    SUSPENDUE: frozenset({EN_COURS, ROMPUE, TERMINEE}),
    TERMINEE: frozenset(),
    ROMPUE: frozenset(),
}
LIBELLES_STATUTS = {
    BROUILLON: "brouillon",
    CONCLUE: "conclue",
    EN_COURS: "en cours",
    TERMINEE: "terminée",
    SUSPENDUE: "suspendue",
    ROMPUE: "rompue",
}


def transition_permise(de: str, vers: str) -> bool:
    return vers in TRANSITIONS.get(de, frozenset())


def verifier_transition(de: str, vers: str) -> list[Violation]:
    if transition_permise(de, vers):
        return []
    return [
        Violation(
            "statut",
            f"Une convention {LIBELLES_STATUTS.get(de, de)} ne peut passer au statut "
            f"« {LIBELLES_STATUTS.get(vers, vers)} ».",
        )
    ]


def statut_a_la_date(statut: str, date_debut: date | None, date_fin: date | None, jour: date) -> str:
    """Concluded → in progress from its start → ended after its end (a suspended one stays suspended until
    its end; drafts and broken ones do not move)."""
    if statut in (BROUILLON, ROMPUE, TERMINEE) or date_debut is None or date_fin is None:
        return statut
    if jour > date_fin:
        return TERMINEE
    if statut == CONCLUE and jour >= date_debut:
        return EN_COURS
    return statut


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


# --- the aid of one convention -------------------------------------------------------------------


def verifier_taux_convention(
    type_contrat: str,
    taux: Decimal | None,
    taux_arrete: Decimal | None,
    financement: str,
    aci: bool = False,
) -> list[Violation]:
    """The legal ceiling (``referentiels.aide.verifier_taux``); the State applies the arrêté's rate; only a
    conseil général may raise it, at its own cost (circular 2009-42, annexe 2)."""
    if taux is None or type_contrat not in CONTRATS_CUI:
        return []
    try:
        verifier_taux(type_contrat, Decimal(taux), aci)
    except RegleAideError as exc:
        return [Violation("taux", str(exc))]
    if taux_arrete is None:
        return []
    if financement == Financement.ETAT and Decimal(taux) != Decimal(taux_arrete):
        return [
            Violation(
                "taux",
                f"Financée par l'État seul, la convention applique le taux de l'arrêté régional ({taux_arrete:n} %) "
                f"et non {Decimal(taux):n} % : seul le conseil général peut le majorer (circulaire 2009-42, annexe 2).",
            )
        ]
    if financement == Financement.ETAT_CG and Decimal(taux) < Decimal(taux_arrete):
        return [
            Violation(
                "taux",
                f"Le taux ne peut être inférieur à celui de l'arrêté régional ({taux_arrete:n} %) ; le conseil "
                "général peut seulement le majorer (circulaire 2009-42, annexe 2).",
            )
        ]
    return []


def calculer_repartition(
    taux: Decimal,
    smic_horaire: Decimal,
    heures_prises_en_charge: Decimal,
    financement: str,
    contribution_cg_max: Decimal,
    taux_arrete: Decimal | None = None,
) -> Repartition:
    """The monthly aid and its split, through ``referentiels.aide`` (the only place the aid is computed). When
    the conseil général raised the rate above the arrêté's, the extra cost is its own."""
    aide = aide_mensuelle(taux, smic_horaire, heures_prises_en_charge)
    au_taux_arrete = None
    if taux_arrete is not None and Decimal(taux) > Decimal(taux_arrete):
        au_taux_arrete = aide_mensuelle(taux_arrete, smic_horaire, heures_prises_en_charge)
    return repartir(aide, financement, contribution_cg_max, au_taux_arrete)


# --- the whole convention -------------------------------------------------------------------------


@dataclass(frozen=True)
class DonneesConvention:
    """Plain values of a convention to check (a form's cleaned data, or a model through the services)."""

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
    heures_max_arrete: Decimal | int | None = None
    taux: Decimal | None = None
    taux_arrete: Decimal | None = None
    financement: str = Financement.ETAT
    aci: bool = False
    secteur: str | None = None
    personne: Personne | None = None
    nature: str = "initiale"
    arrete_publie: bool = True
    bilan_employeur_fourni: bool = False
    employeur_a_eu_contrats_aides: bool = False
    # Transition from the plan de cohésion sociale
    type_contrat_precedent: str | None = None
    mois_deja_effectues: int = 0
    # Renewal by a new convention: the start of the chain's first convention and the current end
    debut_chaine: date | None = None
    fin_precedente: date | None = None
    fin_formation: date | None = None
    periodes_immersion: list[Periode] = field(default_factory=list)


CHAMPS_OBLIGATOIRES = {
    "date_conclusion": "la date de conclusion",
    "date_embauche": "la date d'embauche",
    "date_debut": "le début de la convention",
    "date_fin": "la fin de la convention",
    "duree_hebdo_travail": "la durée hebdomadaire de travail",
    "duree_hebdo_prise_en_charge": "la durée hebdomadaire prise en charge",
}


def verifier_convention(d: DonneesConvention, complete: bool = True) -> list[Violation]:
    """Every rule on one convention; ``complete=False`` (a draft) skips the missing values."""
    violations = []
    if complete:
        for champ, libelle in CHAMPS_OBLIGATOIRES.items():
            if getattr(d, champ) is None:
                violations.append(Violation(champ, f"Indiquez {libelle}."))
    violations += verifier_type_et_dates(
        d.type_contrat, d.date_conclusion, d.date_embauche, d.arrete_publie, d.secteur, d.aci
    )
    violations += verifier_contrat_travail(
        d.type_contrat_travail, d.date_embauche, d.date_fin_contrat_travail, d.date_debut, d.date_fin, complete
    )
    violations += verifier_heures(
        d.type_contrat,
        d.duree_hebdo_travail,
        d.duree_hebdo_prise_en_charge,
        d.difficultes_particulieres,
        d.heures_max_arrete,
    )
    violations += verifier_taux_convention(d.type_contrat, d.taux, d.taux_arrete, d.financement, d.aci)
    if d.date_debut and d.date_fin and d.date_fin > d.date_debut:
        plafond = None
        if d.nature == "transition_pcs" and d.type_contrat_precedent:
            plafond = plafond_pcs(d.type_contrat_precedent, d.personne, d.date_debut)
        if d.nature == "renouvellement" and d.personne and d.debut_chaine and d.fin_precedente:
            violations += verifier_renouvellement(
                Renouvellement(
                    d.type_contrat,
                    d.aci,
                    d.personne,
                    d.debut_chaine,
                    d.fin_precedente,
                    d.date_fin,
                    d.mois_deja_effectues,
                    fin_formation=d.fin_formation,
                )
            )
        else:
            violations += verifier_duree_initiale(
                d.date_debut,
                d.date_fin,
                amenagement_de_peine=bool(d.personne and d.personne.amenagement_de_peine),
                plafond_transition_mois=plafond,
                mois_deja_effectues=d.mois_deja_effectues,
            )
        violations += verifier_periodes_immersion(d.type_contrat, d.date_debut, d.date_fin, d.periodes_immersion)
    if d.nature == "transition_pcs" and complete and d.type_contrat_precedent is None:
        violations.append(
            Violation("convention_precedente", "Indiquez le contrat du plan de cohésion sociale prolongé.")
        )
    violations += verifier_bilan(
        d.nature == "renouvellement",
        d.employeur_a_eu_contrats_aides or d.nature == "transition_pcs",
        d.bilan_employeur_fourni,
    )
    return violations


def attestation_disponible(statut: str, date_fin: date | None, jour: date) -> bool:
    """The attestation can be printed once the convention has ended, or from its legal deadline on (one month
    before the end): the employer must hand it over by then."""
    if statut in ("terminee", "rompue"):
        return True
    if statut == "brouillon" or date_fin is None:
        return False
    return jour >= date_limite_attestation(date_fin)


__all__ = [
    "DELAI_DECLARATION_JOURS",
    "SOURCE_CIRCULAIRE",
    "DonneesConvention",
    "Periode",
    "Personne",
    "Violation",
    "attestation_disponible",
    "calculer_repartition",
    "declaration_tardive",
    "duree_en_mois",
    "est_cae_jeune",
    "statut_a_la_date",
    "transition_permise",
    "verifier_bilan",
    "verifier_contrat_travail",
    "verifier_convention",
    "verifier_declaration",
    "verifier_heures",
    "verifier_taux_convention",
    "verifier_transition",
    "verifier_type_et_dates",
]
