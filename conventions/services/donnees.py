"""The plain values of a convention that the rules check (``regles.convention.DonneesConvention``), built from the
database once for every write."""

from ..models import Convention, Nature
from ..regles.convention import DonneesConvention
from ..regles.immersion import Periode
from .parties import personne_de


def chaine_de(convention: Convention) -> list[Convention]:
    """The conventions before this one (renewals by new conventions), oldest first."""
    chaine, courante = [], convention.convention_precedente
    while courante is not None and len(chaine) < 50:
        chaine.insert(0, courante)
        courante = courante.convention_precedente
    return chaine


def donnees_de(convention: Convention, **remplacements) -> DonneesConvention:
    employeur = convention.employeur
    precedente = convention.convention_precedente
    chaine = chaine_de(convention) if convention.nature == Nature.RENOUVELLEMENT else []
    valeurs = {
        "type_contrat": convention.type_contrat,
        "date_conclusion": convention.date_conclusion,
        "date_embauche": convention.date_embauche,
        "date_debut": convention.date_debut,
        "date_fin": convention.date_fin,
        "type_contrat_travail": convention.type_contrat_travail,
        "date_fin_contrat_travail": convention.date_fin_contrat_travail,
        "duree_hebdo_travail": convention.duree_hebdo_travail,
        "duree_hebdo_prise_en_charge": convention.duree_hebdo_prise_en_charge,
        "difficultes_particulieres": convention.difficultes_particulieres,
        "taux": convention.taux,
        "taux_arrete": convention.taux_arrete,
        "financement": convention.financement,
        "aci": convention.aci,
        "secteur": employeur.secteur,
        "personne": personne_de(convention.salarie),
        "nature": convention.nature,
        "bilan_employeur_fourni": convention.bilan_employeur_fourni,
        "employeur_a_eu_contrats_aides": employeur.a_eu_contrats_aides,
        "type_contrat_precedent": precedente.type_contrat if precedente else None,
        "mois_deja_effectues": convention.mois_deja_effectues,
        "debut_chaine": chaine[0].date_debut if chaine else None,
        "fin_precedente": precedente.date_fin if precedente else None,
        "fin_formation": convention.date_fin_formation if convention.formation_en_cours else None,
        "periodes_immersion": [Periode(p.date_debut, p.date_fin) for p in convention.periodes_immersion.all()]
        if convention.pk
        else [],
    }
    valeurs.update(remplacements)
    return DonneesConvention(**valeurs)
