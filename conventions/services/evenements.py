"""Events in a convention's life, through the same rules as its conclusion: avenants (renewal, modification,
immersion), immersion periods, suspension, rupture, and the daily move of statuses by date. Each write records
its author in the history."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from droit.vocabulaire import StatutConvention
from referentiels.regles_heures import verifier_heures
from referentiels.violation import Violation

from ..models import Convention, Nature, TypeContratTravail
from ..models_evenements import Avenant, PeriodeImmersion, TypeAvenant
from ..regles.aide import calculer_repartition, verifier_taux_convention
from ..regles.base import RegleConventionError
from ..regles.convention import verifier_bilan
from ..regles.duree import Renouvellement, plafond_pcs, verifier_renouvellement
from ..regles.immersion import Periode, verifier_periodes_immersion
from ..regles.statuts import declaration_tardive, statut_a_la_date, verifier_declaration, verifier_transition
from .aide import appliquer_engagement, heures_max_de_l_arrete
from .commun import enregistrer, exiger_regles
from .donnees import chaine_de
from .parties import personne_de


def _verrouiller_active(convention: Convention) -> Convention:
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    if convention.statut not in (StatutConvention.CONCLUE, StatutConvention.EN_COURS, StatutConvention.SUSPENDUE):
        raise RegleConventionError(
            [Violation("statut", f"La convention est {convention.get_statut_display().lower()} : plus d'avenant.")]
        )
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
    personne = personne_de(convention.salarie)
    violations: list[Violation] = []
    if type == TypeAvenant.RENOUVELLEMENT:
        if date_fin is None:
            raise RegleConventionError([Violation("date_fin", "Indiquez la nouvelle fin de la convention.")])
        chaine = chaine_de(convention)
        debut = chaine[0].date_debut if chaine else convention.date_debut
        plafond_transition = None
        if convention.nature == Nature.TRANSITION_PCS and convention.convention_precedente_id:
            plafond_transition = plafond_pcs(convention.convention_precedente.type_contrat, personne, debut)
        violations += verifier_bilan(True, False, bilan_employeur_fourni)
        violations += verifier_renouvellement(
            Renouvellement(
                convention.type_contrat,
                convention.aci,
                personne,
                debut,
                convention.date_fin,
                date_fin,
                convention.mois_deja_effectues,
                plafond_transition,
                date_fin_formation,
            )
        )
        fin_contrat = date_fin_contrat_travail or convention.date_fin_contrat_travail
        if convention.type_contrat_travail == TypeContratTravail.CDD and fin_contrat and date_fin > fin_contrat:
            violations.append(
                Violation(
                    "date_fin_contrat_travail",
                    f"Le CDD finit le {fin_contrat:%d/%m/%Y} : indiquez sa prolongation pour renouveler l'aide.",
                )
            )
        exiger_regles(violations)
        convention.date_fin = date_fin
        if date_fin_contrat_travail:
            convention.date_fin_contrat_travail = date_fin_contrat_travail
        convention.bilan_employeur_fourni = True
        if date_fin_formation:
            convention.formation_en_cours, convention.date_fin_formation = True, date_fin_formation
    elif type == TypeAvenant.MODIFICATION:
        travail = duree_hebdo_travail if duree_hebdo_travail is not None else convention.duree_hebdo_travail
        prise = (
            duree_hebdo_prise_en_charge
            if duree_hebdo_prise_en_charge is not None
            else convention.duree_hebdo_prise_en_charge
        )
        nouveau_taux = taux if taux is not None else convention.taux
        violations += verifier_heures(
            convention.type_contrat,
            travail,
            prise,
            convention.difficultes_particulieres,
            heures_max_de_l_arrete(convention),
        )
        violations += verifier_taux_convention(
            convention.type_contrat, nouveau_taux, convention.taux_arrete, convention.financement, convention.aci
        )
        exiger_regles(violations)
        convention.duree_hebdo_travail, convention.duree_hebdo_prise_en_charge = travail, prise
        convention.taux = nouveau_taux
        if date_fin_contrat_travail:
            convention.date_fin_contrat_travail = date_fin_contrat_travail
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
    appliquer_engagement(convention)
    enregistrer(convention, par, f"Avenant n° {numero} ({avenant.get_type_display().lower()})")
    avenant.aide_mensuelle = convention.aide_mensuelle
    avenant.part_etat = convention.part_etat
    avenant.part_conseil_general = convention.part_conseil_general
    return enregistrer(avenant, par, "Avenant signé")


def _ajouter_periode(convention, *, employeur_accueil, date_debut, date_fin, par, objet="", siret_accueil=""):
    existantes = [Periode(p.date_debut, p.date_fin) for p in convention.periodes_immersion.all()]
    exiger_regles(
        verifier_periodes_immersion(
            convention.type_contrat,
            convention.date_debut,
            convention.date_fin,
            [*existantes, Periode(date_debut, date_fin)],
        )
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
    convention: Convention, *, date_suspension: date, motif: str, par, date_declaration: date | None = None
) -> Convention:
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    date_declaration = date_declaration or timezone.localdate()
    _avancer(convention, date_suspension)
    exiger_regles(
        verifier_transition(convention.statut, StatutConvention.SUSPENDUE)
        + verifier_declaration(date_suspension, date_declaration, convention.date_debut)
    )
    convention.statut = StatutConvention.SUSPENDUE
    convention.date_suspension, convention.motif_suspension = date_suspension, motif
    convention.date_declaration_evenement = date_declaration
    convention.declaration_tardive = declaration_tardive(date_suspension, date_declaration)
    return enregistrer(
        convention, par, "Suspension déclarée" + (" (tardive)" if convention.declaration_tardive else "")
    )


@transaction.atomic
def lever_suspension(convention: Convention, *, par) -> Convention:
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    exiger_regles(verifier_transition(convention.statut, StatutConvention.EN_COURS))
    convention.statut = StatutConvention.EN_COURS
    return enregistrer(convention, par, "Reprise après suspension")


@transaction.atomic
def declarer_rupture(
    convention: Convention, *, date_rupture: date, motif: str, par, date_declaration: date | None = None
) -> Convention:
    """The end of the convention before its term; outside the legal cases the aid paid is to be repaid."""
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    date_declaration = date_declaration or timezone.localdate()
    _avancer(convention, date_rupture)
    exiger_regles(
        verifier_transition(convention.statut, StatutConvention.ROMPUE)
        + verifier_declaration(date_rupture, date_declaration, convention.date_debut)
    )
    convention.statut = StatutConvention.ROMPUE
    convention.date_rupture, convention.motif_rupture = date_rupture, motif
    convention.date_declaration_evenement = date_declaration
    convention.declaration_tardive = declaration_tardive(date_rupture, date_declaration)
    return enregistrer(convention, par, "Rupture déclarée" + (" (tardive)" if convention.declaration_tardive else ""))


def mettre_a_jour_statuts(jour: date | None = None, par=None) -> int:
    """Concluded → in progress → ended, by date (a daily job may call it); returns the number changed."""
    jour = jour or timezone.localdate()
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
