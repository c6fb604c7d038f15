"""The law's vocabulary: contract types, statuses, sectors, legal statuses, financing, roles (French labels).

Every ``TextChoices`` of the domain that the law names is defined here once; models, forms, rules and templates
use them.
"""

from django.db import models

# --- vocabulary ---


class Role(models.TextChoices):
    PRESCRIPTEUR = "prescripteur", "Prescripteur"
    CORRESPONDANT_REGIONAL = "correspondant_regional", "Correspondant régional"
    GESTIONNAIRE_REGIONAL = "gestionnaire_regional", "Gestionnaire régional"
    NATIONAL = "national", "National (DGEFP / MIP)"
    CONSEIL_GENERAL = "conseil_general", "Conseil général"
    ADMINISTRATEUR = "administrateur", "Administrateur"


class Contrat(models.TextChoices):
    """The two contracts of the CUI, the only ones that open the aid from 1 January 2010."""

    CAE = "CAE", "CAE – contrat d'accompagnement dans l'emploi"
    CIE = "CIE", "CIE – contrat initiative emploi"


class TypeContrat(models.TextChoices):
    """The contract of a convention: the CUI's two, and the plan de cohésion sociale's, which run to their end."""

    CAE = "CAE", "CAE – contrat d'accompagnement dans l'emploi"
    CIE = "CIE", "CIE – contrat initiative emploi"
    CAE_PCS = "CAE_PCS", "CAE (plan de cohésion sociale)"
    CIE_PCS = "CIE_PCS", "CIE (plan de cohésion sociale)"
    CAV = "CAV", "Contrat d'avenir"
    CI_RMA = "CI_RMA", "CI-RMA – contrat insertion-revenu minimum d'activité"


CONTRATS_CUI = frozenset({TypeContrat.CAE, TypeContrat.CIE})
CONTRATS_PCS = frozenset({TypeContrat.CAE_PCS, TypeContrat.CIE_PCS, TypeContrat.CAV, TypeContrat.CI_RMA})
# Non-market contracts (a CAE may go under 20 h for particular difficulties; so could the old CAE / CAV).
CONTRATS_NON_MARCHANDS = frozenset({TypeContrat.CAE, TypeContrat.CAE_PCS, TypeContrat.CAV})


class StatutConvention(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    CONCLUE = "conclue", "Conclue"
    EN_COURS = "en_cours", "En cours"
    TERMINEE = "terminee", "Terminée"
    SUSPENDUE = "suspendue", "Suspendue"
    ROMPUE = "rompue", "Rompue"
    # Concluded by mistake, then annulled (reason kept in the history): it counts in no figure, keeps its number.
    ANNULEE = "annulee", "Annulée"


# Not counted in any figure (entries, budgets, schedule, indicators, CAOM consumption, exports by default): a draft
# is not a prescription, an annulled convention never was one.
STATUTS_HORS_CHIFFRES = frozenset({StatutConvention.BROUILLON, StatutConvention.ANNULEE})


class Financement(models.TextChoices):
    ETAT = "etat", "État seul"
    ETAT_CG = "etat_cg", "État et conseil général (bénéficiaire du RSA, CAOM)"
    CG = "cg", "Conseil général seul"


class StatutJuridique(models.TextChoices):
    COLLECTIVITE_TERRITORIALE = "collectivite_territoriale", "Collectivité territoriale"
    ASSOCIATION = "association", "Association"
    ACI = "aci", "Atelier et chantier d'insertion"
    ETABLISSEMENT_PUBLIC = "etablissement_public", "Établissement public administratif"
    AUTRE_NON_MARCHAND = "autre_non_marchand", "Autre employeur non marchand"
    ENTREPRISE = "entreprise", "Entreprise"
    EPIC = "epic", "Établissement public industriel et commercial"
    AUTRE_MARCHAND = "autre_marchand", "Autre employeur marchand"


class Secteur(models.TextChoices):
    MARCHAND = "marchand", "Secteur marchand (CIE)"
    NON_MARCHAND = "non_marchand", "Secteur non marchand (CAE)"


# Employer legal status -> sector (L. 5134-21 for the CAE, L. 5134-66 for the CIE).
SECTEUR_PAR_STATUT = {
    StatutJuridique.COLLECTIVITE_TERRITORIALE: Secteur.NON_MARCHAND,
    StatutJuridique.ASSOCIATION: Secteur.NON_MARCHAND,
    StatutJuridique.ACI: Secteur.NON_MARCHAND,
    StatutJuridique.ETABLISSEMENT_PUBLIC: Secteur.NON_MARCHAND,
    StatutJuridique.AUTRE_NON_MARCHAND: Secteur.NON_MARCHAND,
    StatutJuridique.ENTREPRISE: Secteur.MARCHAND,
    StatutJuridique.EPIC: Secteur.MARCHAND,
    StatutJuridique.AUTRE_MARCHAND: Secteur.MARCHAND,
}
# Employers of the CAE-jeunes programme: collectivités territoriales and associations, not ACI (circular 2009-38).
STATUTS_CAE_JEUNES = frozenset({StatutJuridique.COLLECTIVITE_TERRITORIALE, StatutJuridique.ASSOCIATION})
