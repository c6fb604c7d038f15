"""Drafts and conclusion of a convention (rules, number, aid).

Every write runs in ``transaction.atomic``, checks the rules of ``regles`` (raising ``RegleConventionError``
with every ``Violation``) and records its author in the history (``_history_user``).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from cui_portal import horloge
from droit.vocabulaire import CONTRATS_CUI, Financement, StatutConvention
from referentiels.violation import Violation

from ..models import Convention, TypeContratTravail
from ..models_evenements import SequenceNumero
from ..regles.base import RegleConventionError
from ..regles.convention import BROUILLON_ENREGISTRE, CONCLUSION
from ..regles.statuts import verifier_transition
from .aide import CalculAide, appliquer_aide, arrete_publie, calculer_aide, calculer_aide_du_brouillon, caom_de
from .commun import cae_jeune, creer_sans_doublon, enregistrer, exiger_regles
from .echeancier import ecrire_echeancier
from .historique import a_eu_contrats_aides
from .verification import exiger_conforme, verifier

# --- numbers ---------------------------------------------------------------------------------------


def format_numero(type_contrat: str, code_departement: str, annee: int, rang: int) -> str:
    return f"{type_contrat}-{code_departement.zfill(3)}-{annee}-{rang:06d}"


@transaction.atomic
def allouer_numero(type_contrat: str, departement, annee: int) -> str:
    """Next number for (contract, département, year), e.g. « CAE-075-2010-000123 ». The sequence row is locked
    (``select_for_update``) so concurrent conclusions never get the same number."""
    sequence, _ = SequenceNumero.objects.select_for_update().get_or_create(
        type_contrat=type_contrat, departement=departement, annee=annee
    )
    sequence.dernier += 1
    sequence.save(update_fields=["dernier"])
    return format_numero(type_contrat, departement.code, annee, sequence.dernier)


# --- drafts and conclusion -------------------------------------------------------------------------


def completer(convention: Convention) -> None:
    """Denormalised and default values: territory of the employer, ACI, the référent (the prescripteur unless
    another is named: R. 5134-37, R. 5134-60). The tutor is never filled silently: the employer is the tutor only
    when the form says so (R. 5134-38, R. 5134-61), then under its contact's name."""
    employeur = convention.employeur
    convention.departement_id = employeur.departement_id
    convention.region_id = employeur.departement.region_id
    convention.aci = employeur.est_aci
    if not convention.referent_nom and convention.prescripteur_id:
        convention.referent_nom = convention.prescripteur.nom
    if convention.tuteur_est_employeur and not convention.tuteur_nom:
        convention.tuteur_nom = employeur.contact_nom or employeur.raison_sociale
        convention.tuteur_fonction = convention.tuteur_fonction or "Employeur"
    if convention.type_contrat_travail == TypeContratTravail.CDI:
        convention.date_fin_contrat_travail = None


@transaction.atomic
def enregistrer_brouillon(*, par, convention: Convention | None = None, **champs) -> Convention:
    """Create or update a draft (incomplete values allowed; what is given is checked). A prescripteur has one
    draft per employer and employee: a new one for the same pair takes up the existing draft."""
    convention = brouillon_existant(champs) if convention is None else convention
    if convention is None:
        convention = Convention(**champs)
        completer(convention)
        exiger_conforme(convention, BROUILLON_ENREGISTRE)
        convention = creer_sans_doublon(convention, par, "Brouillon enregistré", lambda: brouillon_existant(champs))
        noter_contrats_aides(convention, par)
        return convention
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut != StatutConvention.BROUILLON:
        raise RegleConventionError([Violation("statut", "Seul un brouillon se modifie ainsi : passez par un avenant.")])
    for k, v in champs.items():
        setattr(convention, k, v)
    completer(convention)
    exiger_conforme(convention, BROUILLON_ENREGISTRE)
    enregistrer(convention, par, "Brouillon enregistré")
    noter_contrats_aides(convention, par)
    return convention


def noter_contrats_aides(convention: Convention, par) -> None:
    """The draft's record of its employer says what its earlier conventions say (same SIRET, any organisation,
    concluded before): written at each write of the draft and at the conclusion, then kept as signed."""
    valeur = a_eu_contrats_aides(convention)
    employeur = convention.employeur
    if employeur.a_eu_contrats_aides != valeur:
        employeur.a_eu_contrats_aides = valeur
        enregistrer(employeur, par, "Contrats aidés antérieurs de l'employeur, d'après ses conventions")


@transaction.atomic
def enregistrer_aide(convention: Convention, *, par, financement: str, caom=None, taux_majore: Decimal | None = None):
    """Step 4 of the entry: the aid of the draft with this financing (and the rate a conseil général raises),
    computed by ``calculer_aide_du_brouillon`` and saved with the parameters used, through the draft's check."""
    calcul, violations = calculer_aide_du_brouillon(convention, financement, taux_majore)
    exiger_regles(violations)
    champs = {"financement": financement, "caom": caom}
    for champ in CHAMPS_DE_L_AIDE:
        champs[champ] = getattr(calcul, champ)
    return enregistrer_brouillon(par=par, convention=convention, **champs)


CHAMPS_DE_L_AIDE = (
    "taux",
    "taux_arrete",
    "arrete",
    "smic_horaire",
    "contribution_cg_max",
    "aide_mensuelle",
    "part_etat",
    "part_conseil_general",
)


def brouillon_existant(champs) -> Convention | None:
    cles = {k: champs.get(k) for k in ("prescripteur_id", "employeur", "salarie")}
    if cles["prescripteur_id"] is None and champs.get("prescripteur") is not None:
        cles["prescripteur_id"] = champs["prescripteur"].pk
    if None in cles.values():
        return None
    return (
        Convention.objects.select_for_update().filter(statut=StatutConvention.BROUILLON, **cles).order_by("pk").first()
    )


def preparer_conclusion(
    convention: Convention, date_conclusion: date | None = None, taux_majore: Decimal | None = None
) -> tuple[CalculAide | None, list[Violation]]:
    """The aid and every violation of the conclusion of ``convention``, changed in memory only (its date of
    conclusion, its defaults, its aid): nothing is written, so the summary of the entry shows what ``conclure``
    would refuse without trying it."""
    convention.date_conclusion = date_conclusion or convention.date_conclusion or horloge.aujourdhui()
    completer(convention)
    violations = []
    if convention.public_id is None and convention.type_contrat in CONTRATS_CUI:
        violations.append(Violation("public", "Indiquez le public prioritaire : il fixe le taux de l'arrêté."))
    debut = convention.date_debut
    publie = True
    if debut and convention.type_contrat in CONTRATS_CUI:
        publie = arrete_publie(convention.region_id, convention.date_conclusion, debut)
    calcul, erreurs_calcul = None, []
    if not violations and debut and convention.duree_hebdo_prise_en_charge:
        try:
            calcul = calculer_aide(
                type_contrat=convention.type_contrat,
                public=convention.public,
                region=convention.region,
                date_conclusion=convention.date_conclusion,
                date_debut=debut,
                heures_prises_en_charge=convention.duree_hebdo_prise_en_charge,
                financement=convention.financement,
                aci=convention.aci,
                taux_majore=taux_majore,
                taux_hors_arrete=convention.taux,
            )
        except RegleConventionError as exc:
            erreurs_calcul = exc.violations
    if calcul is not None:
        appliquer_aide(convention, calcul)  # the rate and the arrêté checked are those of the aid computed
    violations += verifier(convention, CONCLUSION, arrete_publie=publie)
    if calcul is None and not violations:
        violations = erreurs_calcul or [Violation("", "L'aide n'a pas pu être calculée.")]
    elif calcul is None and publie:
        violations += erreurs_calcul
    return calcul, violations


def violations_de_conclusion(convention: Convention, taux_majore: Decimal | None = None) -> list[Violation]:
    """What ``conclure`` would refuse for this draft, read from the database (nothing written)."""
    convention = Convention.objects.get(pk=convention.pk)
    return preparer_conclusion(convention, taux_majore=taux_majore)[1]


@transaction.atomic
def conclure(
    convention: Convention,
    par,
    date_conclusion: date | None = None,
    taux_majore: Decimal | None = None,
) -> Convention:
    """Check every rule, allocate the number, compute and store the aid with the parameters used."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    exiger_regles(verifier_transition(convention.statut, StatutConvention.CONCLUE))
    violations = preparer_conclusion(convention, date_conclusion, taux_majore)[1]
    exiger_regles(violations)
    noter_contrats_aides(convention, par)  # on the day of the conclusion, before it is no longer a draft
    if convention.financement != Financement.ETAT and convention.caom_id is None:
        convention.caom = caom_de(convention.departement_id, convention.date_debut.year)
    if cae_jeune(convention):
        convention.immersion = True  # the Cerfa rubric is ticked systematically in CAE-jeunes
    convention.numero = allouer_numero(convention.type_contrat, convention.departement, convention.date_conclusion.year)
    convention.statut = StatutConvention.CONCLUE
    enregistrer(convention, par, f"Convention conclue sous le numéro {convention.numero}")
    ecrire_echeancier(convention)  # its aid month by month, in the same transaction
    return convention
