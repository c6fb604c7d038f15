"""The one check of every write on a convention: the builder of the values the rules check, with the change the
write makes (``regles.convention.DonneesConvention``), and of its context (``Contexte``: the weekly hours the
regional arrêté takes in charge at most, read here once for every write), then ``verifier_convention``.

Conclusion, drafts, the aid step of the entry, every avenant, immersion periods, suspension, resumption and
rupture call ``verifier`` (or ``exiger_conforme``): the same rules with the same inputs."""

from datetime import date

from cui_portal import horloge
from droit.vocabulaire import CONTRATS_CUI, Financement
from referentiels.violation import Violation

from ..models import Convention, Nature
from ..models_evenements import TypeAvenant
from ..regles.cerfa import Rubriques
from ..regles.convention import Contexte, Declaration, DonneesConvention, verifier_convention
from ..regles.immersion import Periode
from ..regles.tuteur import Tuteur
from .aide import caom_de, heures_max_de_l_arrete, taux_de_l_arrete
from .commun import exiger_regles
from .historique import (
    a_eu_contrats_aides,
    anterieures_de,
    chevauchement_de,
    debut_de_chaine,
    historique_de,
    suivis_du_tuteur,
)
from .parties import personne_de


def _dernier_renouvellement(convention: Convention):
    if convention.pk is None:
        return None
    return convention.avenants.filter(type=TypeAvenant.RENOUVELLEMENT).order_by("-numero").first()


def donnees_de(convention: Convention, **remplacements) -> DonneesConvention:
    """The values of ``convention`` as it is in memory (with the change the write made to it), ``remplacements``
    for what is not a field (e.g. the immersion periods with a new one, the end before a renewal)."""
    employeur = convention.employeur
    precedente = convention.convention_precedente
    debut_chaine = fin_precedente = None
    if convention.nature == Nature.RENOUVELLEMENT and precedente is not None:
        debut_chaine, fin_precedente = debut_de_chaine(convention), precedente.date_fin
    anterieures = anterieures_de(convention)
    renouvellement = _dernier_renouvellement(convention)
    if renouvellement is not None:
        # Renewed by avenant: the total length is checked from the chain's start to the last renewal.
        debut_chaine, fin_precedente = debut_de_chaine(convention), renouvellement.ancienne_date_fin
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
        "statut": convention.statut,
        "bilan_employeur_fourni": convention.bilan_employeur_fourni,
        "employeur_a_eu_contrats_aides": a_eu_contrats_aides(convention),
        "type_contrat_precedent": precedente.type_contrat if precedente else None,
        "mois_deja_effectues": convention.mois_deja_effectues,
        "debut_chaine": debut_chaine,
        "fin_precedente": fin_precedente,
        "fin_formation": convention.date_fin_formation if convention.formation_en_cours else None,
        "historique": historique_de(convention, anterieures),
        "periodes_immersion": [Periode(p.date_debut, p.date_fin) for p in convention.periodes_immersion.all()]
        if convention.pk
        else [],
        "departement_id": convention.departement_id,
        "caom": caom_du_cofinancement(convention),
        "date_cofinancement": convention.date_conclusion or horloge.aujourdhui(),
        "tuteur": Tuteur(
            nom=convention.tuteur_nom,
            est_employeur=convention.tuteur_est_employeur,
            volontaire=convention.tuteur_volontaire,
            experience_mois=convention.tuteur_experience_mois,
            autres_suivis=suivis_du_tuteur(convention),
        ),
        "chevauchement": chevauchement_de(convention, anterieures),
        "motif_chevauchement": convention.motif_chevauchement,
        "motif_rupture": convention.motif_rupture,
        "date_rupture": convention.date_rupture,
        "motif_suspension": convention.motif_suspension,
        "rubriques": rubriques_de(convention),
    }
    valeurs.update(remplacements)
    return DonneesConvention(**valeurs)


def smic_de_l_embauche(convention: Convention):
    """The SMIC horaire brut the wage is compared with: the one the aid retained, else the SMIC of the hire (None
    when unknown: the rule then waits)."""
    if convention.smic_horaire is not None:
        return convention.smic_horaire
    if convention.date_embauche is None:
        return None
    from referentiels.services import ParametreInconnu, smic_horaire

    try:
        return smic_horaire(convention.date_embauche)
    except ParametreInconnu:
        return None


def rubriques_de(convention: Convention) -> Rubriques:
    """The other rubrics of the Cerfa, from the convention and its own records of its parties."""
    employeur, salarie = convention.employeur, convention.salarie
    return Rubriques(
        emploi_intitule=convention.emploi_intitule,
        code_rome=convention.code_rome,
        salaire_horaire_brut=convention.salaire_horaire_brut,
        smic_horaire=smic_de_l_embauche(convention),
        lieu_travail=convention.lieu_travail,
        periode_essai_jours=convention.periode_essai_jours,
        types_accompagnement=tuple(convention.types_accompagnement or ()),
        types_formation=tuple(convention.types_formation or ()),
        precisions_accompagnement=convention.actions_accompagnement,
        precisions_formation=convention.actions_formation,
        resultat_formation=convention.resultat_formation,
        declaration_cotisations_a_jour=convention.declaration_cotisations_a_jour,
        declaration_sans_licenciement_economique=convention.declaration_sans_licenciement_economique,
        declaration_sans_remplacement=convention.declaration_sans_remplacement,
        inscrit_pole_emploi=salarie.inscrit_pole_emploi,
        inscrit_depuis=salarie.inscrit_depuis,
        identifiant_pole_emploi=salarie.identifiant_pole_emploi,
        numero_urssaf_msa=employeur.numero_urssaf_msa,
        assurance_chomage=employeur.assurance_chomage,
        aci=employeur.est_aci,
        numero_annexe_financiere=employeur.numero_annexe_financiere,
    )


def caom_du_cofinancement(convention: Convention):
    """The CAOM a co-financed convention is checked against: the one chosen, else the département's CAOM of the
    year the convention starts (None for the State alone, or when there is none)."""
    if convention.financement == Financement.ETAT:
        return None
    caom = convention.caom
    if caom is None and convention.departement_id and convention.date_debut:
        caom = caom_de(convention.departement_id, convention.date_debut.year)
    return caom.pour_le_cofinancement() if caom is not None else None


def heures_max_applicables(convention: Convention) -> int | None:
    """The weekly hours the regional arrêté takes in charge at most for this contract and public: the arrêté
    applied (a concluded convention), or the one that would apply at its conclusion (a draft). None when no
    arrêté fixes it (yet): the old contracts, a draft without its public, dates or arrêté."""
    if convention.type_contrat not in CONTRATS_CUI or convention.public_id is None:
        return None
    if convention.arrete_id is not None:
        return heures_max_de_l_arrete(convention)
    if convention.region_id is None or convention.date_debut is None:
        return None
    from arretes.regles import AucunArreteApplicable

    try:
        applicable = taux_de_l_arrete(
            convention.type_contrat,
            convention.public,
            convention.region,
            convention.date_conclusion or horloge.aujourdhui(),
            convention.date_debut,
        )
    except AucunArreteApplicable:
        return None
    return applicable.heures_max


def contexte_de(
    convention: Convention,
    ecriture: str,
    *,
    arrete_publie: bool = True,
    nouveau_statut: str | None = None,
    declaration: tuple[date, date] | None = None,
) -> Contexte:
    return Contexte(
        ecriture=ecriture,
        heures_max_arrete=heures_max_applicables(convention),
        arrete_publie=arrete_publie,
        nouveau_statut=nouveau_statut,
        declaration=Declaration(*declaration) if declaration else None,
    )


def verifier(
    convention: Convention,
    ecriture: str,
    *,
    remplacements: dict | None = None,
    **contexte,
) -> list[Violation]:
    """Every violation of ``convention`` as the write ``ecriture`` leaves it (its fields changed in memory)."""
    return verifier_convention(
        donnees_de(convention, **(remplacements or {})), contexte_de(convention, ecriture, **contexte)
    )


def exiger_conforme(convention: Convention, ecriture: str, **kwargs) -> None:
    """``verifier``, raising ``RegleConventionError`` with every violation."""
    exiger_regles(verifier(convention, ecriture, **kwargs))
