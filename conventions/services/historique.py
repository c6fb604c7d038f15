"""The person's earlier conventions, whatever their organisation, read for the length caps and disclosed in
figures only (``regles.historique``): the query reads contracts, dates and prescripteurs, never a record of a
party, and nothing of it leaves but the totals."""

from datetime import date

from django.db.models import Q

from cui_portal import horloge
from droit.vocabulaire import STATUTS_HORS_CHIFFRES, StatutConvention

from ..models import Convention, Nature
from ..regles.historique import (
    Anterieure,
    Chevauchement,
    Historique,
    chevauchement,
    fin_effective,
    historique_avant,
    message_historique,
)
from ..regles.tuteur import nom_du_tuteur


def chaine_de(convention: Convention) -> list[Convention]:
    """The conventions before this one (renewals by new conventions), oldest first."""
    chaine, courante = [], convention.convention_precedente
    while courante is not None and len(chaine) < 50:
        chaine.insert(0, courante)
        courante = courante.convention_precedente
    return chaine


def debut_de_chaine(convention: Convention) -> date | None:
    """The start of the first convention of a renewal chain (its own start when it renews none)."""
    chaine = chaine_de(convention) if convention.nature == Nature.RENOUVELLEMENT else []
    return chaine[0].date_debut if chaine else convention.date_debut


def anterieures_de(convention: Convention) -> list[Anterieure]:
    """The person's other concluded conventions (same NIR), outside this convention's own chain."""
    salarie = convention.salarie if convention.salarie_id else None
    if salarie is None or salarie.identite_id is None:
        return []
    exclues = [c.pk for c in chaine_de(convention)] + ([convention.pk] if convention.pk else [])
    lignes = (
        Convention.objects.filter(salarie__identite_id=salarie.identite_id, date_debut__isnull=False)
        .exclude(Q(pk__in=exclues) | Q(statut__in=STATUTS_HORS_CHIFFRES))
        .values_list("type_contrat", "date_debut", "date_fin", "date_rupture", "prescripteur_id")
    )
    return [
        Anterieure(type_contrat, debut, fin_effective(fin, rupture), prescripteur != convention.prescripteur_id)
        for type_contrat, debut, fin, rupture, prescripteur in lignes
        if fin_effective(fin, rupture) is not None
    ]


def historique_de(convention: Convention, anterieures: list[Anterieure] | None = None) -> Historique:
    anterieures = anterieures_de(convention) if anterieures is None else anterieures
    return historique_avant(anterieures, debut_de_chaine(convention))


def chevauchement_de(convention: Convention, anterieures: list[Anterieure] | None = None) -> Chevauchement:
    """The person's other conventions (any organisation) running during this one, in figures only."""
    anterieures = anterieures_de(convention) if anterieures is None else anterieures
    return chevauchement(anterieures, convention.date_debut, convention.date_fin)


def suivis_du_tuteur(convention: Convention) -> tuple[tuple[date, date], ...]:
    """The periods of the employer's other conventions (same SIRET, same contract, any organisation) with the same
    tutor: compared by name here, never shown (the rule tells only how many run at once)."""
    nom = nom_du_tuteur(convention.tuteur_nom or "")
    if not nom or convention.employeur_id is None:
        return ()
    lignes = (
        Convention.objects.filter(
            employeur__etablissement_id=convention.employeur.etablissement_id,
            type_contrat=convention.type_contrat,
            date_debut__isnull=False,
            date_fin__isnull=False,
        )
        .exclude(statut__in=STATUTS_HORS_CHIFFRES)
        .exclude(pk=convention.pk)
        .values_list("tuteur_nom", "date_debut", "date_fin", "date_rupture")
    )
    return tuple(
        (debut, fin_effective(fin, rupture)) for tuteur, debut, fin, rupture in lignes if nom_du_tuteur(tuteur) == nom
    )


def etablissement_a_eu_contrats_aides(etablissement_id: int | None, avant: date, sauf: int | None = None) -> bool:
    """Whether the establishment (same SIRET) has a convention concluded before ``avant``, whatever its organisation:
    one fact, nothing of those conventions (circular 2009-42: its bilan then comes before a new convention)."""
    if etablissement_id is None:
        return False
    return (
        Convention.objects.filter(employeur__etablissement_id=etablissement_id, date_conclusion__lt=avant)
        .exclude(statut__in=STATUTS_HORS_CHIFFRES)
        .exclude(pk=sauf)
        .exists()
    )


def a_eu_contrats_aides(convention: Convention) -> bool:
    """The employer's « a déjà employé des contrats aidés », derived from its earlier conventions: the snapshot of a
    concluded convention, else counted on the day of its conclusion (today for a draft without it)."""
    if convention.employeur_id is None:
        return False
    if convention.statut != StatutConvention.BROUILLON:
        return convention.employeur.a_eu_contrats_aides
    jour = convention.date_conclusion or horloge.aujourdhui()
    return etablissement_a_eu_contrats_aides(convention.employeur.etablissement_id, jour, convention.pk)


def annonce_historique(convention: Convention) -> str:
    """The one sentence a page may show about the person's earlier conventions (empty when there are none)."""
    h = historique_de(convention)
    return "" if h.vide else message_historique(h)
