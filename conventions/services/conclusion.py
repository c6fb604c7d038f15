"""Writes on conventions: drafts, conclusion (rules, number, aid), avenants, immersion, suspension and rupture.

Every write runs in ``transaction.atomic``, checks the rules of ``regles`` (raising ``RegleConventionError``
with every ``Violation``) and records its author in the history (``_history_user``). The aid is computed only
by ``referentiels.aide`` (through ``regles.calculer_repartition``) with the SMIC and RSA in force at the start
of the convention and the rate of the regional arrêté in force at its conclusion (``arretes.services``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from stdnum.fr import siret as stdnum_siret

from droit.vocabulaire import CONTRATS_CUI, Financement, StatutConvention
from referentiels.aide import Financement as FinancementAide
from referentiels.aide import contribution_cg_maximale
from referentiels.regles import ParametreInconnu
from referentiels.services import rsa_forfaitaire, smic_horaire

from .models import Convention, Employeur, Nature, Salarie, SequenceNumero, TypeContratTravail
from .models_parties import compacter_nir
from .regles import (
    DonneesConvention,
    Periode,
    Personne,
    RegleConventionError,
    Violation,
    calculer_repartition,
    est_cae_jeune,
    verifier_convention,
    verifier_taux_convention,
    verifier_transition,
)
from .regles_duree import duree_en_mois, duree_en_mois_decimale


def _enregistrer(objet, par, raison: str = "", **kwargs):
    objet._history_user = par
    if raison:
        objet._change_reason = raison
    objet.save(**kwargs)
    return objet


def _creer_sans_doublon(objet, par, raison: str, retrouver):
    """Insert ``objet``; when a concurrent request inserted the same one first (a unique constraint says so),
    return that one instead: the same form submitted twice at once gives one object, never an error."""
    try:
        with transaction.atomic():
            return _enregistrer(objet, par, raison)
    except IntegrityError:
        existant = retrouver()
        if existant is None:
            raise
        return existant


def _exiger(violations: list[Violation]) -> None:
    if violations:
        raise RegleConventionError(violations)


# --- parties ---------------------------------------------------------------------------------------


@transaction.atomic
def trouver_ou_creer_employeur(siret: str, par=None, **champs) -> Employeur:
    """The employer with this SIRET, created with ``champs`` if new; an existing one is updated with the
    non-empty values given."""
    siret = stdnum_siret.compact(siret or "")
    employeur = Employeur.objects.select_for_update().par_siret(siret).first()
    if employeur is None:
        employeur = Employeur(siret=siret, **champs)
        employeur.full_clean(validate_unique=False)  # the database says it, even against a concurrent insert
        return _creer_sans_doublon(
            employeur, par, "Création de l'employeur", lambda: Employeur.objects.par_siret(siret).first()
        )
    modifies = {k: v for k, v in champs.items() if v not in (None, "") and getattr(employeur, k) != v}
    if modifies:
        for k, v in modifies.items():
            setattr(employeur, k, v)
        employeur.full_clean()
        _enregistrer(employeur, par, "Mise à jour de l'employeur")
    return employeur


@transaction.atomic
def trouver_ou_creer_salarie(nir: str, par=None, **champs) -> Salarie:
    """The employee with this NIR (found again for a renewal), created with ``champs`` if new."""
    salarie = Salarie.objects.select_for_update().par_nir(nir).first() if nir else None
    if salarie is None:
        salarie = Salarie(nir=compacter_nir(nir), **champs)
        salarie.full_clean(validate_unique=False)
        if not nir:
            return _enregistrer(salarie, par, "Création du salarié")
        return _creer_sans_doublon(salarie, par, "Création du salarié", lambda: Salarie.objects.par_nir(nir).first())
    modifies = {k: v for k, v in champs.items() if v not in (None, "") and getattr(salarie, k) != v}
    if modifies:
        for k, v in modifies.items():
            setattr(salarie, k, v)
        salarie.full_clean()
        _enregistrer(salarie, par, "Mise à jour du salarié")
    return salarie


def personne_de(salarie: Salarie) -> Personne:
    return Personne(
        date_naissance=salarie.date_naissance,
        rqth=salarie.rqth,
        beneficiaire_aah=salarie.beneficiaire_aah,
        beneficiaire_rsa=salarie.beneficiaire_rsa,
        beneficiaire_ass=salarie.beneficiaire_ass,
        beneficiaire_ata=salarie.beneficiaire_ata,
        amenagement_de_peine=salarie.amenagement_de_peine,
    )


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


# --- the aid ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalculAide:
    taux: Decimal
    taux_arrete: Decimal | None
    heures_max: int | None
    arrete: object | None
    smic_horaire: Decimal
    contribution_cg_max: Decimal
    aide_mensuelle: Decimal
    part_etat: Decimal
    part_conseil_general: Decimal


def arrete_publie(region, annee: int, date_conclusion: date) -> bool:
    """Whether the region's arrêté for ``annee`` is published on ``date_conclusion`` (prescription anticipée)."""
    from arretes.models import Arrete

    return Arrete.objects.publies().filter(region=region, annee=annee, date_publication__lte=date_conclusion).exists()


def taux_de_l_arrete(type_contrat: str, public, region, date_conclusion: date, date_debut_contrat: date):
    """``arretes.services.taux_applicable``; raises ``arretes.regles.AucunArreteApplicable``."""
    from arretes.services import taux_applicable

    return taux_applicable(type_contrat, public, region, date_conclusion, date_debut_contrat)


def calculer_aide(
    *,
    type_contrat: str,
    public,
    region,
    date_conclusion: date,
    date_debut: date,
    heures_prises_en_charge: Decimal,
    financement: str = FinancementAide.ETAT,
    aci: bool = False,
    taux_majore: Decimal | None = None,
    taux_hors_arrete: Decimal | None = None,
) -> CalculAide:
    """The aid of a convention: the arrêté's rate (or ``taux_majore`` when a conseil général raises it under
    its CAOM), the SMIC horaire brut in force on ``date_debut``, the conseil général's contribution (88 % of
    the RSA forfait on ``date_debut``) when it co-finances. ``taux_hors_arrete`` is for the old contracts of
    the plan de cohésion sociale, which no CUI arrêté covers. Raises ``RegleConventionError``."""
    heures_max = arrete = taux_arrete = None
    if type_contrat in CONTRATS_CUI:
        from arretes.regles import AucunArreteApplicable

        try:
            applicable = taux_de_l_arrete(type_contrat, public, region, date_conclusion, date_debut)
        except AucunArreteApplicable as exc:
            raise RegleConventionError([Violation("public", str(exc))]) from exc
        taux_arrete, heures_max, arrete = applicable.taux, applicable.heures_max, applicable.arrete
        taux = taux_arrete
        if taux_majore is not None:
            taux = Decimal(taux_majore)
    elif taux_hors_arrete is not None:
        taux = Decimal(taux_hors_arrete)
    else:
        raise RegleConventionError([Violation("taux", "Indiquez le taux de prise en charge de l'ancien contrat.")])
    _exiger(verifier_taux_convention(type_contrat, taux, taux_arrete, financement, aci))
    try:
        smic = smic_horaire(date_debut)
        contribution = contribution_cg_maximale(rsa_forfaitaire(date_debut))
    except ParametreInconnu as exc:
        raise RegleConventionError([Violation("date_debut", str(exc))]) from exc
    repartition = calculer_repartition(
        taux, smic, Decimal(heures_prises_en_charge), financement, contribution, taux_arrete
    )
    return CalculAide(
        taux=taux,
        taux_arrete=taux_arrete,
        heures_max=heures_max,
        arrete=arrete,
        smic_horaire=smic,
        contribution_cg_max=contribution,
        aide_mensuelle=repartition.aide_mensuelle,
        part_etat=repartition.part_etat,
        part_conseil_general=repartition.part_conseil_general,
    )


def _appliquer_aide(convention: Convention, calcul: CalculAide) -> None:
    for champ in (
        "taux",
        "taux_arrete",
        "arrete",
        "smic_horaire",
        "aide_mensuelle",
        "part_etat",
        "part_conseil_general",
    ):
        setattr(convention, champ, getattr(calcul, champ))
    convention.contribution_cg_max = calcul.contribution_cg_max
    _appliquer_engagement(convention)


def _appliquer_engagement(convention: Convention) -> None:
    if convention.date_debut and convention.date_fin:
        convention.duree_mois = duree_en_mois_decimale(convention.date_debut, convention.date_fin)
        if convention.aide_mensuelle is not None:
            convention.engagement_etat = (convention.part_etat * convention.duree_mois).quantize(Decimal("0.01"))
            convention.engagement_conseil_general = (convention.part_conseil_general * convention.duree_mois).quantize(
                Decimal("0.01")
            )


def heures_max_de_l_arrete(convention: Convention) -> int | None:
    """The weekly hours the convention's arrêté takes in charge at most for its contract and public (None when
    no arrêté was applied: a draft, or an old contract of the plan de cohésion sociale)."""
    if convention.arrete_id is None or convention.public_id is None:
        return None
    from arretes.models import TauxPriseEnCharge

    return (
        TauxPriseEnCharge.objects.filter(
            arrete_id=convention.arrete_id, contrat=convention.type_contrat, public_id=convention.public_id
        )
        .values_list("heures_max", flat=True)
        .first()
    )


def caom_de(departement_id: int, annee: int):
    """The département's CAOM of the year, if any (a co-financed convention is counted against it)."""
    from caom.models import Caom

    return Caom.objects.filter(departement_id=departement_id, annee=annee).first()


# --- drafts and conclusion -------------------------------------------------------------------------


def _completer(convention: Convention) -> None:
    """Denormalised and default values: territory of the employer, ACI, référent and tuteur."""
    employeur = convention.employeur
    convention.departement_id = employeur.departement_id
    convention.region_id = employeur.departement.region_id
    convention.aci = employeur.est_aci
    if not convention.referent_nom and convention.prescripteur_id:
        convention.referent_nom = convention.prescripteur.nom
    if not convention.tuteur_nom:
        convention.tuteur_nom = employeur.contact_nom or employeur.raison_sociale
        convention.tuteur_fonction = convention.tuteur_fonction or "Employeur"
    if convention.type_contrat_travail == TypeContratTravail.CDI:
        convention.date_fin_contrat_travail = None


@transaction.atomic
def enregistrer_brouillon(*, par, convention: Convention | None = None, **champs) -> Convention:
    """Create or update a draft (incomplete values allowed; what is given is checked). A prescripteur has one
    draft per employer and employee: a new one for the same pair takes up the existing draft."""
    convention = _brouillon_existant(champs) if convention is None else convention
    if convention is None:
        convention = Convention(**champs)
        _completer(convention)
        _exiger(verifier_convention(donnees_de(convention), complete=False))
        return _creer_sans_doublon(convention, par, "Brouillon enregistré", lambda: _brouillon_existant(champs))
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut != StatutConvention.BROUILLON:
        raise RegleConventionError([Violation("statut", "Seul un brouillon se modifie ainsi : passez par un avenant.")])
    for k, v in champs.items():
        setattr(convention, k, v)
    _completer(convention)
    _exiger(verifier_convention(donnees_de(convention), complete=False))
    return _enregistrer(convention, par, "Brouillon enregistré")


def _brouillon_existant(champs) -> Convention | None:
    cles = {k: champs.get(k) for k in ("prescripteur_id", "employeur", "salarie")}
    if cles["prescripteur_id"] is None and champs.get("prescripteur") is not None:
        cles["prescripteur_id"] = champs["prescripteur"].pk
    if None in cles.values():
        return None
    return (
        Convention.objects.select_for_update().filter(statut=StatutConvention.BROUILLON, **cles).order_by("pk").first()
    )


def _chaine(convention: Convention) -> list[Convention]:
    """The conventions before this one (renewals by new conventions), oldest first."""
    chaine, courante = [], convention.convention_precedente
    while courante is not None and len(chaine) < 50:
        chaine.insert(0, courante)
        courante = courante.convention_precedente
    return chaine


def donnees_de(convention: Convention, **remplacements) -> DonneesConvention:
    employeur = convention.employeur
    precedente = convention.convention_precedente
    chaine = _chaine(convention) if convention.nature == Nature.RENOUVELLEMENT else []
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


@transaction.atomic
def conclure(
    convention: Convention,
    par,
    date_conclusion: date | None = None,
    taux_majore: Decimal | None = None,
) -> Convention:
    """Check every rule, allocate the number, compute and store the aid with the parameters used."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    _exiger(verifier_transition(convention.statut, StatutConvention.CONCLUE))
    convention.date_conclusion = date_conclusion or convention.date_conclusion or timezone.localdate()
    _completer(convention)
    violations = []
    if convention.public_id is None and convention.type_contrat in CONTRATS_CUI:
        violations.append(Violation("public", "Indiquez le public prioritaire : il fixe le taux de l'arrêté."))
    debut = convention.date_debut
    publie = True
    if debut and convention.type_contrat in CONTRATS_CUI:
        publie = arrete_publie(convention.region_id, debut.year, convention.date_conclusion)
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
    donnees = donnees_de(
        convention,
        arrete_publie=publie,
        taux=calcul.taux if calcul else convention.taux,
        taux_arrete=calcul.taux_arrete if calcul else convention.taux_arrete,
        heures_max_arrete=calcul.heures_max if calcul else None,
    )
    violations += verifier_convention(donnees)
    if calcul is None and not violations:
        violations = erreurs_calcul or [Violation("", "L'aide n'a pas pu être calculée.")]
    elif calcul is None and publie:
        violations += erreurs_calcul
    _exiger(violations)
    _appliquer_aide(convention, calcul)
    if convention.financement != Financement.ETAT and convention.caom_id is None:
        convention.caom = caom_de(convention.departement_id, convention.date_debut.year)
    if est_cae_jeune(
        convention.type_contrat,
        convention.salarie.date_naissance,
        convention.date_embauche,
        duree_en_mois(convention.date_debut, convention.date_fin),
        convention.employeur.statut_juridique,
    ):
        convention.immersion = True  # the Cerfa rubric is ticked systematically in CAE-jeunes
    convention.numero = allouer_numero(convention.type_contrat, convention.departement, convention.date_conclusion.year)
    convention.statut = StatutConvention.CONCLUE
    return _enregistrer(convention, par, f"Convention conclue sous le numéro {convention.numero}")


# --- avenants ---------------------------------------------------------------------------------------


__all__ = [
    "CalculAide",
    "Financement",
    "allouer_numero",
    "arrete_publie",
    "calculer_aide",
    "conclure",
    "donnees_de",
    "enregistrer_brouillon",
    "trouver_ou_creer_employeur",
    "trouver_ou_creer_salarie",
]
