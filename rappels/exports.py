"""The kinds of deferred work this app provides (registered in ``RappelsConfig.ready``).

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


ENTETES_CONVENTIONS = [
    "Numéro",
    "Contrat",
    "Statut",
    "Prescripteur",
    "Employeur",
    "Région",
    "Département",
    "Conclue le",
    "Début",
    "Fin",
    "Heures hebdomadaires",
    "Heures prises en charge",
    "Taux (%)",
    "Aide mensuelle (€)",
    "Part de l'État (€)",
    "Part du conseil général (€)",
    "Financement",
]


def export_conventions(parametres: dict, progression) -> tuple[str, bytes]:
    """The conventions the requester may see, without any identifier of the employee (no NIR, no name).
    Optional parameters: ``statut``, ``type_contrat``, ``annee`` (year of the start of the aid)."""
    from conventions.models import Convention, StatutConvention, TypeContrat

    perimetre = travaux.perimetre_depuis(parametres)
    qs = (
        Convention.objects.visibles_par(perimetre)
        .select_related("employeur", "prescripteur", "departement", "region")
        .order_by("-date_conclusion", "-pk")
    )
    if parametres.get("statut") in StatutConvention.values:
        qs = qs.filter(statut=parametres["statut"])
    if parametres.get("type_contrat") in TypeContrat.values:
        qs = qs.filter(type_contrat=parametres["type_contrat"])
    if str(parametres.get("annee", "")).isdigit():
        qs = qs.filter(date_debut__year=int(parametres["annee"]))

    def ligne(c):
        return [
            c.numero or "(brouillon)",
            c.type_contrat,
            c.get_statut_display(),
            c.prescripteur.nom,
            c.employeur.raison_sociale,
            c.region.nom,
            str(c.departement),
            c.date_conclusion,
            c.date_debut,
            c.date_fin,
            c.duree_hebdo_travail,
            c.duree_hebdo_prise_en_charge,
            c.taux,
            c.aide_mensuelle,
            c.part_etat,
            c.part_conseil_general,
            c.get_financement_display(),
        ]

    contenu = classeur_xlsx([("Conventions", ENTETES_CONVENTIONS, _lignes_avec_progression(qs, ligne, progression))])
    return f"conventions-{timezone.localdate():%Y-%m-%d}.xlsx", contenu


def enregistrer_types() -> None:
    travaux.enregistrer("export_organisations_xlsx", export_organisations, libelle="Export des organisations (XLSX)")
    travaux.enregistrer("export_conventions_xlsx", export_conventions, libelle="Export des conventions (XLSX)")
