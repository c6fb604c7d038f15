"""The events of a convention against its work contract (pure, no ORM): the motive of a rupture, the trial
period, the motive of a suspension.

Code du travail as in force in 2010:
- L. 1243-1: « Sauf accord des parties, le contrat de travail à durée déterminée ne peut être rompu avant
  l'échéance du terme qu'en cas de faute grave ou de force majeure » (the inaptitude « constatée par le médecin du
  travail » is added by the loi n° 2011-525 du 17 mai 2011: ``DATE_INAPTITUDE_RUPTURE_CDD``).
- L. 1243-2: the employee may break a CDD early when he justifies a hire in a CDI.
- L. 5134-28 (CAE) and L. 5134-70 (CIE): the CDD of a CUI may also be broken early, at the employee's initiative,
  for a hire in a CDD of at least six months or a CDI, or to follow a qualifying training.
- L. 1242-10: the trial period of a CDD is at most one day a week, within two weeks when the contract's initial
  length is at most six months, one month beyond; L. 1221-19 for a CDI (two to four months by category).
- Démission and licenciement are ways of ending a CDI (L. 1231-1); an employee who leaves a CDD outside the cases
  above owes damages (L. 1243-3): the portal records it as such (« départ anticipé du salarié »), the aid stops.
- A period of immersion with another employer is an avenant of the convention (décret n° 2009-1442), not a
  suspension of the work contract.
"""

from datetime import date, timedelta

from droit.nombres import (
    DATE_INAPTITUDE_RUPTURE_CDD,
    PERIODE_ESSAI_CDD_JOURS_PAR_SEMAINE,
    PERIODE_ESSAI_CDD_MAX_COURT_SEMAINES,
    PERIODE_ESSAI_CDD_MAX_LONG_MOIS,
    PERIODE_ESSAI_CDD_SEUIL_MOIS,
    PERIODE_ESSAI_CDI_MAX_MOIS,
    SOURCE_PERIODE_ESSAI_CDD,
    SOURCE_PERIODE_ESSAI_CDI,
    SOURCE_RUPTURE_CDD,
    SOURCE_RUPTURE_CUI,
    nombre,
)
from referentiels.violation import Violation

from .duree import date_fin_pour, dure_au_plus

# The motives of a rupture (values of ``models.MotifRupture``).
EMBAUCHE = "embauche"
FORMATION = "formation"
PERIODE_ESSAI = "periode_essai"
ACCORD_COMMUN = "accord_commun"
FAUTE_GRAVE = "faute_grave"
FORCE_MAJEURE = "force_majeure"
INAPTITUDE = "inaptitude"
DEMISSION = "demission"
LICENCIEMENT = "licenciement"
DEPART_SALARIE = "depart_salarie"
HORS_CAS_LEGAUX = "hors_cas_legaux"

MOTIFS_DU_CDI = frozenset({DEMISSION, LICENCIEMENT})
# The motives of a suspension that are not one (values once offered).
MOTIF_SUSPENSION_IMMERSION = "immersion"

SEMAINE = timedelta(weeks=1)


def fin_periode_essai_maximale(type_contrat_travail: str, date_embauche: date, fin_contrat: date | None) -> date:
    """The last day of the longest trial period the law allows, when the contract does not record its own.

    Our reading: for a CDD, « un jour par semaine » of the contract's length from the hire to its end (whole
    weeks of calendar days), within two weeks when that length is at most six months, else one month (L. 1242-10);
    for a CDI the longest initial maximum of L. 1221-19 (four months, cadres), the category being unknown."""
    if type_contrat_travail == "CDI" or fin_contrat is None:
        return date_fin_pour(date_embauche, PERIODE_ESSAI_CDI_MAX_MOIS)
    if not dure_au_plus(date_embauche, fin_contrat, PERIODE_ESSAI_CDD_SEUIL_MOIS):
        return date_fin_pour(date_embauche, PERIODE_ESSAI_CDD_MAX_LONG_MOIS)
    semaines = (fin_contrat - date_embauche + timedelta(days=1)) // SEMAINE
    jours = min(semaines * PERIODE_ESSAI_CDD_JOURS_PAR_SEMAINE, PERIODE_ESSAI_CDD_MAX_COURT_SEMAINES * SEMAINE.days)
    return date_embauche + timedelta(days=max(jours, 1) - 1)


def _cas_du_cdd(type_contrat: str) -> str:
    cui = SOURCE_RUPTURE_CUI.get(type_contrat)
    cas = (
        "d'un commun accord, pour faute grave ou force majeure, pour une embauche du salarié en CDI "
        f"({SOURCE_RUPTURE_CDD})"
    )
    if cui:
        cas += f", pour une embauche d'au moins six mois ou une formation qualifiante ({cui})"
    return cas


def verifier_motif_rupture(
    motif: str,
    *,
    type_contrat: str,
    type_contrat_travail: str,
    date_embauche: date | None,
    fin_contrat: date | None,
    date_rupture: date,
) -> list[Violation]:
    """The motive of a rupture fits the work contract: a CDD is not ended by a démission or a licenciement and ends
    early only in the legal cases (or is recorded as the employee's early departure, or as a rupture by the
    employer outside the legal cases); a departure of the employee from a CDI is a démission; a rupture « pendant la
    période d'essai » falls within the longest trial period the law allows."""
    cdd = type_contrat_travail == "CDD"
    if cdd and motif in MOTIFS_DU_CDI:
        libelle = "une démission" if motif == DEMISSION else "un licenciement"
        return [
            Violation(
                "motif",
                f"Un contrat à durée déterminée ne se rompt pas par {libelle} : avant son terme, seulement "
                f"{_cas_du_cdd(type_contrat)}. Un départ du salarié hors de ces cas se déclare comme « départ "
                "anticipé du salarié ».",
            )
        ]
    if cdd and motif == INAPTITUDE and date_rupture < DATE_INAPTITUDE_RUPTURE_CDD:
        return [
            Violation(
                "motif",
                f"Avant le {DATE_INAPTITUDE_RUPTURE_CDD:%d/%m/%Y}, l'inaptitude ne rompt pas un contrat à durée "
                f"déterminée : L. 1243-1 ne prévoit alors que l'accord des parties, la faute grave et la force "
                f"majeure (inaptitude ajoutée par la loi n° 2011-525 du 17 mai 2011).",
            )
        ]
    if not cdd and motif == DEPART_SALARIE:
        return [
            Violation(
                "motif",
                "Le salarié qui quitte un contrat à durée indéterminée démissionne : choisissez « Démission (CDI) » "
                f"(le départ anticipé hors des cas légaux concerne un CDD, {SOURCE_RUPTURE_CDD}).",
            )
        ]
    if motif == PERIODE_ESSAI and date_embauche is not None:
        fin_essai = fin_periode_essai_maximale(type_contrat_travail, date_embauche, fin_contrat)
        if date_rupture > fin_essai:
            if cdd:
                limite = (
                    f"un jour par semaine, dans la limite de {nombre(PERIODE_ESSAI_CDD_MAX_COURT_SEMAINES)} "
                    f"semaines pour un CDD d'au plus {nombre(PERIODE_ESSAI_CDD_SEUIL_MOIS)} mois, "
                    f"{nombre(PERIODE_ESSAI_CDD_MAX_LONG_MOIS)} mois au-delà ({SOURCE_PERIODE_ESSAI_CDD})"
                )
            else:
                limite = (
                    f"{nombre(PERIODE_ESSAI_CDI_MAX_MOIS)} mois au plus pour un CDI, durée la plus longue de "
                    f"{SOURCE_PERIODE_ESSAI_CDI}"
                )
            return [
                Violation(
                    "motif",
                    f"La période d'essai est finie le {date_rupture:%d/%m/%Y} : au plus tard le {fin_essai:%d/%m/%Y} "
                    f"pour une embauche le {date_embauche:%d/%m/%Y} ({limite} ; lecture du portail quand la durée "
                    "de l'essai n'est pas enregistrée). Choisissez un autre motif.",
                )
            ]
    return []


def verifier_motif_suspension(motif: str) -> list[Violation]:
    """An immersion is an avenant of the convention, not a suspension of the work contract."""
    if motif == MOTIF_SUSPENSION_IMMERSION:
        return [
            Violation(
                "motif",
                "Une période d'immersion n'est pas une suspension du contrat : enregistrez-la par un avenant "
                "« période d'immersion » (décret n° 2009-1442 du 25 novembre 2009).",
            )
        ]
    return []
