"""The employer's aid of the CUI, in pure functions (no ORM): the law of the aid in one place.

Monthly aid = taux de prise en charge × SMIC horaire brut × weekly hours taken in charge × 52 / 12, in decimal
euros rounded to the cent. The conseil général's share for an RSA beneficiary it co-finances is 88 % of the RSA
montant forfaitaire for one person, never more than the aid; the State pays the rest. When the conseil général
raises the rate above the arrêté's, the extra cost is its own. Sources: L. 5134-30, L. 5134-72 of the Code du
travail; circular DGEFP 2009-42, Annexe 2.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from droit.nombres import (
    HEURES_MAX_PRISES_EN_CHARGE,
    PART_CG_DU_RSA,
    PLAFOND_CAE,
    PLAFOND_CAE_ACI,
    PLAFOND_CIE,
    SOURCE_PLAFOND_CAE,
    SOURCE_PLAFOND_CAE_ACI,
    SOURCE_PLAFOND_CIE,
)
from droit.vocabulaire import Contrat, Financement

CENT = Decimal("0.01")
# 52 weeks over 12 months, applied as « × 52 / 12 » (multiplying by a rounded 4,333… would lose the half-cent
# of an exact product such as 0,9 × 9,19 × 25 × 52 / 12 = 896,025 €).
SEMAINES_PAR_AN, MOIS_PAR_AN = 52, 12


class RegleAideError(ValueError):
    """A value the law of the aid does not allow; the message says the limit and its source."""


def arrondi(montant: Decimal) -> Decimal:
    return montant.quantize(CENT, rounding=ROUND_HALF_UP)


def plafond_taux(contrat: str, aci: bool = False) -> Decimal:
    """Ceiling of the taux de prise en charge: CAE 95 %, CAE in an ACI 105 %, CIE 47 %."""
    if contrat == Contrat.CIE:
        return PLAFOND_CIE
    if contrat == Contrat.CAE:
        return PLAFOND_CAE_ACI if aci else PLAFOND_CAE
    raise RegleAideError(f"Contrat « {contrat} » inconnu : seuls le CAE et le CIE ouvrent droit à l'aide du CUI.")


def verifier_taux(contrat: str, taux: Decimal, aci: bool = False) -> None:
    if taux <= 0:
        raise RegleAideError("Le taux de prise en charge doit être strictement positif.")
    plafond = plafond_taux(contrat, aci)
    if taux > plafond:
        if contrat == Contrat.CIE:
            source = SOURCE_PLAFOND_CIE
            public = "d'un CIE"
        elif aci:
            source = SOURCE_PLAFOND_CAE_ACI
            public = "d'un CAE en atelier et chantier d'insertion"
        else:
            source = SOURCE_PLAFOND_CAE
            public = "d'un CAE"
        raise RegleAideError(
            f"Le taux de prise en charge {public} est plafonné à {plafond:.0f} % du SMIC ({source}) : "
            f"{taux:n} % est trop élevé."
        )


def heures_prises_en_charge(heures: Decimal) -> Decimal:
    """The aid is paid on at most ``HEURES_MAX_PRISES_EN_CHARGE`` hours a week."""
    return min(Decimal(heures), HEURES_MAX_PRISES_EN_CHARGE)


def aide_mensuelle(taux: Decimal, smic_horaire: Decimal, heures: Decimal) -> Decimal:
    """Monthly aid in euros for a rate in percent, the SMIC horaire brut and the weekly hours taken in charge."""
    if taux < 0 or smic_horaire <= 0 or heures < 0:
        raise RegleAideError("Le taux, le SMIC et la durée hebdomadaire ne peuvent pas être négatifs.")
    brut = Decimal(taux) / 100 * Decimal(smic_horaire) * heures_prises_en_charge(heures)
    return arrondi(brut * SEMAINES_PAR_AN / MOIS_PAR_AN)


def contribution_cg_maximale(rsa_forfaitaire: Decimal) -> Decimal:
    """88 % of the RSA montant forfaitaire for one person (400.07 € in 2009)."""
    return arrondi(PART_CG_DU_RSA * Decimal(rsa_forfaitaire))


@dataclass(frozen=True)
class Repartition:
    aide_mensuelle: Decimal
    part_conseil_general: Decimal
    part_etat: Decimal


def repartir(
    aide: Decimal,
    financement: str,
    contribution_cg_max: Decimal,
    aide_au_taux_de_l_arrete: Decimal | None = None,
) -> Repartition:
    """Split the monthly aid between the State and the conseil général.

    ``aide_au_taux_de_l_arrete`` is the aid at the arrêté's rate when the conseil général raised the rate:
    the difference is entirely its own, on top of its forfait share.
    """
    if financement == Financement.ETAT:
        return Repartition(aide, Decimal("0.00"), aide)
    if financement == Financement.CG:
        return Repartition(aide, aide, Decimal("0.00"))
    if financement != Financement.ETAT_CG:
        raise RegleAideError(f"Mode de financement « {financement} » inconnu.")
    base = aide if aide_au_taux_de_l_arrete is None else min(aide, aide_au_taux_de_l_arrete)
    part_cg = min(contribution_cg_max, base) + (aide - base)
    return Repartition(aide, arrondi(part_cg), arrondi(aide - part_cg))
