"""The table of the CAOM of a scope (region or nation) and the 30 November report (Annexe 2 / circular body)."""

from dataclasses import dataclass
from datetime import date

from cui_portal.permissions import restreindre
from referentiels.models import Departement

from .consommation import ConsommationCaom, consommation, consommation_disponible, hors_caom
from .models import Caom, StatutCaom
from .regles import Enveloppe, echeance_signature, relance_de_decembre
from .selectors import enveloppe_ou_rien


@dataclass
class LigneCaom:
    departement: Departement
    caom: Caom | None
    enveloppe: Enveloppe | None
    consommation: ConsommationCaom | None
    hors_caom: int
    date_derniere_etape: date | None

    @property
    def statut(self) -> str:
        return self.caom.statut if self.caom else StatutCaom.NON_ENGAGEE

    @property
    def libelle_statut(self) -> str:
        return StatutCaom(self.statut).label

    @property
    def signee(self) -> bool:
        return self.statut == StatutCaom.SIGNEE

    @property
    def a_faire_avancer(self) -> bool:
        return self.statut not in (StatutCaom.SIGNEE, StatutCaom.ECHEC)


def departements_visibles(perimetre, region_id: int | None = None):
    qs = restreindre(
        Departement.objects.select_related("region"), perimetre, departement="pk", region="region_id"
    ).order_by("region__nom", "code")
    if region_id:
        qs = qs.filter(region_id=region_id)
    return qs


def lignes(departements, annee: int) -> list[LigneCaom]:
    """One line per département, with its CAOM for ``annee`` if any (no CAOM: négociation non engagée)."""
    departements = list(departements)
    caoms = {
        c.departement_id: c
        for c in Caom.objects.filter(departement__in=departements, annee=annee).prefetch_related("etapes")
    }
    cache: dict = {}
    enveloppes = {c.pk: enveloppe_ou_rien(c, cache) for c in caoms.values()}
    conso = consommation(caoms.values(), enveloppes)
    hors = hors_caom(departements, annee)
    resultat = []
    for dep in departements:
        caom = caoms.get(dep.pk)
        etapes = list(caom.etapes.all()) if caom else []
        resultat.append(
            LigneCaom(
                departement=dep,
                caom=caom,
                enveloppe=enveloppes[caom.pk] if caom else None,
                consommation=conso.get(caom.pk) if caom else None,
                hors_caom=hors.get(dep.pk, 0),
                date_derniere_etape=max((e.date_etape for e in etapes), default=None),
            )
        )
    return resultat


def lignes_a_faire_avancer(departements, annee: int) -> list[LigneCaom]:
    """The départements whose CAOM for ``annee`` is neither signed nor closed by a failure (none yet included)."""
    return [ligne for ligne in lignes(departements, annee) if ligne.a_faire_avancer]


def contexte_rapport(lignes_caom: list[LigneCaom], annee: int, aujourd_hui: date) -> dict:
    par_statut = dict.fromkeys(StatutCaom.values, 0)
    for ligne in lignes_caom:
        par_statut[ligne.statut] += 1
    relance = relance_de_decembre(aujourd_hui, annee)
    return {
        "lignes": lignes_caom,
        "annee": annee,
        "aujourd_hui": aujourd_hui,
        "decompte": [(StatutCaom(s).label, n) for s, n in par_statut.items()],
        "relance": relance,
        "non_signees": [ligne for ligne in lignes_caom if ligne.a_faire_avancer] if relance else [],
        "echeance": echeance_signature(annee),
        "echeance_depassee": aujourd_hui > echeance_signature(annee),
        "consommation_disponible": consommation_disponible(),
    }


ENTETES = [
    "Région",
    "Département",
    "État de la négociation",
    "Date de la dernière étape",
    "Délibération du conseil général",
    "Instance",
    "Date de signature",
    "CAE cofinancés",
    "dont CAE à taux majoré",
    "Taux majoré (%)",
    "CAE financés par le conseil général seul",
    "CIE cofinancés",
    "Heures hebdomadaires",
    "Enveloppe conseil général (€)",
    "Enveloppe État (€)",
    "Conventions RSA hors CAOM",
]


def lignes_tableur(lignes_caom: list[LigneCaom]):
    for ligne in lignes_caom:
        c = ligne.caom
        yield [
            ligne.departement.region.nom,
            str(ligne.departement),
            ligne.libelle_statut,
            ligne.date_derniere_etape,
            c.date_deliberation if c else None,
            c.get_instance_deliberation_display() if c else "",
            c.date_signature if c else None,
            c.nb_cae_cofinances if c else 0,
            c.nb_cae_majores if c else 0,
            c.taux_majore if c else None,
            c.nb_cae_cg_seul if c else 0,
            c.nb_cie_cofinances if c else 0,
            c.duree_hebdo_cae if c else None,
            ligne.enveloppe.total_cg if ligne.enveloppe else None,
            ligne.enveloppe.total_etat if ligne.enveloppe else None,
            ligne.hors_caom,
        ]
