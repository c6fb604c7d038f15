"""Rules of the work contract: weekly hours, contract type against the dates of 2010, sector, CDD/CDI."""

from datetime import date
from decimal import Decimal

from droit.nombres import DATE_CUI, HEURES_MAX, HEURES_MIN, SOURCE_CIRCULAIRE
from droit.vocabulaire import CONTRATS_CUI, CONTRATS_NON_MARCHANDS, CONTRATS_PCS

from .base import (
    CAE,
    CAE_PCS,
    CIE,
    NON_MARCHAND,
    Violation,
    _h,
    contrat_du_secteur,
)

# --- weekly hours ---------------------------------------------------------------------------------


def verifier_heures(
    type_contrat: str,
    duree_hebdo_travail: Decimal | None,
    duree_hebdo_prise_en_charge: Decimal | None,
    difficultes_particulieres: bool = False,
    heures_max_arrete: Decimal | int | None = None,
) -> list[Violation]:
    """20 to 35 hours of work a week (circular 2009-42, annexe 1, question 4); a CAE may go under 20 h for a
    person with particular difficulties (L. 5134-26), never a CIE; the aid is paid on at most 35 h and on no
    more hours than are worked (L. 5134-30, L. 5134-72), and within the arrêté's ceiling when it sets one."""
    violations = []
    travail = None if duree_hebdo_travail is None else Decimal(duree_hebdo_travail)
    prise = None if duree_hebdo_prise_en_charge is None else Decimal(duree_hebdo_prise_en_charge)
    if travail is not None:
        if travail <= 0:
            violations.append(Violation("duree_hebdo_travail", "La durée hebdomadaire de travail doit être positive."))
        elif travail > HEURES_MAX:
            violations.append(
                Violation(
                    "duree_hebdo_travail",
                    f"La durée hebdomadaire de travail ne peut dépasser {_h(HEURES_MAX)} heures ({_h(travail)} h "
                    f"demandées) : un CAE ou un CIE va de 20 à 35 heures ({SOURCE_CIRCULAIRE}, question 4).",
                )
            )
        elif travail < HEURES_MIN:
            if type_contrat in CONTRATS_NON_MARCHANDS and difficultes_particulieres:
                pass
            elif type_contrat in CONTRATS_NON_MARCHANDS:
                violations.append(
                    Violation(
                        "duree_hebdo_travail",
                        f"La durée hebdomadaire de travail d'un CAE ne peut être inférieure à {_h(HEURES_MIN)} heures "
                        f"({_h(travail)} h demandées), sauf difficultés particulièrement importantes de la personne, "
                        "à indiquer dans la convention (L. 5134-26 du code du travail).",
                    )
                )
            else:
                violations.append(
                    Violation(
                        "duree_hebdo_travail",
                        f"La durée hebdomadaire de travail d'un CIE ne peut être inférieure à {_h(HEURES_MIN)} heures "
                        f"({_h(travail)} h demandées) : la dérogation pour difficultés particulières n'existe que pour "
                        f"le CAE ({SOURCE_CIRCULAIRE}, question 4).",
                    )
                )
    if prise is not None:
        if prise <= 0:
            violations.append(
                Violation("duree_hebdo_prise_en_charge", "La durée hebdomadaire prise en charge doit être positive.")
            )
        elif prise > HEURES_MAX:
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"L'aide est versée sur {_h(HEURES_MAX)} heures par semaine au plus ({_h(prise)} h demandées ; "
                    "L. 5134-30 et L. 5134-72 du code du travail).",
                )
            )
        elif travail is not None and prise > travail:
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"La durée prise en charge ({_h(prise)} h) ne peut dépasser la durée de travail "
                    f"({_h(travail)} h) : l'aide ne porte que sur des heures travaillées "
                    "(L. 5134-30 et L. 5134-72 du code du travail).",
                )
            )
        elif heures_max_arrete is not None and prise > Decimal(heures_max_arrete):
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"L'arrêté du préfet de région limite la prise en charge à {_h(Decimal(heures_max_arrete))} heures "
                    f"par semaine pour ce public ({_h(prise)} h demandées).",
                )
            )
    return violations


# --- contract type, sector and dates --------------------------------------------------------------


def verifier_type_et_dates(
    type_contrat: str,
    date_conclusion: date | None,
    date_embauche: date | None,
    arrete_publie: bool = True,
    secteur: str | None = None,
    aci: bool = False,
) -> list[Violation]:
    """From 1 January 2010 only CAE and CIE (circular 2009-42, annexe 1, questions 1 and 3): the old contracts
    (CAV, CI-RMA, CAE and CIE of the plan de cohésion sociale) only for conventions concluded before 2010 for
    contracts taking effect before 2010; a CUI only for contracts taking effect from 2010, concluded in 2009
    (prescription anticipée) only once the region's 2010 arrêté is published. A CAE is for a non-market
    employer, a CIE for a market one (L. 5134-21, L. 5134-66); an ACI employs in CAE."""
    violations = []
    if type_contrat in CONTRATS_PCS:
        if (date_embauche is not None and date_embauche >= DATE_CUI) or (
            date_conclusion is not None and date_conclusion >= DATE_CUI
        ):
            remplacant = CAE if type_contrat in CONTRATS_NON_MARCHANDS else CIE
            violations.append(
                Violation(
                    "type_contrat",
                    "Depuis le 1er janvier 2010, seuls des CAE et des CIE du contrat unique d'insertion sont "
                    f"prescrits, y compris de manière anticipée pour une embauche en 2010 : prescrivez un {remplacant} "
                    f"({SOURCE_CIRCULAIRE}, question 3).",
                )
            )
    elif type_contrat in CONTRATS_CUI:
        if date_embauche is not None and date_embauche < DATE_CUI:
            violations.append(
                Violation(
                    "date_embauche",
                    f"Un {type_contrat} du contrat unique d'insertion ne peut prendre effet avant le 1er janvier 2010 "
                    f"(embauche le {date_embauche:%d/%m/%Y}) ; avant cette date, les contrats du plan de cohésion "
                    f"sociale s'appliquent ({SOURCE_CIRCULAIRE}, question 3).",
                )
            )
        elif date_conclusion is not None and date_conclusion < DATE_CUI and not arrete_publie:
            violations.append(
                Violation(
                    "date_conclusion",
                    "Une convention du contrat unique ne peut être conclue en 2009 pour une embauche en 2010 "
                    "qu'après la publication de l'arrêté du préfet de région fixant les taux pour 2010 : il n'est pas "
                    f"encore publié ({SOURCE_CIRCULAIRE}, question 3).",
                )
            )
    else:
        violations.append(Violation("type_contrat", f"Contrat « {type_contrat} » inconnu."))
    if date_conclusion is not None and date_embauche is not None and date_conclusion > date_embauche:
        violations.append(
            Violation(
                "date_conclusion",
                f"La convention doit être signée avant le début du contrat de travail (conclusion le "
                f"{date_conclusion:%d/%m/%Y}, embauche le {date_embauche:%d/%m/%Y} ; L. 5134-19-1 du code du travail).",
            )
        )
    if secteur is not None and type_contrat in CONTRATS_CUI:
        attendu = contrat_du_secteur(secteur)
        if attendu != type_contrat:
            violations.append(
                Violation(
                    "type_contrat",
                    f"Un employeur du secteur {'non marchand' if secteur == NON_MARCHAND else 'marchand'} conclut un "
                    f"{attendu}, pas un {type_contrat} (L. 5134-21 pour le CAE, L. 5134-66 pour le CIE).",
                )
            )
    if aci and type_contrat not in (CAE, CAE_PCS):
        violations.append(
            Violation("aci", "Un atelier et chantier d'insertion embauche en CAE (secteur non marchand, L. 5134-21).")
        )
    return violations


def verifier_contrat_travail(
    type_contrat_travail: str,
    date_embauche: date | None,
    date_fin_contrat_travail: date | None,
    date_debut: date | None,
    date_fin: date | None,
    complete: bool = True,
) -> list[Violation]:
    """CDD or CDI for both contracts (circular 2009-42, question 4); the aid starts with the contract at the
    earliest and never outlives a CDD."""
    violations = []
    if type_contrat_travail == "CDD" and date_fin_contrat_travail is None and complete:
        violations.append(
            Violation("date_fin_contrat_travail", "Un contrat à durée déterminée doit indiquer sa date de fin.")
        )
    if type_contrat_travail == "CDI" and date_fin_contrat_travail is not None:
        violations.append(Violation("date_fin_contrat_travail", "Un CDI n'a pas de date de fin."))
    if date_embauche and date_debut and date_debut < date_embauche:
        violations.append(
            Violation("date_debut", "La convention (et l'aide) ne peut commencer avant l'embauche du salarié.")
        )
    if date_debut and date_fin and date_fin <= date_debut:
        violations.append(Violation("date_fin", "La fin de la convention doit suivre son début."))
    if type_contrat_travail == "CDD" and date_fin_contrat_travail and date_fin and date_fin > date_fin_contrat_travail:
        violations.append(
            Violation(
                "date_fin",
                f"L'aide ne peut courir au-delà de la fin du CDD ({date_fin_contrat_travail:%d/%m/%Y}).",
            )
        )
    if date_embauche and date_fin_contrat_travail and date_fin_contrat_travail <= date_embauche:
        violations.append(Violation("date_fin_contrat_travail", "La fin du CDD doit suivre l'embauche."))
    return violations
