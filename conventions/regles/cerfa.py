"""The rubrics of the Cerfa n° 13998*01 the law asks at the conclusion (pure, no ORM): the post, the typed support
and training actions, the employee's registration at Pôle emploi, the employer's affiliations and the statements it
signs on its honour.

- Actions: a CAE « prévoit des actions de formation professionnelle et de validation des acquis de l'expérience
  nécessaires à la réalisation de son projet professionnel » (L. 5134-22, as in force in 2010): at least one
  training action (VAE included) at the conclusion of a CAE; optional for a CIE (our reading). The circular 2009-42
  (annexe 1, question 4, point 4) asks the employer's bilan of those actions before any new convention.
- The wage: at least the SMIC of the hire (L. 3231-2).
- The trial period: within the longest the law allows (``evenements.fin_periode_essai_maximale``).
- The CIE: no convention when the establishment dismissed for economic reasons in the six months before the hire,
  nor when the hire replaces an employee dismissed for a reason other than a serious misconduct (L. 5134-68);
  the employer states it on its honour by signing, with its contributions up to date (Cerfa).
- The employer's URSSAF or MSA number and unemployment insurance, the ACI's annexe financière, the employee's
  Pôle emploi identifier and date of registration: boxes of the Cerfa, filled at the conclusion.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from droit.nombres import (
    LICENCIEMENT_ECONOMIQUE_MOIS,
    SOURCE_ACTIONS_CAE,
    SOURCE_CERFA,
    SOURCE_EXCLUSIONS_CIE,
    SOURCE_PERIODE_ESSAI_CDD,
    SOURCE_PERIODE_ESSAI_CDI,
    SOURCE_SMIC,
    TRANCHES_INSCRIPTION_MOIS,
    euros,
    nombre,
)
from referentiels.violation import Violation

from .base import CAE, CIE
from .duree import duree_en_mois
from .evenements import fin_periode_essai_maximale

CODE_ROME = re.compile(r"^[A-N][0-9]{4}$")

# The values of ``models_cerfa.ActionAccompagnement`` / ``ActionFormation`` / ``ResultatFormation``.
ACCOMPAGNEMENTS = frozenset({"prise_de_poste", "evaluation", "projet", "recherche_emploi", "autre"})
FORMATIONS = frozenset(
    {"adaptation", "remise_a_niveau", "prequalification", "nouvelles_competences", "qualifiante", "vae", "autre"}
)
AUTRE = "autre"


@dataclass(frozen=True)
class Rubriques:
    """What the Cerfa holds beside the terms of the convention, as plain values."""

    emploi_intitule: str = ""
    code_rome: str = ""
    salaire_horaire_brut: Decimal | None = None
    smic_horaire: Decimal | None = None  # the SMIC of the hire (None when unknown)
    lieu_travail: str = ""
    periode_essai_jours: int | None = None
    types_accompagnement: tuple[str, ...] = ()
    types_formation: tuple[str, ...] = ()
    precisions_accompagnement: str = ""
    precisions_formation: str = ""
    resultat_formation: str = ""
    declaration_cotisations_a_jour: bool = False
    declaration_sans_licenciement_economique: bool = False
    declaration_sans_remplacement: bool = False
    # The employee
    inscrit_pole_emploi: bool = False
    inscrit_depuis: date | None = None
    identifiant_pole_emploi: str = ""
    # The employer
    numero_urssaf_msa: str = ""
    assurance_chomage: str = ""
    aci: bool = False
    numero_annexe_financiere: str = ""


def mois_d_inscription(inscrit_depuis: date, date_embauche: date) -> int:
    """Whole months of registration at Pôle emploi the day before the hire (1 Jan → hired 1 Jul: 6)."""
    return duree_en_mois(inscrit_depuis, date_embauche - timedelta(days=1))


def tranche_d_inscription(mois: int) -> str:
    """The Cerfa's box of the length of registration: « moins de 6 mois », « de 6 à 11 mois »…"""
    bas, milieu, haut = TRANCHES_INSCRIPTION_MOIS
    if mois < bas:
        return f"moins de {bas} mois"
    if mois < milieu:
        return f"de {bas} à {milieu - 1} mois"
    if mois < haut:
        return f"de {milieu} à {haut - 1} mois"
    return f"{haut} mois et plus"


TRANCHES = tuple(tranche_d_inscription(m) for m in (0, *TRANCHES_INSCRIPTION_MOIS))


def duree_max_essai_jours(type_contrat_travail: str, date_embauche: date, fin_contrat: date | None) -> int:
    """The longest trial period the law allows, in calendar days from the hire."""
    return (fin_periode_essai_maximale(type_contrat_travail, date_embauche, fin_contrat) - date_embauche).days + 1


def verifier_poste(
    r: Rubriques,
    type_contrat_travail: str,
    date_embauche: date | None,
    fin_contrat: date | None,
    *,
    complete: bool,
) -> list[Violation]:
    """The job (title and ROME code), the wage against the SMIC, the place of work and the trial period."""
    violations = []
    if complete:
        for champ, libelle in (
            ("emploi_intitule", "l'emploi occupé par le salarié"),
            ("code_rome", "le code ROME de l'emploi"),
            ("lieu_travail", "le lieu d'exécution du contrat"),
        ):
            if not getattr(r, champ).strip():
                violations.append(Violation(champ, f"Indiquez {libelle} ({SOURCE_CERFA})."))
        if r.salaire_horaire_brut is None:
            violations.append(Violation("salaire_horaire_brut", f"Indiquez le salaire horaire brut ({SOURCE_CERFA})."))
    if r.code_rome and not CODE_ROME.match(r.code_rome):
        violations.append(
            Violation(
                "code_rome",
                "Le code ROME est une lettre de A à N suivie de quatre chiffres, par exemple K1302 (répertoire "
                "opérationnel des métiers et des emplois de Pôle emploi).",
            )
        )
    if r.salaire_horaire_brut is not None and r.smic_horaire is not None and r.salaire_horaire_brut < r.smic_horaire:
        violations.append(
            Violation(
                "salaire_horaire_brut",
                f"Le salaire horaire brut ({euros(r.salaire_horaire_brut)}) ne peut être inférieur au SMIC horaire "
                f"brut à l'embauche, {euros(r.smic_horaire)} ({SOURCE_SMIC}).",
            )
        )
    if r.periode_essai_jours is not None and date_embauche is not None:
        maximum = duree_max_essai_jours(type_contrat_travail, date_embauche, fin_contrat)
        if r.periode_essai_jours > maximum:
            source = (
                SOURCE_PERIODE_ESSAI_CDI
                if type_contrat_travail == "CDI" or not fin_contrat
                else (SOURCE_PERIODE_ESSAI_CDD)
            )
            violations.append(
                Violation(
                    "periode_essai_jours",
                    f"La période d'essai dure au plus {nombre(maximum)} jours pour ce contrat de travail, soit "
                    f"jusqu'au {date_embauche + timedelta(days=maximum - 1):%d/%m/%Y} ({source}).",
                )
            )
    return violations


def verifier_actions(r: Rubriques, type_contrat: str, *, complete: bool) -> list[Violation]:
    """Typed actions from the Cerfa's lists, « autre » said in words, the expected outcome of a training, and at
    least one training action at the conclusion of a CAE (L. 5134-22)."""
    violations = []
    inconnues = [a for a in r.types_accompagnement if a not in ACCOMPAGNEMENTS]
    inconnues += [a for a in r.types_formation if a not in FORMATIONS]
    if inconnues:
        violations.append(
            Violation("types_formation", "Choisissez les actions parmi celles du Cerfa (rubriques cochées inconnues).")
        )
    if AUTRE in r.types_accompagnement and not r.precisions_accompagnement.strip():
        violations.append(Violation("actions_accompagnement", "Précisez l'« autre » action d'accompagnement cochée."))
    if AUTRE in r.types_formation and not r.precisions_formation.strip():
        violations.append(Violation("actions_formation", "Précisez l'« autre » action de formation cochée."))
    if complete and type_contrat == CAE and not r.types_formation:
        violations.append(
            Violation(
                "types_formation",
                "Un CAE prévoit au moins une action de formation professionnelle ou de validation des acquis de "
                f"l'expérience nécessaire au projet professionnel du salarié ({SOURCE_ACTIONS_CAE}).",
            )
        )
    if complete and r.types_formation and not r.resultat_formation:
        violations.append(
            Violation(
                "resultat_formation",
                "Indiquez le résultat attendu des actions de formation : attestation de compétences, certification "
                f"ou qualification ({SOURCE_CERFA}).",
            )
        )
    return violations


def verifier_parties(r: Rubriques, date_embauche: date | None, *, complete: bool) -> list[Violation]:
    """The employee's registration at Pôle emploi (identifier, date before the hire) and the employer's
    affiliations (URSSAF or MSA, unemployment insurance, an ACI's annexe financière)."""
    violations = []
    if r.inscrit_depuis and date_embauche and r.inscrit_depuis >= date_embauche:
        violations.append(
            Violation(
                "inscrit_depuis",
                f"L'inscription à Pôle emploi précède l'embauche du {date_embauche:%d/%m/%Y} ({SOURCE_CERFA}).",
            )
        )
    if not complete:
        return violations
    if r.inscrit_pole_emploi and not r.identifiant_pole_emploi.strip():
        violations.append(Violation("identifiant_pole_emploi", f"Indiquez l'identifiant Pôle emploi ({SOURCE_CERFA})."))
    if r.inscrit_pole_emploi and r.inscrit_depuis is None:
        violations.append(
            Violation("inscrit_depuis", f"Indiquez la date d'inscription à Pôle emploi ({SOURCE_CERFA}).")
        )
    if not r.numero_urssaf_msa.strip():
        violations.append(
            Violation(
                "numero_urssaf_msa",
                f"Indiquez le n° d'affiliation de l'employeur à l'URSSAF ou à la MSA ({SOURCE_CERFA}).",
            )
        )
    if not r.assurance_chomage:
        violations.append(
            Violation("assurance_chomage", f"Indiquez l'assurance chômage de l'employeur ({SOURCE_CERFA}).")
        )
    if r.aci and not r.numero_annexe_financiere.strip():
        violations.append(
            Violation(
                "numero_annexe_financiere",
                f"Indiquez le n° de l'annexe financière de l'atelier et chantier d'insertion ({SOURCE_CERFA}).",
            )
        )
    return violations


@dataclass(frozen=True)
class Attestation:
    """A statement the employer signs on its honour, as the Cerfa prints it: the field that records it, its words,
    a short form for the summary, the contracts it applies to and its source."""

    champ: str
    libelle: str  # the statement as signed (the form's box, the printed Cerfa)
    resume: str  # a few words for the summary of the convention
    refus: str  # why a convention is not concluded without it
    contrats: frozenset[str]
    source: str


ATTESTATIONS = (
    Attestation(
        "declaration_cotisations_a_jour",
        "L'employeur atteste sur l'honneur être à jour de ses cotisations et contributions sociales",
        "cotisations à jour",
        "L'employeur atteste être à jour de ses cotisations et contributions sociales pour conclure",
        frozenset({CAE, CIE}),
        SOURCE_CERFA,
    ),
    Attestation(
        "declaration_sans_licenciement_economique",
        "L'employeur atteste n'avoir procédé à aucun licenciement pour motif économique dans les "
        f"{nombre(LICENCIEMENT_ECONOMIQUE_MOIS)} mois précédant l'embauche",
        f"aucun licenciement économique dans les {nombre(LICENCIEMENT_ECONOMIQUE_MOIS)} mois",
        "Un CIE ne peut être conclu quand l'établissement a procédé à un licenciement économique dans les "
        f"{nombre(LICENCIEMENT_ECONOMIQUE_MOIS)} mois précédant l'embauche : l'employeur l'atteste",
        frozenset({CIE}),
        SOURCE_EXCLUSIONS_CIE,
    ),
    Attestation(
        "declaration_sans_remplacement",
        "L'employeur atteste que l'embauche ne remplace pas un salarié licencié pour un motif autre que la faute "
        "grave ou lourde",
        "pas de remplacement d'un salarié licencié",
        "Un CIE ne peut être conclu quand l'embauche remplace un salarié licencié pour un motif autre que la faute "
        "grave ou lourde : l'employeur l'atteste",
        frozenset({CIE}),
        SOURCE_EXCLUSIONS_CIE,
    ),
)
CHAMPS_ATTESTATIONS = tuple(a.champ for a in ATTESTATIONS)


def attestations(type_contrat: str) -> tuple[Attestation, ...]:
    """The statements the employer signs for this contract: its contributions for every CUI, and for a CIE the
    exclusions of L. 5134-68 (no economic dismissal in the six months before the hire, no replacement of a
    dismissed employee)."""
    return tuple(e for e in ATTESTATIONS if type_contrat in e.contrats)


def attestations_sans_objet(type_contrat: str) -> tuple[Attestation, ...]:
    """The statements of the Cerfa n° 13998*01 that do not apply to this CUI (a CAE: the CIE's exclusions); none
    for the old contracts, which ran on their own forms."""
    if type_contrat not in (CAE, CIE):
        return ()
    return tuple(e for e in ATTESTATIONS if type_contrat not in e.contrats)


def verifier_declarations(r: Rubriques, type_contrat: str, *, complete: bool) -> list[Violation]:
    """Each statement of ``attestations(type_contrat)`` signed at the conclusion."""
    if not complete:
        return []
    return [
        Violation(e.champ, f"{e.refus} ({e.source}).") for e in attestations(type_contrat) if not getattr(r, e.champ)
    ]


def verifier_cerfa(
    r: Rubriques,
    type_contrat: str,
    type_contrat_travail: str,
    date_embauche: date | None,
    fin_contrat: date | None,
    *,
    complete: bool,
) -> list[Violation]:
    """Every rubric of the Cerfa above, for a CUI (the old contracts' conventions ran on their own forms)."""
    if type_contrat not in (CAE, CIE):
        return []
    return (
        verifier_poste(r, type_contrat_travail, date_embauche, fin_contrat, complete=complete)
        + verifier_actions(r, type_contrat, complete=complete)
        + verifier_parties(r, date_embauche, complete=complete)
        + verifier_declarations(r, type_contrat, complete=complete)
    )
