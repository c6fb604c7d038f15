"""Pure rules of the CAOM (circular DGEFP 2009-42, Annexe 2): the financial envelope and the negotiation steps.

No ORM here. The aid itself comes from ``referentiels.aide`` (the one law of the aid); this module only
multiplies it by volumes and average lengths and explains each line.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from droit.nombres import HEURES_MAX, HEURES_MIN, fin_du_premier_trimestre, nombre
from droit.vocabulaire import Contrat, Financement
from referentiels.aide import RegleAideError, aide_mensuelle, arrondi, repartir, verifier_taux

SOURCE = "circulaire DGEFP 2009-42, annexe 2"


class RegleCaomError(ValueError):
    """A value or a step the CAOM rules do not allow; the message says why and the source. ``champ``: the field
    of the form it is about, when there is one (the page shows it there)."""

    def __init__(self, message: str, champ: str | None = None):
        super().__init__(message)
        self.champ = champ


# --- the envelope ---------------------------------------------------------------------------------


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


# --- the negotiation ------------------------------------------------------------------------------

NON_ENGAGEE = "non_engagee"
EN_NEGOCIATION = "en_negociation"
ACCORD_DE_PRINCIPE = "accord_de_principe"
DELIBERATION = "deliberation"
SIGNEE = "signee"
ECHEC = "echec"
ORDRE = (NON_ENGAGEE, EN_NEGOCIATION, ACCORD_DE_PRINCIPE, DELIBERATION, SIGNEE)
FINAUX = frozenset({SIGNEE, ECHEC})


def verifier_transition(
    actuel: str,
    cible: str,
    *,
    date_etape: date,
    aujourd_hui: date,
    date_derniere_etape: date | None = None,
    date_deliberation: date | None = None,
    instance_deliberation: str = "",
) -> None:
    """Raise ``RegleCaomError`` when the negotiation may not move from ``actuel`` to ``cible`` on ``date_etape``.

    Steps go forward (intermediate ones may be left out), except that signature needs the conseil général's
    deliberation (its date and body); ``echec`` may be recorded from any step that is not final.
    """
    if cible not in (*ORDRE, ECHEC):
        raise RegleCaomError(f"État de négociation « {cible} » inconnu.")
    if actuel == SIGNEE:
        raise RegleCaomError("La CAOM est signée : toute modification passe désormais par un avenant.")
    if actuel == ECHEC:
        raise RegleCaomError(
            "La négociation a échoué : créez une nouvelle CAOM l'an prochain ou saisissez l'administrateur."
        )
    if cible == actuel:
        raise RegleCaomError("La CAOM est déjà à cette étape.", "statut")
    if date_etape > aujourd_hui:
        raise RegleCaomError(
            f"La date de l'étape ({date_etape:%d/%m/%Y}) ne peut pas être dans le futur.", "date_etape"
        )
    if date_derniere_etape and date_etape < date_derniere_etape:
        raise RegleCaomError(
            f"La date de l'étape ({date_etape:%d/%m/%Y}) précède celle de l'étape précédente "
            f"({date_derniere_etape:%d/%m/%Y}).",
            "date_etape",
        )
    if cible == ECHEC:
        return
    if ORDRE.index(cible) < ORDRE.index(actuel):
        raise RegleCaomError(
            "Une négociation ne revient pas en arrière : enregistrez plutôt un échec si elle échoue.", "statut"
        )
    if cible in (DELIBERATION, SIGNEE):
        if date_deliberation is None or not instance_deliberation:
            raise RegleCaomError(
                "La CAOM ne peut être signée qu'après la délibération du conseil général (commission permanente "
                f"ou assemblée) : indiquez la date et l'instance de la délibération ({SOURCE}).",
                "date_deliberation" if date_deliberation is None else "instance_deliberation",
            )
        if date_deliberation > aujourd_hui:
            raise RegleCaomError(
                f"La date de délibération ({date_deliberation:%d/%m/%Y}) ne peut pas être dans le futur.",
                "date_deliberation",
            )
        if cible == SIGNEE and date_etape < date_deliberation:
            raise RegleCaomError(
                f"La signature ({date_etape:%d/%m/%Y}) ne peut pas précéder la délibération du conseil général "
                f"({date_deliberation:%d/%m/%Y}).",
                "date_etape",
            )


# --- the calendar ---------------------------------------------------------------------------------


def date_rapport(annee: int) -> date:
    """The state of the negotiations for year ``annee`` is reported on 30 November of the year before."""
    return date(annee - 1, 11, 30)


def echeance_signature(annee: int) -> date:
    """CAOM for ``annee`` must be signed before 31 December of the year before, to apply from 1 January."""
    return date(annee - 1, 12, 31)


def relance_de_decembre(aujourd_hui: date, annee: int) -> bool:
    """After 30 November, the CAOM not yet signed are listed against the 31 December deadline."""
    return date_rapport(annee) < aujourd_hui


# --- co-financing of a convention under the CAOM (L. 5134-19-4; annexe 2) ------------------------------


@dataclass(frozen=True)
class CaomDuCofinancement:
    """What the check of a co-financed convention needs to know of a CAOM (no ORM)."""

    libelle: str  # « CAOM 2010 – Paris (75) »
    departement_id: int
    annee: int
    date_signature: date | None = None  # set when signed
    mode_exceptionnel_le: date | None = None  # the region's decision (circular's exceptional mode)
    instruction: str = ""  # the specific instruction it applies


SIGNEE = "signee"
EXCEPTIONNEL = "exceptionnel"


def regime_au(caom: CaomDuCofinancement | None, date_conclusion: date) -> str | None:
    """Under which regime the CAOM lets the conseil général co-finance a convention concluded on
    ``date_conclusion``: ``SIGNEE`` once signed on or before that day (L. 5134-19-4: the CAOM is signed
    *préalablement*), else ``EXCEPTIONNEL`` when the region recorded the circular's exceptional mode on or
    before that day, else None."""
    if caom is None:
        return None
    if caom.date_signature is not None and caom.date_signature <= date_conclusion:
        return SIGNEE
    if caom.mode_exceptionnel_le is not None and caom.mode_exceptionnel_le <= date_conclusion:
        return EXCEPTIONNEL
    return None


def erreurs_mode_exceptionnel(
    *, annee: int, statut: str, date_signature: date | None, date_decision: date | None, instruction: str, aujourd_hui
) -> dict[str, str]:
    """Why the region may not record the circular's exceptional mode on a CAOM, by field: only for a CAOM not
    formalised by the end of the first quarter of its year (31 March), still under negotiation (not signed,
    not failed), by a dated decision (not in the future) applying a specific instruction it names (circular
    2009-42, annexe 2)."""
    erreurs = {}
    fin_t1 = fin_du_premier_trimestre(annee)
    if statut == "signee" or date_signature is not None:
        erreurs["date_decision"] = (
            "La CAOM est signée : les conventions sont cofinancées dans son cadre, le mode exceptionnel ne "
            f"s'applique qu'en attendant sa signature effective ({SOURCE})."
        )
    elif statut == "echec":
        erreurs["date_decision"] = (
            "La négociation de la CAOM a échoué : sans CAOM, l'État seul finance l'aide des bénéficiaires du RSA "
            f"({SOURCE})."
        )
    if date_decision is None:
        erreurs.setdefault("date_decision", "Indiquez la date de la décision.")
    elif date_decision <= fin_t1:
        erreurs.setdefault(
            "date_decision",
            f"Le mode exceptionnel ne se décide qu'une fois constaté que la CAOM {annee} n'a pu être formalisée "
            f"avant la fin du premier trimestre ({fin_t1:%d/%m/%Y}) : décision au plus tôt le "
            f"{fin_t1 + timedelta(days=1):%d/%m/%Y} ({SOURCE}).",
        )
    elif date_decision > aujourd_hui:
        erreurs.setdefault("date_decision", "La décision ne peut être datée d'un jour à venir.")
    if not instruction.strip():
        erreurs["instruction"] = (
            f"Indiquez la référence de l'instruction spécifique qui précise les modalités exceptionnelles ({SOURCE})."
        )
    return erreurs


# --- correct and undo -------------------------------------------------------------------------------


def raison_de_garder(statut: str, nombre_conventions: int, mode_exceptionnel: bool) -> str | None:
    """Why a CAOM may not be deleted (None: it is a draft entered by mistake, deleted with its steps). A signed or
    failed negotiation is part of the region's record; a CAOM under which conventions are co-financed, or whose
    exceptional mode was decided, backs those conventions (L. 5134-19-4; circulaire DGEFP 2009-42, annexe 2)."""
    if statut == SIGNEE:
        return "Une CAOM signée ne se supprime pas : ses volumes changent par avenant."
    if statut == ECHEC:
        return "Une négociation en échec reste dans le suivi de la région : elle ne se supprime pas."
    if mode_exceptionnel:
        return (
            "Le mode exceptionnel de cofinancement a été décidé pour cette CAOM (circulaire DGEFP 2009-42, "
            "annexe 2) : elle ne se supprime plus."
        )
    if nombre_conventions:
        return (
            f"{nombre_conventions} convention(s) individuelle(s) sont rattachées à cette CAOM : elle ne se "
            "supprime pas."
        )
    return None
