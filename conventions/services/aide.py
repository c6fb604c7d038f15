"""The aid of a convention: computed only by ``referentiels.aide`` (through ``regles.aide.calculer_repartition``)
with the SMIC and RSA in force at the start of the convention and the rate of the regional arrêté in force at its
conclusion (``arretes.services``)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cui_portal import horloge
from droit.vocabulaire import CONTRATS_CUI, Financement
from referentiels.aide import Financement as FinancementAide
from referentiels.aide import contribution_cg_maximale
from referentiels.regles import ParametreInconnu
from referentiels.services import rsa_forfaitaire, smic_horaire
from referentiels.violation import Violation

from ..models import Convention
from ..regles.aide import calculer_repartition, verifier_taux_convention
from ..regles.base import RegleConventionError
from .commun import exiger_regles
from .echeancier import appliquer_engagement
from .echeancier import calculer as calculer_echeancier


@dataclass(frozen=True)
class CalculAide:
    taux: Decimal
    taux_arrete: Decimal | None
    heures_max: int | None
    arrete: object | None
    smic_horaire: Decimal
    contribution_cg_max: Decimal
    aide_mensuelle: Decimal
    part_etat: Decimal
    part_conseil_general: Decimal


def arrete_publie(region, date_conclusion: date, date_debut_contrat: date) -> bool:
    """Whether an arrêté of the region applies on ``date_conclusion`` to a contract starting on
    ``date_debut_contrat``: published by then, for that year or an earlier one (an arrêté stays in force until
    the next one; prescription anticipée in December on next year's, ``arretes.regles.arrete_applicable``)."""
    from arretes.services import arrete_en_vigueur

    return arrete_en_vigueur(region, date_conclusion, date_debut_contrat) is not None


def taux_de_l_arrete(type_contrat: str, public, region, date_conclusion: date, date_debut_contrat: date):
    """``arretes.services.taux_applicable``; raises ``arretes.regles.AucunArreteApplicable``."""
    from arretes.services import taux_applicable

    return taux_applicable(type_contrat, public, region, date_conclusion, date_debut_contrat)


def calculer_aide(
    *,
    type_contrat: str,
    public,
    region,
    date_conclusion: date,
    date_debut: date,
    heures_prises_en_charge: Decimal,
    financement: str = FinancementAide.ETAT,
    aci: bool = False,
    taux_majore: Decimal | None = None,
    taux_hors_arrete: Decimal | None = None,
) -> CalculAide:
    """The aid of a convention: the arrêté's rate (or ``taux_majore`` when a conseil général raises it under
    its CAOM), the SMIC horaire brut in force on ``date_debut``, the conseil général's contribution (88 % of
    the RSA forfait on ``date_debut``) when it co-finances. ``taux_hors_arrete`` is for the old contracts of
    the plan de cohésion sociale, which no CUI arrêté covers. Raises ``RegleConventionError``."""
    heures_max = arrete = taux_arrete = None
    if type_contrat in CONTRATS_CUI:
        from arretes.regles import AucunArreteApplicable

        try:
            applicable = taux_de_l_arrete(type_contrat, public, region, date_conclusion, date_debut)
        except AucunArreteApplicable as exc:
            raise RegleConventionError([Violation("public", str(exc))]) from exc
        taux_arrete, heures_max, arrete = applicable.taux, applicable.heures_max, applicable.arrete
        taux = taux_arrete
        if taux_majore is not None:
            taux = Decimal(taux_majore)
    elif taux_hors_arrete is not None:
        taux = Decimal(taux_hors_arrete)
    else:
        raise RegleConventionError([Violation("taux", "Indiquez le taux de prise en charge de l'ancien contrat.")])
    exiger_regles(verifier_taux_convention(type_contrat, taux, taux_arrete, financement, aci))
    try:
        smic = smic_horaire(date_debut)
        contribution = contribution_cg_maximale(rsa_forfaitaire(date_debut))
    except ParametreInconnu as exc:
        raise RegleConventionError([Violation("date_debut", str(exc))]) from exc
    repartition = calculer_repartition(
        taux, smic, Decimal(heures_prises_en_charge), financement, contribution, taux_arrete
    )
    return CalculAide(
        taux=taux,
        taux_arrete=taux_arrete,
        heures_max=heures_max,
        arrete=arrete,
        smic_horaire=smic,
        contribution_cg_max=contribution,
        aide_mensuelle=repartition.aide_mensuelle,
        part_etat=repartition.part_etat,
        part_conseil_general=repartition.part_conseil_general,
    )


# What the aid of a draft needs before it can be computed (step 3 of the entry).
MANQUE_POUR_L_AIDE = {
    "public": "le public prioritaire",
    "date_debut": "le début de la convention",
    "duree_hebdo_prise_en_charge": "la durée hebdomadaire prise en charge",
}


def taux_majore_de(convention: Convention) -> Decimal | None:
    """The rate a conseil général raised above the arrêté's, as saved on the draft (None otherwise)."""
    if (
        convention.financement != Financement.ETAT
        and convention.taux is not None
        and convention.taux_arrete is not None
        and convention.taux != convention.taux_arrete
    ):
        return convention.taux
    return None


def calculer_aide_du_brouillon(
    convention: Convention, financement: str, taux_majore: Decimal | None
) -> tuple[CalculAide | None, list[Violation]]:
    """(the aid, or None, and the violations) of a draft with this financing; nothing is saved."""
    manques = [
        champ
        for champ in MANQUE_POUR_L_AIDE
        if getattr(convention, "public_id" if champ == "public" else champ) is None
    ]
    if manques:
        libelles = ", ".join(MANQUE_POUR_L_AIDE[c] for c in manques)
        return None, [Violation(manques[0], f"Pour calculer l'aide, indiquez d'abord {libelles} (étape 3).")]
    try:
        calcul = calculer_aide(
            type_contrat=convention.type_contrat,
            public=convention.public,
            region=convention.region,
            date_conclusion=convention.date_conclusion or horloge.aujourdhui(),
            date_debut=convention.date_debut,
            heures_prises_en_charge=convention.duree_hebdo_prise_en_charge,
            financement=financement,
            aci=convention.aci,
            taux_majore=taux_majore,
        )
    except RegleConventionError as exc:
        return None, exc.violations
    return calcul, []


def appliquer_aide(convention: Convention, calcul: CalculAide) -> None:
    for champ in (
        "taux",
        "taux_arrete",
        "arrete",
        "smic_horaire",
        "aide_mensuelle",
        "part_etat",
        "part_conseil_general",
    ):
        setattr(convention, champ, getattr(calcul, champ))
    convention.contribution_cg_max = calcul.contribution_cg_max
    # Before its conclusion a convention has no avenant nor suspension: its schedule is that of its terms.
    appliquer_engagement(convention, calculer_echeancier(convention))


def heures_max_de_l_arrete(convention: Convention) -> int | None:
    """The weekly hours the convention's arrêté takes in charge at most for its contract and public (None when
    no arrêté was applied: a draft, or an old contract of the plan de cohésion sociale)."""
    if convention.arrete_id is None or convention.public_id is None:
        return None
    from arretes.models import TauxPriseEnCharge

    return (
        TauxPriseEnCharge.objects.filter(
            arrete_id=convention.arrete_id, contrat=convention.type_contrat, public_id=convention.public_id
        )
        .values_list("heures_max", flat=True)
        .first()
    )


def caom_de(departement_id: int, annee: int):
    """The département's CAOM of the year, if any (a co-financed convention is counted against it)."""
    from caom.models import Caom

    return Caom.objects.filter(departement_id=departement_id, annee=annee).first()


@dataclass(frozen=True)
class Cofinancement:
    """Whether the conseil général may co-finance a draft of an RSA beneficiary, said at the aid step."""

    caom: object | None  # the département's CAOM of the start's year, if any
    regime: str | None  # ``caom.regles.SIGNEE`` / ``EXCEPTIONNEL`` on the day, or None: the State alone
    jour: date


def cofinancement_possible(convention: Convention) -> Cofinancement | None:
    """For an RSA beneficiary: the CAOM and the regime it opens on the conclusion day (today for a draft);
    None for any other person or before the convention's start is known."""
    from caom.regles import regime_au

    if not (convention.salarie_id and convention.salarie.beneficiaire_rsa and convention.date_debut):
        return None
    jour = convention.date_conclusion or horloge.aujourdhui()
    caom = caom_de(convention.departement_id, convention.date_debut.year) if convention.departement_id else None
    regime = regime_au(caom.pour_le_cofinancement(), jour) if caom is not None else None
    return Cofinancement(caom=caom, regime=regime, jour=jour)
