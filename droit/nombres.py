"""The law's numbers, defined once: limits, delays, ceilings, shares, and the sources to cite.

Every legal limit and every legal delay lives here; rules, models, forms, the simulator, reminders and templates
import them (templates read them through the ``droit`` context variable).
Sources: loi n° 2008-1249 du 1er décembre 2008 ; décret n° 2009-1442 du 25 novembre 2009 ; code du travail
(L. 5134-19-1 à L. 5134-34 pour le CAE, L. 5134-65 à L. 5134-73 pour le CIE) ; circulaires DGEFP 2009-38
(programme CAE-jeunes) et 2009-42 (contrat unique d'insertion).
"""

from datetime import date, timedelta
from decimal import Decimal

# --- sources, named once ---

SOURCE_CIRCULAIRE = "circulaire DGEFP 2009-42, annexe 1"
SOURCE_CAOM = "circulaire DGEFP 2009-42, annexe 2"
SOURCE_ARRETE = "circulaire DGEFP 2009-42, annexe 3"
SOURCE_CAE_JEUNES = "circulaire DGEFP 2009-38"
SOURCE_HEURES = f"{SOURCE_CIRCULAIRE}, question 4"
SOURCE_DUREE_MIN = "L. 5134-25 et L. 5134-69-2 du code du travail"
SOURCE_DUREE_MAX = f"L. 5134-23-1 du code du travail ; {SOURCE_CIRCULAIRE}, question 4"
SOURCE_IMMERSION = f"décret n° 2009-1442 du 25 novembre 2009 ; {SOURCE_CIRCULAIRE}"
SOURCE_DECLARATION = "R. 5134-44 et R. 5134-65 du code du travail"
SOURCE_PAIEMENT_OPERATEUR = f"{SOURCE_CAE_JEUNES}, § 1.2"
SOURCE_PLAFOND_CAE = "L. 5134-30 du code du travail"
SOURCE_PLAFOND_CAE_ACI = "L. 5134-30 du code du travail ; circulaire DGEFP 2009-42"
SOURCE_PLAFOND_CIE = "L. 5134-72 du code du travail"
SOURCE_CONSERVATION = "R. 5134-23 du code du travail"
SOURCE_COFINANCEMENT_RSA = "L. 5134-19-1 du code du travail"  # the CG funds conventions of RSA beneficiaries
SOURCE_CAOM_PREALABLE = "L. 5134-19-4 du code du travail ; circulaire DGEFP 2009-42, annexe 2"
SOURCE_OPERATEUR_ASP = f"{SOURCE_CAE_JEUNES}, § 1.1"
# Events of the work contract (Code du travail as in force in 2010)
SOURCE_RUPTURE_CDD = "L. 1243-1 et L. 1243-2 du code du travail"
SOURCE_RUPTURE_CUI = {"CAE": "L. 5134-28 du code du travail", "CIE": "L. 5134-70 du code du travail"}
SOURCE_PERIODE_ESSAI_CDD = "L. 1242-10 du code du travail"
SOURCE_PERIODE_ESSAI_CDI = "L. 1221-19 du code du travail"
# The tutor and the référent (décret n° 2009-1442 du 25 novembre 2009): R. 5134-37 / R. 5134-38 for the CAE,
# R. 5134-60 / R. 5134-61 for the CIE (wording read in later consolidations: see the README's note).
SOURCE_TUTEUR = {"CAE": "R. 5134-38 du code du travail", "CIE": "R. 5134-61 du code du travail"}
SOURCE_REFERENT = {"CAE": "R. 5134-37 du code du travail", "CIE": "R. 5134-60 du code du travail"}
SOURCE_CIRCULAIRE_TUTEUR = "circulaire DGEFP 2009-42, question 4, point 4"
# The rest of the Cerfa n° 13998*01 (Code du travail as in force in 2010)
SOURCE_CERFA = "Cerfa n° 13998*01"
# L. 5134-22: « La demande d'aide [...] indique les modalités d'orientation et d'accompagnement professionnel de la
# personne sans emploi et prévoit des actions de formation professionnelle et de validation des acquis de
# l'expérience nécessaires à la réalisation de son projet professionnel » (CAE; our reading of the 2010 text, the
# circulars in the seeds do not quote it). For the CIE we read no such obligation: its actions stay optional.
# Circular 2009-42 (annexe 1, question 4, point 4): the employer's bilan of those actions before a new convention.
SOURCE_ACTIONS_CAE = "L. 5134-22 du code du travail"
SOURCE_EXCLUSIONS_CIE = "L. 5134-68 du code du travail"
SOURCE_SMIC = "L. 3231-2 du code du travail"

# --- dates ---

DATE_CUI = date(2010, 1, 1)  # entrée en vigueur du contrat unique d'insertion

# The circular's exceptional mode of co-financing: a CAOM not formalised « avant la fin du 1er trimestre »
# (2010) of its year, under a specific instruction, pending its signature (circular 2009-42, annexe 2).
MOIS_FIN_DU_PREMIER_TRIMESTRE = 3


def fin_du_premier_trimestre(annee: int) -> date:
    """The last day of the first quarter of ``annee`` (31 March)."""
    return date(annee, MOIS_FIN_DU_PREMIER_TRIMESTRE + 1, 1) - timedelta(days=1)


# --- weekly hours ---

HEURES_MIN = Decimal(20)  # 20 to 35 h a week; a CAE may go under 20 h for particular difficulties (L. 5134-26)
HEURES_MAX = Decimal(35)
HEURES_MAX_PRISES_EN_CHARGE = Decimal(35)  # the aid is paid on at most 35 h a week

# --- lengths (months) ---

DUREE_MIN_MOIS = 6
DUREE_MIN_AMENAGEMENT_PEINE_MOIS = 3
DUREE_MAX_MOIS = 24
DUREE_MAX_DEROGATOIRE_MOIS = 60
DUREE_MAX_RENOUVELLEMENT_AU_DELA_DE_24_MOIS = 12
AGE_SENIOR = 50  # 60 months for minimum-benefit recipients who turn 50 during the convention
AGE_MAX_CAE_JEUNES = 26
DUREE_MIN_CAE_JEUNES_MOIS = 12

# --- the trial period of the work contract ---
# A CDD: one day a week, within two weeks when its initial length is at most six months, one month beyond
# (L. 1242-10). A CDI: the longest initial maximum of L. 1221-19 (four months, cadres), the employee's category
# being unknown to the portal.
PERIODE_ESSAI_CDD_JOURS_PAR_SEMAINE = 1
PERIODE_ESSAI_CDD_MAX_COURT_SEMAINES = 2
PERIODE_ESSAI_CDD_SEUIL_MOIS = 6
PERIODE_ESSAI_CDD_MAX_LONG_MOIS = 1
PERIODE_ESSAI_CDI_MAX_MOIS = 4
# L. 1243-1 names the inaptitude « constatée par le médecin du travail » from the loi n° 2011-525 du 17 mai 2011
# (published on 18 May, in force the next day); in 2010 a CDD ends early only by agreement, serious misconduct or
# force majeure.
DATE_INAPTITUDE_RUPTURE_CDD = date(2011, 5, 19)

# --- the tutor (R. 5134-38 for the CAE, R. 5134-61 for the CIE) ---
TUTEUR_EXPERIENCE_MIN_ANS = 2  # a qualified volunteer employee with at least two years' professional experience
TUTEUR_SALARIES_MAX = 3  # following at most three employees of the same contract at once

# --- the CIE's exclusions (L. 5134-68) ---
LICENCIEMENT_ECONOMIQUE_MOIS = 6  # no dismissal for economic reasons in the six months before the hire

# The Cerfa's boxes of the employee's length of registration at Pôle emploi (months): < 6, 6–11, 12–23, 24 and more
TRANCHES_INSCRIPTION_MOIS = (6, 12, 24)

# --- the calendar of a campaign ---
# Arrêtés are due end of November, the CAOM state on 30 November, the signature before 31 December: from
# September the regions work on next year (circular 2009-42, annexes 2 and 3).
MOIS_DE_LA_CAMPAGNE_SUIVANTE = 9

# --- delays (days) ---

DELAI_DECLARATION_JOURS = 7  # a suspension or a rupture is reported within 7 days
DELAI_PAIEMENT_OPERATEUR_JOURS = 25  # the ASP pays an operator within 25 days of its complete file
# A month of aid still unpaid this many days after its end is flagged (the ASP pays the aid monthly, « à terme
# échu »; the portal's choice of a margin, not a legal delay).
DELAI_PAIEMENT_AIDE_JOURS = 45

# --- rates (percent of the SMIC) ---

PLAFOND_CAE = Decimal(95)
PLAFOND_CAE_ACI = Decimal(105)
PLAFOND_CIE = Decimal(47)
TAUX_MAX = max(PLAFOND_CAE, PLAFOND_CAE_ACI, PLAFOND_CIE)  # the highest ceiling of all (CAE in an ACI)
PART_CG_DU_RSA = Decimal("0.88")  # the conseil général pays 88 % of the RSA montant forfaitaire

# --- immersion (CAE) ---

IMMERSION_DUREE_MAX_MOIS = 1  # each period at most one month
PART_MAX_IMMERSION = Decimal("0.25")  # together at most 25 % of the contract


def nombre(valeur) -> str:
    """A legal number as French prose writes it: « 20 », « 8,25 », « 25 »."""
    return f"{Decimal(valeur).normalize():f}".replace(".", ",")


def pourcentage(part: Decimal) -> str:
    """« 25 % » for ``Decimal("0.25")``, with a non-breaking space before « % » (as before « € »)."""
    return f"{nombre(part * 100)}\u00a0%"


def euros(montant: Decimal) -> str:
    """« 1 043,38 € » for ``Decimal("1043.38")``: a narrow no-break space between thousands, a no-break space
    before « € »."""
    return f"{montant:,.2f}".replace(",", "\u202f").replace(".", ",") + "\u00a0€"


def limite_declaration(date_evenement: date) -> date:
    """The last day to report a suspension or a rupture: ``DELAI_DECLARATION_JOURS`` days after it."""
    return date_evenement + timedelta(days=DELAI_DECLARATION_JOURS)


def echeance_paiement_operateur(date_dossier_complet: date) -> date:
    """The ASP pays an operator within ``DELAI_PAIEMENT_OPERATEUR_JOURS`` days of its complete file (circular
    2009-38, § 1.2)."""
    return date_dossier_complet + timedelta(days=DELAI_PAIEMENT_OPERATEUR_JOURS)


def paiement_de_l_aide_en_retard(fin_du_mois: date, jour: date) -> bool:
    """A month of aid unpaid on ``jour`` is late once ``DELAI_PAIEMENT_AIDE_JOURS`` days have passed since its end."""
    return jour > fin_du_mois + timedelta(days=DELAI_PAIEMENT_AIDE_JOURS)


def annee_de_campagne(jour: date) -> int:
    """The year the arrêtés and CAOM pages show by default: next year from September, else the current one."""
    return jour.year + 1 if jour.month >= MOIS_DE_LA_CAMPAGNE_SUIVANTE else jour.year
