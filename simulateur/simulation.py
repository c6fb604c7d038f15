"""A simulation of the employer's aid: reads the SMIC, the RSA and the arrêté's rate at a date, then applies the law of
``referentiels.aide`` (never recomputed here). Read-only: nothing is written. Each sentence of ``regles`` tells a
person, in French, which rule gave which figure.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from arretes.regles import CODE_PUBLIC_ACI, AucunArreteApplicable
from arretes.services import taux_applicable
from droit.nombres import (
    HEURES_MAX_PRISES_EN_CHARGE,
    HEURES_MIN,
    PART_CG_DU_RSA,
    PLAFOND_CAE_ACI,
    SOURCE_CAOM,
    SOURCE_HEURES,
    SOURCE_PLAFOND_CAE,
    SOURCE_PLAFOND_CAE_ACI,
    SOURCE_PLAFOND_CIE,
    euros,
    nombre,
    pourcentage,
)
from droit.vocabulaire import Contrat, Financement
from referentiels.aide import (
    RegleAideError,
    aide_mensuelle,
    contribution_cg_maximale,
    plafond_taux,
    repartir,
    verifier_taux,
)
from referentiels.models import Region
from referentiels.regles import ParametreInconnu
from referentiels.regles_heures import heures_retenues as heures_dans_le_plafond
from referentiels.regles_heures import verifier_heures
from referentiels.services import rsa_forfaitaire, smic_horaire


class SimulationImpossible(ValueError):
    """Input the law refuses; ``champ`` names the form field the message belongs to; ``erreurs`` every
    (field, message) found, so that a person sees them all at once."""

    def __init__(self, champ: str, message: str, autres: tuple[tuple[str, str], ...] = ()):
        super().__init__(message)
        self.champ = champ
        self.message = message
        self.erreurs = [(champ, message), *autres]

    @classmethod
    def toutes(cls, erreurs: list[tuple[str, str]]) -> "SimulationImpossible":
        (champ, message), *autres = erreurs
        return cls(champ, message, tuple(autres))


MESSAGE_ACI_CIE = (
    "Les ateliers et chantiers d'insertion sont des employeurs non marchands : ils recrutent en CAE, pas en CIE. "
    "Choisissez le CAE ou décochez « atelier et chantier d'insertion »."
)


def erreurs_du_taux(contrat: str, taux: Decimal | None, aci: bool, champ: str = "taux") -> list[tuple[str, str]]:
    """The checks that need neither the SMIC nor an arrêté: an ACI recruits in CAE only, and the rate typed stays
    within the legal ceiling of its contract. Also run when another field is wrong, so every error shows at once."""
    erreurs = []
    cie_en_aci = contrat == Contrat.CIE and aci
    if cie_en_aci:
        erreurs.append(("aci", MESSAGE_ACI_CIE))
    if taux is not None:
        try:
            verifier_taux(contrat, taux, aci and not cie_en_aci)
        except RegleAideError as exc:
            erreurs.append((champ, str(exc)))
    return erreurs


@dataclass(frozen=True)
class Simulation:
    contrat: str
    date: date
    smic_horaire: Decimal
    taux: Decimal
    heures: Decimal
    aide_mensuelle: Decimal
    part_conseil_general: Decimal
    part_etat: Decimal
    regles: tuple[str, ...]


def verifier_heures_simulees(contrat: str, heures: Decimal) -> None:
    """The weekly hours of the simulation through the conventions' own rule (``referentiels.regles_heures``): they
    are the contract's hours, worked and taken in charge; a CAE may go under 20 h (particular difficulties), a CIE
    never. Raises ``SimulationImpossible`` on the ``heures`` field with the rule's message."""
    violations = verifier_heures(contrat, heures, heures, difficultes_particulieres=True)
    prises = [v for v in violations if v.champ == "duree_hebdo_prise_en_charge"]
    if violations:
        raise SimulationImpossible("heures", (prises or violations)[0].message)


def _taux_de_l_arrete(contrat: str, code_region: str, public: str, jour: date):
    """The arrêté's rate for a convention concluded, and a contract starting, on ``jour``."""
    region = Region.objects.filter(code_insee=code_region).first()
    if region is None:
        raise SimulationImpossible("region", "Région inconnue : indiquez le code INSEE d'une région de 2009.")
    try:
        return taux_applicable(contrat, public, region, jour, jour)
    except AucunArreteApplicable as exc:
        raise SimulationImpossible("region", str(exc)) from exc
    except ValueError as exc:  # unknown public (the contract was checked by the form)
        raise SimulationImpossible("public", str(exc)) from exc


def _public_aci(public: str) -> bool:
    return public == CODE_PUBLIC_ACI


def simuler(
    *,
    contrat: str,
    jour: date,
    heures: Decimal,
    aci: bool = False,
    cofinancement_cg: bool = False,
    taux: Decimal | None = None,
    region: str = "",
    public: str = "",
    libelle_region: str = "",
    libelle_public: str = "",
) -> Simulation:
    """The monthly aid and its split for a rate given (``taux``) or taken from the arrêté (``region`` + ``public``).

    Raises ``SimulationImpossible`` with the field and a French message naming the limit and its source.
    """
    regles: list[str] = []
    erreurs: list[tuple[str, str]] = []  # every error found, raised together at the end
    try:
        verifier_heures_simulees(contrat, heures)
    except SimulationImpossible as exc:
        erreurs += exc.erreurs

    applicable = None
    heures_retenues = heures
    if taux is not None:
        origine = "saisi"
    else:
        origine = "arrete"
        try:
            applicable = _taux_de_l_arrete(contrat, region, public, jour)
        except SimulationImpossible as exc:
            erreurs += exc.erreurs
        else:
            taux = Decimal(applicable.taux)
            aci = aci or _public_aci(public)  # the arrêté's rate for ACI employees has the ACI ceiling
            # The simulator shows the aid within the arrêté's ceiling (a convention above it is refused).
            heures_retenues = heures_dans_le_plafond(heures, getattr(applicable, "heures_max", None))
    erreurs += erreurs_du_taux(contrat, taux, aci, "taux" if origine == "saisi" else "region")
    smic = rsa = None
    try:
        smic = smic_horaire(jour)
    except ParametreInconnu as exc:
        erreurs.append(("date", str(exc)))
    if cofinancement_cg:
        try:
            rsa = rsa_forfaitaire(jour)
        except ParametreInconnu as exc:
            erreurs.append(("date", str(exc)))
    if erreurs:
        raise SimulationImpossible.toutes(erreurs)

    plafond = plafond_taux(contrat, aci)
    if origine == "saisi":
        regles.append(
            f"Taux de prise en charge saisi : {nombre(taux)} % du SMIC horaire brut, dans la limite du plafond "
            f"légal de {nombre(plafond)} % pour {_le_contrat(contrat, aci)}."
        )
    else:
        lieu = f" de la région {libelle_region}" if libelle_region else ""
        pour = f" pour le public « {libelle_public} »" if libelle_public else ""
        arrete = getattr(applicable, "arrete", None)
        numero = f" n° {arrete.numero}" if getattr(arrete, "numero", "") else ""
        regles.append(
            f"Taux de prise en charge de {nombre(taux)} % fixé par l'arrêté{numero} du préfet de région{lieu}{pour}, "
            f"en vigueur pour une convention conclue le {jour:%d/%m/%Y} (plafond légal : {nombre(plafond)} %)."
        )
        if heures_retenues != heures:
            regles.append(
                f"L'arrêté prend en charge au plus {nombre(heures_retenues)} heures par semaine : l'aide est "
                f"calculée sur {nombre(heures_retenues)} h et non sur {nombre(heures)} h."
            )
    if aci:
        regles.append(
            f"Atelier et chantier d'insertion : le taux d'un CAE peut y atteindre {nombre(PLAFOND_CAE_ACI)} % du SMIC "
            f"({SOURCE_PLAFOND_CAE_ACI})."
        )
    regles.append(f"SMIC horaire brut en vigueur le {jour:%d/%m/%Y} : {euros(smic)}.")
    regles.append(
        f"Durée hebdomadaire prise en charge : {nombre(heures_retenues)} h ; l'aide est versée sur "
        f"{nombre(HEURES_MAX_PRISES_EN_CHARGE)} heures par semaine au plus."
    )
    if contrat == Contrat.CAE and heures_retenues < HEURES_MIN:
        regles.append(
            f"Moins de {nombre(HEURES_MIN)} heures par semaine : possible en CAE seulement, pour une personne "
            f"rencontrant des difficultés particulières d'insertion (L. 5134-26 du code du travail ; {SOURCE_HEURES})."
        )

    aide = aide_mensuelle(taux, smic, heures_retenues)
    regles.append(
        f"Aide mensuelle = {nombre(taux)} % × {euros(smic)} × {nombre(heures_retenues)} h × 52 / 12 = "
        f"{euros(aide)}, arrondie au centime."
    )

    if cofinancement_cg:
        contribution = contribution_cg_maximale(rsa)
        repartition = repartir(aide, Financement.ETAT_CG, contribution)
        regles.append(
            f"Cofinancement du conseil général (bénéficiaire du RSA, CAOM) : {pourcentage(PART_CG_DU_RSA)} du RSA "
            f"forfaitaire pour une personne seule ({euros(rsa)} le {jour:%d/%m/%Y}), soit {euros(contribution)} par "
            f"mois au plus, sans dépasser l'aide ; l'État verse le reste ({SOURCE_CAOM})."
        )
        if repartition.part_etat == 0:
            regles.append("L'aide ne dépasse pas la contribution du conseil général : il la verse en totalité.")
    else:
        repartition = repartir(aide, Financement.ETAT, Decimal(0))
        regles.append("Sans cofinancement du conseil général, l'État verse toute l'aide.")

    return Simulation(
        contrat=contrat,
        date=jour,
        smic_horaire=smic,
        taux=taux,
        heures=heures_retenues,
        aide_mensuelle=repartition.aide_mensuelle,
        part_conseil_general=repartition.part_conseil_general,
        part_etat=repartition.part_etat,
        regles=tuple(regles),
    )


def _le_contrat(contrat: str, aci: bool) -> str:
    if contrat == Contrat.CIE:
        return f"un CIE ({SOURCE_PLAFOND_CIE})"
    if aci:
        return f"un CAE en atelier et chantier d'insertion ({SOURCE_PLAFOND_CAE_ACI})"
    return f"un CAE ({SOURCE_PLAFOND_CAE})"
