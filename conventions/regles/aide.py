"""The rate of one convention and its aid, through the law of the aid in ``referentiels.aide`` (never
recomputed here)."""

from decimal import Decimal

from droit.vocabulaire import CONTRATS_CUI, Financement
from referentiels.aide import RegleAideError, Repartition, aide_mensuelle, repartir, verifier_taux
from referentiels.violation import Violation


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
