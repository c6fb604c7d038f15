"""Events in a convention's life: avenants (renewal, modification, immersion), immersion periods, suspension,
resumption, rupture, and the daily move of statuses by date. Each write changes the convention in memory, then
goes through the one check of ``verification`` (the same rules and inputs as the conclusion, the arrêté's ceiling
of weekly hours included) before anything is saved, and records its author in the history."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max

from cui_portal import horloge
from cui_portal.permissions import STATUTS_ACTIFS
from droit.vocabulaire import StatutConvention
from referentiels.violation import Violation

from ..models import Convention
from ..models_evenements import Avenant, PeriodeImmersion, Suspension, TypeAvenant
from ..regles.aide import calculer_repartition
from ..regles.base import RegleConventionError
from ..regles.convention import (
    AVENANT_MODIFICATION,
    AVENANT_RENOUVELLEMENT,
    BROUILLON_ENREGISTRE,
    EVENEMENT,
    IMMERSION,
)
from ..regles.immersion import Periode
from ..regles.statuts import declaration_tardive, statut_a_la_date, verifier_reprise, verifier_suspension
from .commun import enregistrer, exiger_regles
from .echeancier import ecrire_echeancier
from .verification import debut_de_chaine, exiger_conforme


def _verrouiller_active(convention: Convention) -> Convention:
    """The convention, locked, unless it is a draft, broken or recorded as ended (an avenant signed while the
    convention ran may be entered after its end: the date of each avenant is checked by the rules)."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut not in STATUTS_ACTIFS:
        libelle = convention.get_statut_display().lower()
        raise RegleConventionError([Violation("statut", f"La convention est {libelle} : plus d'avenant.")])
    return convention


@transaction.atomic
def ajouter_avenant(
    convention: Convention,
    *,
    type: str,
    date: date,
    date_effet: date,
    par,
    date_fin: date | None = None,
    date_fin_contrat_travail: date | None = None,
    duree_hebdo_travail: Decimal | None = None,
    duree_hebdo_prise_en_charge: Decimal | None = None,
    taux: Decimal | None = None,
    motif: str = "",
    bilan_employeur_fourni: bool = False,
    date_fin_formation: date | None = None,
    immersion: dict | None = None,
) -> Avenant:
    """A renewal (new end, checked against the whole history: total length across renewals), a modification
    (hours, rate raised by the conseil général, end of the work contract) or an immersion period
    (``immersion={"employeur_accueil": …, "date_debut": …, "date_fin": …}``)."""
    convention = _verrouiller_active(convention)
    numero = (convention.avenants.aggregate(m=Max("numero"))["m"] or 0) + 1
    avenant = Avenant(
        convention=convention,
        type=type,
        numero=numero,
        date=date,
        date_effet=date_effet,
        ancienne_date_fin=convention.date_fin,
        date_fin=date_fin,
        date_fin_contrat_travail=date_fin_contrat_travail,
        duree_hebdo_travail=duree_hebdo_travail,
        duree_hebdo_prise_en_charge=duree_hebdo_prise_en_charge,
        taux=taux,
        motif=motif,
        bilan_employeur_fourni=bilan_employeur_fourni,
        formation_en_cours=date_fin_formation is not None,
        date_fin_formation=date_fin_formation,
    )
    if type == TypeAvenant.RENOUVELLEMENT:
        if date_fin is None:
            raise RegleConventionError([Violation("date_fin", "Indiquez la nouvelle fin de la convention.")])
        fin_actuelle = convention.date_fin
        convention.date_fin = date_fin
        if date_fin_contrat_travail:
            convention.date_fin_contrat_travail = date_fin_contrat_travail
        convention.bilan_employeur_fourni = bilan_employeur_fourni
        if date_fin_formation:
            convention.formation_en_cours, convention.date_fin_formation = True, date_fin_formation
        exiger_conforme(
            convention,
            AVENANT_RENOUVELLEMENT,
            remplacements={"debut_chaine": debut_de_chaine(convention), "fin_precedente": fin_actuelle},
        )
        convention.bilan_employeur_fourni = True
    elif type == TypeAvenant.MODIFICATION:
        avenant.ancien_taux = convention.taux
        avenant.ancienne_duree_hebdo_prise_en_charge = convention.duree_hebdo_prise_en_charge
        if duree_hebdo_travail is not None:
            convention.duree_hebdo_travail = duree_hebdo_travail
        if duree_hebdo_prise_en_charge is not None:
            convention.duree_hebdo_prise_en_charge = duree_hebdo_prise_en_charge
        if taux is not None:
            convention.taux = taux
        if date_fin_contrat_travail:
            convention.date_fin_contrat_travail = date_fin_contrat_travail
        exiger_conforme(convention, AVENANT_MODIFICATION)
        repartition = calculer_repartition(
            convention.taux,
            convention.smic_horaire,
            convention.duree_hebdo_prise_en_charge,
            convention.financement,
            convention.contribution_cg_max,
            convention.taux_arrete,
        )
        convention.aide_mensuelle = repartition.aide_mensuelle
        convention.part_etat = repartition.part_etat
        convention.part_conseil_general = repartition.part_conseil_general
    elif type == TypeAvenant.IMMERSION:
        if not immersion:
            raise RegleConventionError([Violation("date_debut", "Indiquez la période d'immersion.")])
        _ajouter_periode(convention, par=par, **immersion)
    else:
        raise RegleConventionError([Violation("type", f"Type d'avenant « {type} » inconnu.")])
    enregistrer(convention, par, f"Avenant n° {numero} ({avenant.get_type_display().lower()})")
    avenant.aide_mensuelle = convention.aide_mensuelle
    avenant.part_etat = convention.part_etat
    avenant.part_conseil_general = convention.part_conseil_general
    enregistrer(avenant, par, "Avenant signé")
    ecrire_echeancier(convention)  # the new terms from the avenant's effective date only
    return avenant


def _ajouter_periode(convention, *, employeur_accueil, date_debut, date_fin, par, objet="", siret_accueil=""):
    existantes = [Periode(p.date_debut, p.date_fin) for p in convention.periodes_immersion.all()]
    ecriture = BROUILLON_ENREGISTRE if convention.statut == StatutConvention.BROUILLON else IMMERSION
    exiger_conforme(
        convention, ecriture, remplacements={"periodes_immersion": [*existantes, Periode(date_debut, date_fin)]}
    )
    periode = PeriodeImmersion(
        convention=convention,
        employeur_accueil=employeur_accueil,
        siret_accueil=siret_accueil,
        date_debut=date_debut,
        date_fin=date_fin,
        objet=objet,
    )
    enregistrer(periode, par, "Période d'immersion")
    if not convention.immersion:
        convention.immersion = True
        enregistrer(convention, par, "Rubrique immersion cochée", update_fields=["immersion", "modifie_le"])
    return periode


@transaction.atomic
def ajouter_periode_immersion(
    convention: Convention, *, employeur_accueil: str, date_debut: date, date_fin: date, par, objet="", siret_accueil=""
) -> PeriodeImmersion:
    """An immersion period with another employer (CAE only; ≤ 1 month each; ≤ 25 % of the contract)."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut in (StatutConvention.TERMINEE, StatutConvention.ROMPUE):
        raise RegleConventionError([Violation("statut", "La convention est close : plus de période d'immersion.")])
    if convention.date_debut is None or convention.date_fin is None:
        raise RegleConventionError([Violation("date_debut", "Indiquez d'abord les dates de la convention.")])
    return _ajouter_periode(
        convention,
        employeur_accueil=employeur_accueil,
        date_debut=date_debut,
        date_fin=date_fin,
        par=par,
        objet=objet,
        siret_accueil=siret_accueil,
    )


@transaction.atomic
def remplacer_periodes_brouillon(convention: Convention, periodes: list[dict], *, par) -> list[PeriodeImmersion]:
    """The immersion periods of a draft replaced by those typed at step 5, each checked again (all or nothing)."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut != StatutConvention.BROUILLON:
        raise RegleConventionError(
            [Violation("statut", "Seul un brouillon change ainsi ses périodes : passez par un avenant d'immersion.")]
        )
    convention.periodes_immersion.all().delete()
    return [ajouter_periode_immersion(convention, par=par, **periode) for periode in periodes]


# --- events ----------------------------------------------------------------------------------------


def _avancer(convention: Convention, jour: date) -> None:
    """A concluded convention whose start has come is in progress (before a suspension or rupture)."""
    convention.statut = statut_a_la_date(convention.statut, convention.date_debut, convention.date_fin, jour)


@transaction.atomic
def declarer_suspension(
    convention: Convention,
    *,
    date_suspension: date,
    motif: str,
    par,
    date_declaration: date | None = None,
    remuneration_maintenue: bool = False,
) -> Convention:
    """A suspension from ``date_suspension`` until its resumption; without pay, no aid for its days."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    date_declaration = date_declaration or horloge.aujourdhui()
    _avancer(convention, date_suspension)
    convention.motif_suspension = motif  # checked with the event (an immersion is an avenant)
    exiger_conforme(
        convention,
        EVENEMENT,
        nouveau_statut=StatutConvention.SUSPENDUE,
        declaration=(date_suspension, date_declaration),
    )
    precedente = convention.suspensions.order_by("-date_debut").first()
    exiger_regles(
        verifier_suspension(date_suspension, convention.date_fin, precedente.date_fin if precedente else None)
    )
    tardive = declaration_tardive(date_suspension, date_declaration)
    convention.statut = StatutConvention.SUSPENDUE
    convention.date_suspension, convention.motif_suspension = date_suspension, motif
    convention.date_declaration_evenement = date_declaration
    convention.declaration_tardive = tardive
    enregistrer(convention, par, "Suspension déclarée" + (" (tardive)" if tardive else ""))
    suspension = Suspension(
        convention=convention,
        date_debut=date_suspension,
        motif=motif,
        remuneration_maintenue=remuneration_maintenue,
        date_declaration=date_declaration,
        declaration_tardive=tardive,
    )
    enregistrer(suspension, par, "Suspension déclarée")
    ecrire_echeancier(convention)
    return convention


@transaction.atomic
def lever_suspension(convention: Convention, *, date_reprise: date, par, date_declaration: date | None = None):
    """The resumption of the contract on ``date_reprise`` (first day back): the suspension ends the day before."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    exiger_conforme(convention, EVENEMENT, nouveau_statut=StatutConvention.EN_COURS)
    suspension = convention.suspensions.filter(date_fin__isnull=True).order_by("-date_debut").first()
    debut = suspension.date_debut if suspension else convention.date_suspension
    exiger_regles(verifier_reprise(debut, date_reprise, convention.date_fin))
    convention.statut = StatutConvention.EN_COURS
    enregistrer(convention, par, f"Reprise après suspension le {date_reprise:%d/%m/%Y}")
    if suspension is not None:
        suspension.date_fin = date_reprise - timedelta(days=1)
        suspension.date_declaration_reprise = date_declaration or horloge.aujourdhui()
        enregistrer(suspension, par, "Reprise après suspension")
    ecrire_echeancier(convention)
    return convention


@transaction.atomic
def declarer_rupture(
    convention: Convention, *, date_rupture: date, motif: str, par, date_declaration: date | None = None
) -> Convention:
    """The end of the convention before its term: no aid after its date; outside the legal cases the aid due
    until then is to be repaid (the schedule shows it)."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    date_declaration = date_declaration or horloge.aujourdhui()
    _preparer_rupture(convention, date_rupture, motif, date_declaration)
    convention.statut = StatutConvention.ROMPUE
    convention.date_declaration_evenement = date_declaration
    convention.declaration_tardive = declaration_tardive(date_rupture, date_declaration)
    enregistrer(convention, par, "Rupture déclarée" + (" (tardive)" if convention.declaration_tardive else ""))
    ouverte = convention.suspensions.filter(date_fin__isnull=True).first()
    if ouverte is not None:
        ouverte.date_fin = max(ouverte.date_debut, date_rupture)
        enregistrer(ouverte, par, "Suspension close par la rupture")
    ecrire_echeancier(convention)
    return convention


def _preparer_rupture(convention: Convention, date_rupture: date, motif: str, date_declaration: date) -> None:
    _avancer(convention, date_rupture)
    convention.date_rupture, convention.motif_rupture = date_rupture, motif  # its motive against the contract
    exiger_conforme(
        convention, EVENEMENT, nouveau_statut=StatutConvention.ROMPUE, declaration=(date_rupture, date_declaration)
    )


def verifier_rupture(
    convention: Convention, *, date_rupture: date, motif: str, date_declaration: date | None = None
) -> list[Violation]:
    """The rule check of ``declarer_rupture`` without writing anything: the page shows its errors at their field
    before asking for a confirmation (a rupture the rules refuse is never confirmed first)."""
    copie = Convention.objects.get(pk=convention.pk)
    try:
        _preparer_rupture(copie, date_rupture, motif, date_declaration or horloge.aujourdhui())
    except RegleConventionError as exc:
        return list(exc.violations)
    return []


def mettre_a_jour_statuts(jour: date | None = None, par=None) -> int:
    """Concluded → in progress → ended, by date (a daily job may call it); returns the number changed."""
    jour = jour or horloge.aujourdhui()
    n = 0
    qs = Convention.objects.filter(
        statut__in=[StatutConvention.CONCLUE, StatutConvention.EN_COURS, StatutConvention.SUSPENDUE]
    ).only("pk", "statut", "date_debut", "date_fin")
    for convention in qs.iterator():
        nouveau = statut_a_la_date(convention.statut, convention.date_debut, convention.date_fin, jour)
        if nouveau != convention.statut:
            with transaction.atomic():
                c = Convention.objects.select_for_update().get(pk=convention.pk)
                c.statut = nouveau
                enregistrer(c, par, "Statut mis à jour à la date")
            n += 1
    return n
