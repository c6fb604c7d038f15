"""Reading the aggregates (``IndicateurQuinzaine``): a fixed number of queries whatever the number of conventions.

Each function returns plain dicts ready for templates, exports and the API.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum

from referentiels.models import Region

from . import regles
from .models import IndicateurQuinzaine, ObjectifRegional

SOMMES = (
    "entrees",
    "cae_jeunes",
    "cae_jeunes_immersion",
    "periodes_immersion",
    "somme_taux",
    "somme_heures",
    "somme_duree_mois",
    "nb_mesures",
)


@dataclass
class Chiffres:
    """Entries and averages of one contract type (CAE or CIE) for a territory."""

    entrees: int = 0
    objectif: int | None = None
    somme_taux: Decimal = Decimal(0)
    somme_heures: Decimal = Decimal(0)
    somme_duree_mois: Decimal = Decimal(0)
    nb_mesures: int = 0

    def ajouter(self, ligne: dict):
        self.entrees += ligne["entrees"] or 0
        self.somme_taux += ligne["somme_taux"] or 0
        self.somme_heures += ligne["somme_heures"] or 0
        self.somme_duree_mois += ligne["somme_duree_mois"] or 0
        self.nb_mesures += ligne["nb_mesures"] or 0

    @property
    def realisation(self):
        return regles.taux_pourcent(self.entrees, self.objectif or 0)

    @property
    def taux_moyen(self):
        return regles.moyenne(self.somme_taux, self.nb_mesures)

    @property
    def heures_moyennes(self):
        return regles.moyenne(self.somme_heures, self.nb_mesures)

    @property
    def duree_moyenne(self):
        return regles.moyenne(self.somme_duree_mois, self.nb_mesures)


@dataclass
class Territoire:
    """Indicators of a region (or of the nation, or of a département) for a year."""

    nom: str
    region: Region | None = None
    cae: Chiffres = field(default_factory=Chiffres)
    cie: Chiffres = field(default_factory=Chiffres)
    cae_jeunes: int = 0
    cae_jeunes_immersion: int = 0
    periodes_immersion: int = 0
    objectif_cae_jeunes: int | None = None

    def ajouter(self, ligne: dict):
        type_ = ligne["type_contrat"]
        if type_ == "CAE":
            self.cae.ajouter(ligne)
        elif type_ == "CIE":
            self.cie.ajouter(ligne)
        self.cae_jeunes += ligne["cae_jeunes"] or 0
        self.cae_jeunes_immersion += ligne["cae_jeunes_immersion"] or 0
        self.periodes_immersion += ligne["periodes_immersion"] or 0

    @property
    def taux_immersion(self):
        return regles.taux_pourcent(self.cae_jeunes_immersion, self.cae_jeunes)

    @property
    def realisation_cae_jeunes(self):
        return regles.taux_pourcent(self.cae_jeunes, self.objectif_cae_jeunes or 0)

    def en_dict(self) -> dict:
        def chiffres(c: Chiffres):
            return {
                "entrees": c.entrees,
                "objectif": c.objectif,
                "realisation_pourcent": c.realisation,
                "taux_moyen": c.taux_moyen,
                "heures_hebdo_moyennes": c.heures_moyennes,
                "duree_moyenne_mois": c.duree_moyenne,
            }

        return {
            "territoire": self.nom,
            "code_region": self.region.code_insee if self.region else None,
            "cae": chiffres(self.cae),
            "cie": chiffres(self.cie),
            "cae_jeunes": self.cae_jeunes,
            "objectif_cae_jeunes": self.objectif_cae_jeunes,
            "cae_jeunes_immersion": self.cae_jeunes_immersion,
            "taux_immersion_pourcent": self.taux_immersion,
            "periodes_immersion": self.periodes_immersion,
        }


def empreinte(*parties) -> str:
    """The digest of what a table of indicators shows (each ``Territoire`` with its region, and any other value
    the fragment prints): the key of its rendered HTML in the cache (``{% cache … empreinte %}``). Any figure that
    changes changes the key, so a cached table can never show an old figure; the cache only spares rendering the
    same table again (a third of the dashboard's time)."""
    valeurs = [
        (p.region.pk if p.region else None, p.en_dict()) if isinstance(p, Territoire) else p
        for partie in parties
        for p in (partie if isinstance(partie, list | tuple) else [partie])
    ]
    return hashlib.sha256(repr(valeurs).encode()).hexdigest()


def _lignes(filtre: Q, groupe: tuple[str, ...]):
    return (
        IndicateurQuinzaine.objects.filter(filtre)
        .values(*groupe, "type_contrat")
        .annotate(**{s: Sum(s) for s in SOMMES})
        .order_by()
    )


def _periode_annee(annee: int, jusqu_au: date | None) -> Q:
    filtre = Q(debut_periode__gte=date(annee, 1, 1), debut_periode__lte=date(annee, 12, 31))
    if jusqu_au is not None:
        filtre &= Q(debut_periode__lte=jusqu_au)
    return filtre


def par_region(annee: int, jusqu_au: date | None = None, regions=None) -> tuple[list[Territoire], Territoire]:
    """Indicators of each region (three queries) and the national total, for ``annee`` up to ``jusqu_au``."""
    regions = list(regions if regions is not None else Region.objects.select_related("correspondant_mip"))
    territoires = {r.pk: Territoire(nom=r.nom, region=r) for r in regions}
    national = Territoire(nom="France entière")
    for obj in ObjectifRegional.objects.filter(annee=annee, region__in=territoires.keys()):
        t = territoires[obj.region_id]
        t.cae.objectif, t.cie.objectif, t.objectif_cae_jeunes = (
            obj.objectif_cae,
            obj.objectif_cie,
            obj.objectif_cae_jeunes,
        )
        national.cae.objectif = (national.cae.objectif or 0) + obj.objectif_cae
        national.cie.objectif = (national.cie.objectif or 0) + obj.objectif_cie
        national.objectif_cae_jeunes = (national.objectif_cae_jeunes or 0) + obj.objectif_cae_jeunes
    for ligne in _lignes(_periode_annee(annee, jusqu_au) & Q(region__in=territoires.keys()), ("region_id",)):
        territoires[ligne["region_id"]].ajouter(ligne)
        national.ajouter(ligne)
    return list(territoires.values()), national


def par_departement(region: Region, annee: int, jusqu_au: date | None = None) -> list[Territoire]:
    deps = {d.pk: Territoire(nom=str(d)) for d in region.departements.all()}
    for ligne in _lignes(_periode_annee(annee, jusqu_au) & Q(region=region), ("departement_id",)):
        if ligne["departement_id"] in deps:
            deps[ligne["departement_id"]].ajouter(ligne)
    return list(deps.values())


def chiffres_bilan(region: Region, debut_quinzaine: date) -> dict:
    """The figures a bilan shows: CAE-jeunes of the fortnight and since the start of the programme (one query)."""
    dans = Q(debut_periode=debut_quinzaine)
    depuis = Q(debut_periode__gte=regles.DEBUT_PROGRAMME, debut_periode__lte=debut_quinzaine)
    sommes = {}
    for nom, filtre in (("quinzaine", dans), ("cumul", depuis)):
        for s in ("cae_jeunes", "cae_jeunes_immersion", "periodes_immersion"):
            sommes[f"{nom}_{s}"] = Sum(s, filter=filtre)
    resultat = IndicateurQuinzaine.objects.filter(region=region).aggregate(**sommes)
    resultat = {k: v or 0 for k, v in resultat.items()}
    objectif = ObjectifRegional.objects.filter(region=region, annee=debut_quinzaine.year).first()
    resultat["objectif_cae_jeunes"] = objectif.objectif_cae_jeunes if objectif else None
    resultat["taux_immersion_cumul"] = regles.taux_pourcent(
        resultat["cumul_cae_jeunes_immersion"], resultat["cumul_cae_jeunes"]
    )
    resultat["realisation_cumul"] = (
        regles.taux_pourcent(resultat["cumul_cae_jeunes"], objectif.objectif_cae_jeunes) if objectif else None
    )
    return resultat
