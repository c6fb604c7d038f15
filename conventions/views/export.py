"""The XLSX export of the filtered list of conventions, WITHOUT the NIR (nor any other identifier of the
employee than their name). Direct download for ordinary lists; large ones (more than ``SEUIL_DIFFERE`` rows) go
through the deferred work of the ``rappels`` app when it offers it (``export_differe``, registered there)."""

from cui_portal import horloge
from cui_portal.exports import classeur_xlsx, fichier_xlsx
from droit.vocabulaire import StatutConvention

from ..filters import ConventionFilter
from ..models import Convention
from ..models_cerfa import ActionFormation
from ..recherche_nir import EMPREINTE, filtrer_par_empreinte, filtrer_par_nir

SEUIL_DIFFERE = 2000
TYPE_TRAVAIL = "export_conventions_xlsx"

ENTETES = [
    "Numéro",
    "Contrat",
    "Nature",
    "Statut",
    "Prescripteur",
    "Employeur",
    "SIRET",
    "Région",
    "Département",
    "Salarié",
    "Public prioritaire",
    "Conclue le",
    "Embauche le",
    "Début",
    "Fin",
    "Heures hebdomadaires",
    "Heures prises en charge",
    "Taux (%)",
    "Aide mensuelle (€)",
    "Part de l'État (€)",
    "Part du conseil général (€)",
    "Financement",
    "Immersion",
    "Déclaration tardive",
    "Emploi",
    "Code ROME",
    "Salaire horaire brut (€)",
    "Actions de formation",
]


def queryset_export(perimetre, parametres, nir: str | None = None):
    """The filtered list; a search by NIR comes as the NIR itself (from the session) or as its hash (a job)."""
    qs = Convention.objects.visibles_par(perimetre).order_by("-date_conclusion", "-pk")
    if nir:
        qs = filtrer_par_nir(qs, nir)
    elif parametres and parametres.get(EMPREINTE):
        qs = filtrer_par_empreinte(qs, parametres[EMPREINTE])
    qs = ConventionFilter(parametres, queryset=qs, perimetre=perimetre).qs
    if not parametres or parametres.get("statut") != StatutConvention.ANNULEE:
        qs = qs.exclude(statut=StatutConvention.ANNULEE)  # counted nowhere: exported only when asked for
    return qs


# The columns read by the export: plain tuples from ``values_list`` (no model instance per row, no related
# objects), in the order ``ligne`` reads them.
CHAMPS = (
    "numero",
    "type_contrat",
    "nature",
    "statut_du_jour",
    "prescripteur__nom",
    "employeur__raison_sociale",
    "employeur__siret",
    "region__nom",
    "departement__code",
    "departement__nom",
    "salarie__nom",
    "salarie__prenom",
    "public__libelle",
    "date_conclusion",
    "date_embauche",
    "date_debut",
    "date_fin",
    "duree_hebdo_travail",
    "duree_hebdo_prise_en_charge",
    "taux",
    "aide_mensuelle",
    "part_etat",
    "part_conseil_general",
    "financement",
    "immersion",
    "declaration_tardive",
    "emploi_intitule",
    "code_rome",
    "salaire_horaire_brut",
    "types_formation",
)
FORMATIONS = dict(ActionFormation.choices)


def _libelles(champ: str) -> dict:
    return {str(valeur): str(libelle) for valeur, libelle in Convention._meta.get_field(champ).flatchoices}


def ligne(v: tuple, natures: dict, statuts: dict, financements: dict) -> list:
    (numero, contrat, nature, statut, prescripteur, raison_sociale, siret, region, dep_code, dep_nom, nom, prenom,
     public, conclue, embauche, debut, fin, heures, heures_pec, taux, aide, etat, cg, financement, immersion,
     tardive, emploi, rome, salaire, formations) = v  # fmt: skip
    return [
        numero or "(brouillon)",
        contrat,
        natures.get(nature, nature),
        statuts.get(statut, statut),
        prescripteur,
        raison_sociale,
        siret,
        region,
        f"{dep_code} – {dep_nom}",
        f"{nom} {prenom}",
        public or "",
        None if statut == StatutConvention.BROUILLON else conclue,  # a draft is not concluded
        embauche,
        debut,
        fin,
        heures,
        heures_pec,
        taux,
        aide,
        etat,
        cg,
        financements.get(financement, financement or ""),
        "oui" if immersion else "non",
        "oui" if tardive else "non",
        emploi,
        rome,
        salaire,
        ", ".join(str(FORMATIONS.get(f, f)) for f in formations or ()),
    ]


def lignes(qs, progression=None):
    """The rows of the export, streamed from a server-side cursor (``iterator``), the status of the day computed
    by the database (``avec_statut_du_jour``)."""
    total = qs.count() if progression else 0
    statuts = {valeur: str(libelle) for valeur, libelle in StatutConvention.choices}
    natures, financements = _libelles("nature"), _libelles("financement")
    valeurs = qs.avec_statut_du_jour().values_list(*CHAMPS).iterator(chunk_size=2000)
    for i, v in enumerate(valeurs, start=1):
        if progression and (i % 200 == 0 or i == total):
            progression(95 * i // max(total, 1))
        yield ligne(v, natures, statuts, financements)


def nom_fichier() -> str:
    return f"conventions-{horloge.aujourdhui():%Y-%m-%d}"


def classeur(qs, progression=None) -> bytes:
    return classeur_xlsx([("Conventions", ENTETES, lignes(qs, progression))])


def export_differe(parametres: dict, progression):
    """For ``rappels.travaux``: ``travaux.enregistrer(TYPE_TRAVAIL, export_differe, libelle=…)``; the scope
    is the one stored with the work (``parametres["perimetre"]``). Streamed row by row from the scoped
    queryset's server-side cursor into a temporary file (``fichier_xlsx``): the worker's memory does not grow
    with the number of rows."""
    from cui_portal.permissions import Perimetre

    perimetre = Perimetre(**parametres.get("perimetre", {}))
    filtres = {k: v for k, v in parametres.items() if k != "perimetre"}
    qs = queryset_export(perimetre, filtres)
    return f"{nom_fichier()}.xlsx", fichier_xlsx([("Conventions", ENTETES, lignes(qs, progression))])
