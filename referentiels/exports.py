"""The organisations list and its deferred XLSX export (the « Préparer l'export » button of the list page):
one filtered queryset for both, so that the file holds exactly the rows the page shows."""

from django.db.models import Count, Q

from cui_portal import horloge, travaux
from cui_portal.exports import fichier_xlsx
from cui_portal.recherche import correspond, texte_recherche

from .models import Organisation, TypeOrganisation

TYPE_TRAVAIL = "export_organisations_xlsx"
ENTETES = ["Nom", "Type", "Région", "Département", "Adresse électronique", "Téléphone", "Membres actifs"]


def filtres_organisations(parametres) -> dict:
    """The list's filters, cleaned: a name search (100 characters at most, without the NUL character PostgreSQL
    refuses) and a known type."""
    recherche = texte_recherche(parametres.get("q", ""))
    type_ = str(parametres.get("type", ""))
    return {"q": recherche, "type": type_ if type_ in TypeOrganisation.values else ""}


def organisations_filtrees(perimetre, filtres: dict):
    qs = (
        Organisation.objects.visibles_par(perimetre)
        .select_related("region", "departement")
        .annotate(nb_membres=Count("habilitations", filter=Q(habilitations__actif=True)))
        .order_by("nom", "pk")
    )
    if filtres.get("q"):
        qs = qs.filter(correspond(["nom"], filtres["q"]))  # without case nor accents
    if filtres.get("type"):
        qs = qs.filter(type=filtres["type"])
    return qs


def _ligne(o) -> list:
    return [
        o.nom,
        o.get_type_display(),
        str(o.region or ""),
        str(o.departement or ""),
        o.email,
        o.telephone,
        o.nb_membres,
    ]


def export_organisations(parametres: dict, progression):
    perimetre = travaux.perimetre_depuis(parametres)
    qs = organisations_filtrees(perimetre, filtres_organisations(travaux.filtres_depuis(parametres)))
    lignes = travaux.lignes_avec_progression(qs.iterator(chunk_size=2000), _ligne, progression, qs.count())
    contenu = fichier_xlsx([("Organisations", ENTETES, lignes)])  # streamed into a temporary file
    return f"organisations-{horloge.aujourdhui():%Y-%m-%d}.xlsx", contenu


def enregistrer_types() -> None:
    travaux.enregistrer(TYPE_TRAVAIL, export_organisations, libelle="Export des organisations (XLSX)")
