"""Weekly hours of a CUI, in one pure function (no ORM) that the conventions and the simulator both call: 20 to 35
hours of work, a CAE under 20 h only for particular difficulties, the aid on at most 35 h, on no more hours than
are worked and within the regional arrêté's ceiling."""

from decimal import Decimal

from droit.nombres import HEURES_MAX, HEURES_MAX_PRISES_EN_CHARGE, HEURES_MIN, SOURCE_HEURES, nombre
from droit.vocabulaire import CONTRATS_NON_MARCHANDS

from .violation import Violation

SOURCE_HEURES_PRISES_EN_CHARGE = "L. 5134-30 et L. 5134-72 du code du travail"


def verifier_heures(
    type_contrat: str,
    duree_hebdo_travail: Decimal | None,
    duree_hebdo_prise_en_charge: Decimal | None,
    difficultes_particulieres: bool = False,
    heures_max_arrete: Decimal | int | None = None,
) -> list[Violation]:
    """20 to 35 hours of work a week (circular 2009-42, annexe 1, question 4); a CAE may go under 20 h for a
    person with particular difficulties (L. 5134-26), never a CIE; the aid is paid on at most 35 h and on no
    more hours than are worked (L. 5134-30, L. 5134-72), and within the arrêté's ceiling when it sets one.
    A value not given (None) is not checked."""
    violations = []
    travail = None if duree_hebdo_travail is None else Decimal(duree_hebdo_travail)
    prise = None if duree_hebdo_prise_en_charge is None else Decimal(duree_hebdo_prise_en_charge)
    minimum, maximum = nombre(HEURES_MIN), nombre(HEURES_MAX)
    if travail is not None:
        demandees = f"{nombre(travail)} h demandées"
        if travail <= 0:
            violations.append(Violation("duree_hebdo_travail", "La durée hebdomadaire de travail doit être positive."))
        elif travail > HEURES_MAX:
            violations.append(
                Violation(
                    "duree_hebdo_travail",
                    f"La durée hebdomadaire de travail ne peut dépasser {maximum} heures ({demandees}) : un CAE ou "
                    f"un CIE va de {minimum} à {maximum} heures ({SOURCE_HEURES}).",
                )
            )
        elif travail < HEURES_MIN and type_contrat in CONTRATS_NON_MARCHANDS and not difficultes_particulieres:
            violations.append(
                Violation(
                    "duree_hebdo_travail",
                    f"La durée hebdomadaire de travail d'un CAE ne peut être inférieure à {minimum} heures "
                    f"({demandees}), sauf difficultés particulièrement importantes de la personne, à indiquer dans "
                    "la convention (L. 5134-26 du code du travail).",
                )
            )
        elif travail < HEURES_MIN and type_contrat not in CONTRATS_NON_MARCHANDS:
            violations.append(
                Violation(
                    "duree_hebdo_travail",
                    f"La durée hebdomadaire de travail d'un CIE ne peut être inférieure à {minimum} heures "
                    f"({demandees}) : la dérogation pour difficultés particulières n'existe que pour le CAE "
                    f"({SOURCE_HEURES}).",
                )
            )
    if prise is not None:
        demandees = f"{nombre(prise)} h demandées"
        if prise <= 0:
            violations.append(
                Violation("duree_hebdo_prise_en_charge", "La durée hebdomadaire prise en charge doit être positive.")
            )
        elif prise > HEURES_MAX_PRISES_EN_CHARGE:
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"L'aide est versée sur {nombre(HEURES_MAX_PRISES_EN_CHARGE)} heures par semaine au plus "
                    f"({demandees} ; {SOURCE_HEURES_PRISES_EN_CHARGE}).",
                )
            )
        elif travail is not None and prise > travail:
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"La durée prise en charge ({nombre(prise)} h) ne peut dépasser la durée de travail "
                    f"({nombre(travail)} h) : l'aide ne porte que sur des heures travaillées "
                    f"({SOURCE_HEURES_PRISES_EN_CHARGE}).",
                )
            )
        elif heures_max_arrete is not None and prise > Decimal(heures_max_arrete):
            violations.append(
                Violation(
                    "duree_hebdo_prise_en_charge",
                    f"L'arrêté du préfet de région limite la prise en charge à {nombre(heures_max_arrete)} heures "
                    f"par semaine pour ce public ({demandees}).",
                )
            )
    return violations


def heures_retenues(heures: Decimal, heures_max_arrete: Decimal | int | None) -> Decimal:
    """The weekly hours the aid is computed on: those asked, within the arrêté's ceiling when it sets one."""
    if heures_max_arrete is not None and Decimal(heures) > Decimal(heures_max_arrete):
        return Decimal(heures_max_arrete)
    return Decimal(heures)
