"""The kinds of deferred work (registered in ``RappelsConfig.ready``): the organisations list, and the conventions
export that ``conventions.views.export`` provides for its list's "Préparer l'export" button.

Exports scope their rows with the requester's perimeter stored in the parameters, and never contain the NIR.
"""

from django.db.models import Count, Q
from django.utils import timezone

from cui_portal.exports import classeur_xlsx
from referentiels.models import Organisation

from . import travaux


def _lignes_avec_progression(qs, ligne, progression, debut=0, fin=95):
    total = qs.count() or 1
    for i, objet in enumerate(qs.iterator(chunk_size=2000), start=1):
        if i % 200 == 0 or i == total:
            progression(debut + (fin - debut) * i // total)
        yield ligne(objet)


def export_organisations(parametres: dict, progression) -> tuple[str, bytes]:
    perimetre = travaux.perimetre_depuis(parametres)
    qs = (
        Organisation.objects.visibles_par(perimetre)
        .select_related("region", "departement")
        .annotate(nb_membres=Count("habilitations", filter=Q(habilitations__actif=True)))
        .order_by("nom", "pk")
    )
    recherche = str(parametres.get("q", "")).strip()[:100]
    if recherche:
        qs = qs.filter(nom__icontains=recherche)

    def ligne(o):
        return [
            o.nom,
            o.get_type_display(),
            str(o.region or ""),
            str(o.departement or ""),
            o.email,
            o.telephone,
            o.nb_membres,
        ]

    entetes = ["Nom", "Type", "Région", "Département", "Adresse électronique", "Téléphone", "Membres actifs"]
    contenu = classeur_xlsx([("Organisations", entetes, _lignes_avec_progression(qs, ligne, progression))])
    return f"organisations-{timezone.localdate():%Y-%m-%d}.xlsx", contenu


def enregistrer_types() -> None:
    travaux.enregistrer("export_organisations_xlsx", export_organisations, libelle="Export des organisations (XLSX)")
    # The conventions app wrote the export for us (its list's filters, scoped, without the NIR): register it.
    from conventions.views.export import TYPE_TRAVAIL, export_differe

    travaux.enregistrer(TYPE_TRAVAIL, export_differe, libelle="Export des conventions (XLSX)")
