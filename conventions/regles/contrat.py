"""Rules of the work contract: contract type against the dates of 2010, sector, CDD/CDI. The weekly hours are
``referentiels.regles_heures`` (shared with the simulator)."""

from datetime import date

from droit.nombres import DATE_CUI, SOURCE_CIRCULAIRE
from droit.vocabulaire import CONTRATS_CUI, CONTRATS_NON_MARCHANDS, CONTRATS_PCS
from referentiels.violation import Violation

from .base import CAE, CAE_PCS, CIE, NON_MARCHAND, contrat_du_secteur

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
