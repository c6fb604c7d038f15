"""The CAOM's figures: its parameters (volumes, weekly hours, rates, average lengths), their checks, and the
financial envelope they imply, line by line (circular DGEFP 2009-42, annexe 2).

The aid itself comes from ``referentiels.aide`` (the one law of the aid); this module only multiplies it by
volumes and average lengths and explains each line.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from droit.nombres import HEURES_MAX, HEURES_MIN, nombre
from droit.vocabulaire import Contrat, Financement
from referentiels.aide import RegleAideError, aide_mensuelle, arrondi, repartir, verifier_taux

from .base import SOURCE, RegleCaomError


@dataclass(frozen=True)
class ParametresCaom:
    nb_cae_cofinances: int = 0
    nb_cae_majores: int = 0
    taux_majore: Decimal | None = None
    nb_cae_cg_seul: int = 0
    nb_cie_cofinances: int = 0
    duree_hebdo_cae: Decimal = Decimal(26)
    taux_etat_cae: Decimal = Decimal(90)
    taux_etat_aci: Decimal = Decimal(105)
    part_aci: Decimal = Decimal(0)  # percent of the co-financed CAE at the arrêté's rate concluded in ACI
    duree_moyenne_cae: Decimal = Decimal("8.25")
    taux_cie: Decimal = Decimal("30.7")
    duree_hebdo_cie: Decimal = Decimal(33)
    duree_moyenne_cie: Decimal = Decimal("9.4")


@dataclass(frozen=True)
class LigneEnveloppe:
    code: str
    libelle: str
    nombre: int
    duree_mois: Decimal
    taux: Decimal
    heures: Decimal
    aide_mensuelle: Decimal
    part_cg_mensuelle: Decimal
    part_etat_mensuelle: Decimal
    total_cg: Decimal
    total_etat: Decimal

    @property
    def total(self) -> Decimal:
        return self.total_cg + self.total_etat

    @property
    def mois_contrat(self) -> Decimal:
        return self.nombre * self.duree_mois

    @property
    def explication(self) -> str:
        return (
            f"{self.nombre} × {_fr(self.duree_mois)} mois × {_fr(self.aide_mensuelle)}\u00a0€ "
            f"({_fr(self.part_cg_mensuelle)}\u00a0€ conseil général + {_fr(self.part_etat_mensuelle)}\u00a0€ État) "
            f"= {_fr(self.total)}\u00a0€"
        )


@dataclass(frozen=True)
class Enveloppe:
    smic_horaire: Decimal
    rsa_forfaitaire: Decimal
    contribution_cg: Decimal
    lignes: tuple[LigneEnveloppe, ...]

    @property
    def total_cg(self) -> Decimal:
        return sum((ligne.total_cg for ligne in self.lignes), Decimal("0.00"))

    @property
    def total_etat(self) -> Decimal:
        return sum((ligne.total_etat for ligne in self.lignes), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return self.total_cg + self.total_etat

    def ligne(self, code: str) -> LigneEnveloppe | None:
        return next((ligne for ligne in self.lignes if ligne.code == code), None)


def _fr(valeur: Decimal) -> str:
    """French writing of an amount (two decimals) or of a length (as few decimals as needed)."""
    valeur = Decimal(valeur)
    texte = f"{valeur:,.2f}" if valeur.as_tuple().exponent <= -2 else f"{valeur.normalize():,f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def _ligne(code, libelle, nombre, duree, taux, heures, aide, repartition) -> LigneEnveloppe:
    mois = Decimal(nombre) * Decimal(duree)
    return LigneEnveloppe(
        code=code,
        libelle=libelle,
        nombre=nombre,
        duree_mois=Decimal(duree),
        taux=Decimal(taux),
        heures=Decimal(heures),
        aide_mensuelle=aide,
        part_cg_mensuelle=repartition.part_conseil_general,
        part_etat_mensuelle=repartition.part_etat,
        total_cg=arrondi(mois * repartition.part_conseil_general),
        total_etat=arrondi(mois * repartition.part_etat),
    )


def nombre_en_aci(p: ParametresCaom) -> int:
    """Co-financed CAE at the arrêté's rate concluded in ACI (raised-rate CAE are counted outside ACI)."""
    base = p.nb_cae_cofinances - p.nb_cae_majores
    n = (Decimal(base) * Decimal(p.part_aci) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return min(int(n), base)


def verifier_parametres(p: ParametresCaom) -> None:
    """The CAOM's own rules on its parameters (the database repeats them as constraints)."""
    for nom, heures in (("CAE", p.duree_hebdo_cae), ("CIE", p.duree_hebdo_cie)):
        if not HEURES_MIN <= Decimal(heures) <= HEURES_MAX:
            raise RegleCaomError(
                f"La durée hebdomadaire prise en charge des {nom} cofinancés va de {nombre(HEURES_MIN)} à "
                f"{nombre(HEURES_MAX)} heures ({SOURCE}) : "
                f"{_fr(Decimal(heures))} h n'est pas possible."
            )
    if min(p.nb_cae_cofinances, p.nb_cae_majores, p.nb_cae_cg_seul, p.nb_cie_cofinances) < 0:
        raise RegleCaomError("Les volumes de contrats d'une CAOM ne peuvent pas être négatifs.")
    if p.nb_cae_majores > p.nb_cae_cofinances:
        raise RegleCaomError(
            f"Les CAE à taux majoré ({p.nb_cae_majores}) font partie des CAE cofinancés ({p.nb_cae_cofinances}) : "
            "ils ne peuvent pas être plus nombreux."
        )
    if p.nb_cae_majores and p.taux_majore is None:
        raise RegleCaomError("Indiquez le taux majoré par le conseil général pour les CAE à taux majoré.")
    if p.taux_majore is not None and p.taux_majore <= p.taux_etat_cae:
        raise RegleCaomError(
            f"Le taux majoré ({_fr(Decimal(p.taux_majore))} %) doit dépasser le taux de l'arrêté "
            f"({_fr(Decimal(p.taux_etat_cae))} %) : sinon il n'y a pas de majoration."
        )
    try:
        verifier_taux(Contrat.CAE, p.taux_etat_cae)
        verifier_taux(Contrat.CAE, p.taux_etat_aci, aci=True)
        verifier_taux(Contrat.CIE, p.taux_cie)
        if p.taux_majore is not None:
            verifier_taux(Contrat.CAE, p.taux_majore, aci=True)
    except RegleAideError as exc:
        raise RegleCaomError(str(exc)) from exc


def enveloppe(p: ParametresCaom, smic_horaire: Decimal, contribution_cg: Decimal, rsa_forfaitaire=None) -> Enveloppe:
    """The financial envelope the CAOM implies, line by line: volume × average months × monthly shares.

    ``contribution_cg`` is ``contribution_cg_maximale(rsa_forfaitaire(date_reference))`` (400.07 € in 2009).
    """
    verifier_parametres(p)
    lignes = []
    h_cae = Decimal(p.duree_hebdo_cae)
    aide_arrete = aide_mensuelle(p.taux_etat_cae, smic_horaire, h_cae)
    n_aci = nombre_en_aci(p)
    n_standard = p.nb_cae_cofinances - p.nb_cae_majores - n_aci
    lignes.append(
        _ligne(
            "cae_cofinances",
            "CAE cofinancés au taux de l'arrêté",
            n_standard,
            p.duree_moyenne_cae,
            p.taux_etat_cae,
            h_cae,
            aide_arrete,
            repartir(aide_arrete, Financement.ETAT_CG, contribution_cg),
        )
    )
    if n_aci:
        aide_aci = aide_mensuelle(p.taux_etat_aci, smic_horaire, h_cae)
        lignes.append(
            _ligne(
                "cae_aci",
                "CAE cofinancés en atelier et chantier d'insertion",
                n_aci,
                p.duree_moyenne_cae,
                p.taux_etat_aci,
                h_cae,
                aide_aci,
                repartir(aide_aci, Financement.ETAT_CG, contribution_cg),
            )
        )
    if p.nb_cae_majores:
        aide_majoree = aide_mensuelle(p.taux_majore, smic_horaire, h_cae)
        lignes.append(
            _ligne(
                "cae_majores",
                "CAE cofinancés à taux majoré par le conseil général (surcoût à sa charge)",
                p.nb_cae_majores,
                p.duree_moyenne_cae,
                p.taux_majore,
                h_cae,
                aide_majoree,
                repartir(aide_majoree, Financement.ETAT_CG, contribution_cg, aide_au_taux_de_l_arrete=aide_arrete),
            )
        )
    if p.nb_cae_cg_seul:
        lignes.append(
            _ligne(
                "cae_cg_seul",
                "CAE financés en totalité par le conseil général",
                p.nb_cae_cg_seul,
                p.duree_moyenne_cae,
                p.taux_etat_cae,
                h_cae,
                aide_arrete,
                repartir(aide_arrete, Financement.CG, contribution_cg),
            )
        )
    h_cie = Decimal(p.duree_hebdo_cie)
    aide_cie = aide_mensuelle(p.taux_cie, smic_horaire, h_cie)
    lignes.append(
        _ligne(
            "cie_cofinances",
            "CIE cofinancés",
            p.nb_cie_cofinances,
            p.duree_moyenne_cie,
            p.taux_cie,
            h_cie,
            aide_cie,
            repartir(aide_cie, Financement.ETAT_CG, contribution_cg),
        )
    )
    return Enveloppe(
        smic_horaire=Decimal(smic_horaire),
        rsa_forfaitaire=Decimal(rsa_forfaitaire) if rsa_forfaitaire is not None else Decimal(0),
        contribution_cg=Decimal(contribution_cg),
        lignes=tuple(lignes),
    )
