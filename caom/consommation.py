"""Consumption of each CAOM by the conventions it co-finances, without importing ``conventions``.

``conventions`` sits above ``caom`` in the layers: it registers its providers here in
``ConventionsConfig.ready()``::

    from caom.consommation import enregistrer_fournisseur, enregistrer_fournisseur_hors_caom
    enregistrer_fournisseur(selectors.lignes_consommation_caom)          # (caom_ids) -> [LigneConsommation]
    enregistrer_fournisseur_hors_caom(selectors.rsa_hors_caom)          # (departement_ids, annee) -> {dep_id: n}

A ``LigneConsommation`` counts the conventions **entered** in one month (``mois`` = 1st of the month of the
start of the contract) in one category, and the amounts they **commit** (monthly CG / State share × planned
length). Each convention belongs to exactly one category: a CAE whose rate the conseil général raised is a
``cae_majores`` line only; the CAOM's volume of co-financed CAE counts ``cae_cofinances`` + ``cae_majores``.

Without a registered provider, consumption is zero and ``disponible`` is False (pages say so).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CATEGORIES = ("cae_cofinances", "cae_majores", "cae_cg_seul", "cie_cofinances")
LIBELLES_CATEGORIES = {
    "cae_cofinances": "CAE cofinancés (dont majorés)",
    "cae_majores": "CAE à taux majoré",
    "cae_cg_seul": "CAE financés en totalité par le conseil général",
    "cie_cofinances": "CIE cofinancés",
}
# Which consumption categories count against which volume of the CAOM (field name).
VOLUMES = {
    "cae_cofinances": ("nb_cae_cofinances", ("cae_cofinances", "cae_majores")),
    "cae_majores": ("nb_cae_majores", ("cae_majores",)),
    "cae_cg_seul": ("nb_cae_cg_seul", ("cae_cg_seul",)),
    "cie_cofinances": ("nb_cie_cofinances", ("cie_cofinances",)),
}
SEUIL_ALERTE = Decimal(90)
ZERO = Decimal("0.00")


class Niveau:
    NORMAL = "normal"
    ALERTE_90 = "alerte_90"
    DEPASSE = "depasse"


LIBELLES_NIVEAUX = {
    Niveau.NORMAL: "Consommation normale",
    Niveau.ALERTE_90: "Alerte : 90 % atteints",
    Niveau.DEPASSE: "Dépassement",
}


@dataclass(frozen=True)
class LigneConsommation:
    caom_id: int
    mois: date  # 1st of the month
    categorie: str  # one of CATEGORIES
    nombre: int
    montant_cg: Decimal
    montant_etat: Decimal

    def __post_init__(self):
        if self.categorie not in CATEGORIES:
            raise ValueError(f"Catégorie de consommation « {self.categorie} » inconnue : {', '.join(CATEGORIES)}.")
        if self.mois.day != 1:
            raise ValueError("Le mois d'une ligne de consommation est le 1er du mois.")


Fournisseur = Callable[[list[int]], list[LigneConsommation]]
# (caom_ids, jour) -> {caom_id: budget}: committed, due to date, paid and to recover, in euros (``paiements``).
FournisseurBudget = Callable[[list[int], date], dict]
_fournisseurs_budget: list[FournisseurBudget] = []
FournisseurHorsCaom = Callable[[list[int], int], dict[int, int]]
_fournisseurs: list[Fournisseur] = []
_fournisseurs_hors_caom: list[FournisseurHorsCaom] = []


def enregistrer_fournisseur(fonction: Fournisseur) -> Fournisseur:
    """Register ``fonction(caom_ids) -> list[LigneConsommation]`` (idempotent; usable as a decorator)."""
    if fonction not in _fournisseurs:
        _fournisseurs.append(fonction)
    return fonction


def enregistrer_fournisseur_hors_caom(fonction: FournisseurHorsCaom) -> FournisseurHorsCaom:
    """Register ``fonction(departement_ids, annee) -> {departement_id: number}``: RSA beneficiaries' conventions
    funded by the State alone, outside any CAOM (the "situation dégradée" of Annexe 2)."""
    if fonction not in _fournisseurs_hors_caom:
        _fournisseurs_hors_caom.append(fonction)
    return fonction


def enregistrer_fournisseur_budget(fonction: FournisseurBudget) -> FournisseurBudget:
    """Register ``fonction(caom_ids, jour) -> {caom_id: budget}``: the money of the conventions each CAOM
    co-finances (committed, due to date, paid by the ASP, to recover), from their schedules."""
    if fonction not in _fournisseurs_budget:
        _fournisseurs_budget.append(fonction)
    return fonction


def budgets(caom_ids: list[int], jour: date) -> dict:
    """{caom_id: budget} from the registered provider (empty without one: the pages say so)."""
    resultat: dict = {}
    for fournisseur in _fournisseurs_budget:
        resultat.update(fournisseur(list(caom_ids), jour))
    return resultat


def retirer_fournisseur(fonction) -> None:
    """Unregister a provider (tests)."""
    for liste in (_fournisseurs, _fournisseurs_hors_caom, _fournisseurs_budget):
        if fonction in liste:
            liste.remove(fonction)


@contextmanager
def fournisseurs_isoles():
    """Tests: run with empty registries (the real providers are put back afterwards)."""
    sauvegarde = list(_fournisseurs), list(_fournisseurs_hors_caom), list(_fournisseurs_budget)
    _fournisseurs.clear()
    _fournisseurs_hors_caom.clear()
    _fournisseurs_budget.clear()
    try:
        yield
    finally:
        _fournisseurs[:], _fournisseurs_hors_caom[:], _fournisseurs_budget[:] = sauvegarde


def consommation_disponible() -> bool:
    return bool(_fournisseurs)


@dataclass
class MoisConsommation:
    mois: date
    nombres: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    montant_cg: Decimal = ZERO
    montant_etat: Decimal = ZERO
    cumul_total: Decimal = ZERO  # committed amount since the first month (CG + State)

    @property
    def montant_total(self) -> Decimal:
        return self.montant_cg + self.montant_etat


@dataclass
class ConsommationCaom:
    caom_id: int
    disponible: bool
    nombres: dict[str, int]  # conventions per category (raw, each convention in one category)
    consommes: dict[str, int]  # counted against each volume (see VOLUMES)
    volumes: dict[str, int]
    taux: dict[str, Decimal | None]  # percent of each volume consumed; None when the volume is 0
    montant_cg: Decimal
    montant_etat: Decimal
    enveloppe_totale: Decimal | None
    taux_enveloppe: Decimal | None
    par_mois: list[MoisConsommation]
    niveau: str

    @property
    def montant_total(self) -> Decimal:
        return self.montant_cg + self.montant_etat

    @property
    def nombre_conventions(self) -> int:
        return sum(self.nombres.values())

    @property
    def libelle_niveau(self) -> str:
        return LIBELLES_NIVEAUX[self.niveau]

    def lignes_volumes(self):
        """(label, planned, consumed, rate) per volume, for the templates."""
        return [(LIBELLES_CATEGORIES[c], self.volumes[c], self.consommes[c], self.taux[c]) for c in CATEGORIES]


def _pourcentage(consomme, prevu) -> Decimal | None:
    if not prevu:
        return None
    return (Decimal(consomme) * 100 / Decimal(prevu)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def niveau_alerte(taux: Iterable[Decimal | None], depassement_sans_volume: bool = False) -> str:
    """``depasse`` above 100 % of any volume or of the envelope, ``alerte_90`` from 90 %, else ``normal``."""
    valeurs = [t for t in taux if t is not None]
    if depassement_sans_volume or any(t > 100 for t in valeurs):
        return Niveau.DEPASSE
    if any(t >= SEUIL_ALERTE for t in valeurs):
        return Niveau.ALERTE_90
    return Niveau.NORMAL


def _lignes(caom_ids: list[int]) -> list[LigneConsommation]:
    lignes: list[LigneConsommation] = []
    for fournisseur in _fournisseurs:
        lignes.extend(fournisseur(caom_ids))
    return lignes


def agreger(
    caom_id: int, volumes: dict[str, int], enveloppe_totale: Decimal | None, lignes: Iterable[LigneConsommation]
) -> ConsommationCaom:
    """Pure aggregation of one CAOM's lines against its volumes (keyed by category) and envelope."""
    nombres = dict.fromkeys(CATEGORIES, 0)
    mois: dict[date, MoisConsommation] = {}
    montant_cg = montant_etat = ZERO
    for ligne in lignes:
        nombres[ligne.categorie] += ligne.nombre
        m = mois.setdefault(ligne.mois, MoisConsommation(ligne.mois))
        m.nombres[ligne.categorie] += ligne.nombre
        m.montant_cg += ligne.montant_cg
        m.montant_etat += ligne.montant_etat
        montant_cg += ligne.montant_cg
        montant_etat += ligne.montant_etat
    cumul = ZERO
    par_mois = sorted(mois.values(), key=lambda m: m.mois)
    for m in par_mois:
        cumul += m.montant_total
        m.cumul_total = cumul
    consommes = {c: sum(nombres[s] for s in VOLUMES[c][1]) for c in CATEGORIES}
    taux = {c: _pourcentage(consommes[c], volumes.get(c, 0)) for c in CATEGORIES}
    taux_enveloppe = _pourcentage(montant_cg + montant_etat, enveloppe_totale) if enveloppe_totale else None
    sans_volume = any(consommes[c] and not volumes.get(c, 0) for c in CATEGORIES)
    return ConsommationCaom(
        caom_id=caom_id,
        disponible=consommation_disponible(),
        nombres=nombres,
        consommes=consommes,
        volumes={c: volumes.get(c, 0) for c in CATEGORIES},
        taux=taux,
        montant_cg=montant_cg,
        montant_etat=montant_etat,
        enveloppe_totale=enveloppe_totale,
        taux_enveloppe=taux_enveloppe,
        par_mois=par_mois,
        niveau=niveau_alerte([*taux.values(), taux_enveloppe], sans_volume),
    )


def consommation(caoms, enveloppes: dict | None = None) -> dict[int, ConsommationCaom]:
    """Consumption of each CAOM (model instances): one call to each provider for all of them.

    ``enveloppes`` ({caom_id: Enveloppe or None}) spares computing envelopes the caller already has."""
    from .selectors import enveloppe_ou_rien

    caoms = list(caoms)
    cache: dict = {}
    par_caom: dict[int, list[LigneConsommation]] = defaultdict(list)
    if caoms:
        for ligne in _lignes([c.pk for c in caoms]):
            par_caom[ligne.caom_id].append(ligne)
    resultat = {}
    for caom in caoms:
        volumes = {c: getattr(caom, VOLUMES[c][0]) for c in CATEGORIES}
        enveloppe = enveloppes[caom.pk] if enveloppes and caom.pk in enveloppes else enveloppe_ou_rien(caom, cache)
        total = enveloppe.total if enveloppe else None
        resultat[caom.pk] = agreger(caom.pk, volumes, total, par_caom.get(caom.pk, []))
    return resultat


def hors_caom(departements, annee: int) -> dict[int, int]:
    """RSA beneficiaries' conventions funded by the State alone outside any CAOM, per département id."""
    ids = [d if isinstance(d, int) else d.pk for d in departements]
    resultat = dict.fromkeys(ids, 0)
    for fournisseur in _fournisseurs_hors_caom:
        for dep_id, nombre in fournisseur(ids, annee).items():
            if dep_id in resultat:
                resultat[dep_id] += nombre
    return resultat
