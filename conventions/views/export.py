"""The XLSX export of the filtered list of conventions, WITHOUT the NIR (nor any other identifier of the
employee than their name). Direct download for ordinary lists; large ones (more than ``SEUIL_DIFFERE`` rows) go
through the deferred work of the ``rappels`` app when it offers it (``export_differe``, registered there)."""

from cui_portal import horloge
from cui_portal.exports import classeur_xlsx, fichier_xlsx

from ..filters import ConventionFilter
from ..models import Convention
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
]


def queryset_export(perimetre, parametres, nir: str | None = None):
    """The filtered list; a search by NIR comes as the NIR itself (from the session) or as its hash (a job)."""
    qs = (
        Convention.objects.visibles_par(perimetre)
        .avec_statut_du_jour()  # the status of the day computed by the database, not row by row
        .select_related("employeur", "salarie", "prescripteur", "departement", "region", "public")
        .order_by("-date_conclusion", "-pk")
    )
    if nir:
        qs = filtrer_par_nir(qs, nir)
    elif parametres and parametres.get(EMPREINTE):
        qs = filtrer_par_empreinte(qs, parametres[EMPREINTE])
    return ConventionFilter(parametres, queryset=qs, perimetre=perimetre).qs


def ligne(c) -> list:
    return [
        c.numero or "(brouillon)",
        c.type_contrat,
        c.get_nature_display(),
        c.get_statut_actuel_display(),
        c.prescripteur.nom,
        c.employeur.raison_sociale,
        c.employeur.siret,
        c.region.nom,
        str(c.departement),
        f"{c.salarie.nom} {c.salarie.prenom}",
        c.public.libelle if c.public else "",
        c.date_conclusion,
        c.date_embauche,
        c.date_debut,
        c.date_fin,
        c.duree_hebdo_travail,
        c.duree_hebdo_prise_en_charge,
        c.taux,
        c.aide_mensuelle,
        c.part_etat,
        c.part_conseil_general,
        c.get_financement_display(),
        "oui" if c.immersion else "non",
        "oui" if c.declaration_tardive else "non",
    ]


def lignes(qs, progression=None):
    total = qs.count() if progression else 0
    for i, c in enumerate(qs.iterator(chunk_size=2000), start=1):
        if progression and (i % 200 == 0 or i == total):
            progression(95 * i // max(total, 1))
        yield ligne(c)


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
