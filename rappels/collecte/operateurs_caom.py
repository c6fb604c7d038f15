"""Operators' payments by the ASP (circular 2009-38) and CAOM negotiations and signature (circular 2009-42)."""

from datetime import date, timedelta

from droit.nombres import DELAI_PAIEMENT_OPERATEUR_JOURS, SOURCE_PAIEMENT_OPERATEUR
from droit.vocabulaire import Role
from rappels import destinataires, regles
from rappels.models import TypeRappel
from referentiels.models import Region

from . import chemin, collecteur, date_fr, etendre, rattrapage


@collecteur(TypeRappel.PAIEMENT_OPERATEUR)
def paiements_operateurs(aujourdhui: date):
    """Unpaid requests 20 days after their complete file, and again once the 25 days have passed: to the
    region's gestionnaires and correspondents, who follow the operators."""
    from tableau_de_bord.models_operateurs import DemandePaiement

    jours = rattrapage()
    debut = aujourdhui - timedelta(days=DELAI_PAIEMENT_OPERATEUR_JOURS + 1 + jours)
    fin = aujourdhui - timedelta(days=regles.ALERTE_PAIEMENT)
    demandes_qs = DemandePaiement.objects.filter(
        payee_le__isnull=True, date_dossier_complet__range=(debut, fin)
    ).select_related("convention__operateur__region")
    if not demandes_qs.exists():
        return []
    gestionnaires = destinataires.par_region(Role.GESTIONNAIRE_REGIONAL)
    correspondants = destinataires.par_region(Role.CORRESPONDANT_REGIONAL)
    demandes = []
    for dp in demandes_qs:
        region = dp.convention.operateur.region
        occurrences = []
        for public in (regles.GESTIONNAIRES, regles.CORRESPONDANTS):
            occurrences += regles.paiement_operateur(dp.date_dossier_complet, False, public=public, rattrapage=jours)

        def texte(o, dp=dp):
            operateur = dp.convention.operateur
            libelle = f"Paiement de {operateur} : {dp.montant} €, dossier complet le {date_fr(dp.date_dossier_complet)}"
            if o.niveau == "retard":
                sujet = f"Paiement en retard : {operateur}"
                premier = f"La demande de paiement de {operateur} ({dp.montant} €) n'est pas payée alors que le délai"
                premier += (
                    f" de {DELAI_PAIEMENT_OPERATEUR_JOURS} jours après le dossier complet ({SOURCE_PAIEMENT_OPERATEUR})"
                    f" a expiré le {date_fr(o.echeance)}."
                )
            else:
                sujet = f"Paiement à surveiller : {operateur}"
                premier = f"La demande de paiement de {operateur} ({dp.montant} €) n'est pas encore payée ; l'ASP doit"
                premier += (
                    f" la payer au plus tard le {date_fr(o.echeance)} ({DELAI_PAIEMENT_OPERATEUR_JOURS} jours après le"
                    " dossier complet)."
                )
            return sujet, libelle, (premier, "Indiquez la date de paiement dans le portail dès qu'elle est connue.")

        demandes += etendre(
            TypeRappel.PAIEMENT_OPERATEUR,
            regles.dues(occurrences, aujourdhui),
            {
                regles.GESTIONNAIRES: gestionnaires.get(region.pk, []),
                regles.CORRESPONDANTS: correspondants.get(region.pk, []),
            },
            texte,
            cle=f"paiement:{dp.pk}",
            lien=chemin("tableau_de_bord:operateurs_region", region.pk),
            objet=dp,
        )
    return demandes


def _caom_non_abouties(annee: int):
    from caom.models import Caom, StatutCaom

    return Caom.objects.filter(annee=annee).exclude(statut__in=[StatutCaom.SIGNEE, StatutCaom.ECHEC])


@collecteur(TypeRappel.CAOM_NEGOCIATION)
def caom_negociation(aujourdhui: date):
    """The week before 30 November: each region with a CAOM of next year not yet concluded (or a département
    without any) reports the state of its negotiations; its gestionnaires and correspondents are reminded."""
    from caom.models import Caom, StatutCaom

    annee = aujourdhui.year + 1
    if not regles.dues(regles.caom_negociation(annee, etat_renseigne=False), aujourdhui):
        return []
    abouties = set(
        Caom.objects.filter(annee=annee, statut__in=[StatutCaom.SIGNEE, StatutCaom.ECHEC]).values_list(
            "departement_id", flat=True
        )
    )
    gestionnaires = destinataires.par_region(Role.GESTIONNAIRE_REGIONAL)
    correspondants = destinataires.par_region(Role.CORRESPONDANT_REGIONAL)
    lien = chemin("caom:rapport")
    demandes = []
    for region in Region.objects.filter(pk__in=set(gestionnaires) | set(correspondants)).prefetch_related(
        "departements"
    ):
        restants = [d for d in region.departements.all() if d.pk not in abouties]
        occurrences = regles.dues(regles.caom_negociation(annee, etat_renseigne=not restants), aujourdhui)

        def texte(o, region=region, restants=restants):
            sujet = f"CAOM {annee} : état des négociations à jour au {date_fr(o.echeance)}"
            libelle = f"CAOM {annee} – {region.nom} : {len(restants)} département(s) sans CAOM conclue"
            paragraphes = (
                f"L'état des négociations des CAOM {annee} est remonté le {date_fr(o.echeance)} (circulaire DGEFP "
                f"n° 2009-42, annexe 2). Dans la région {region.nom}, {len(restants)} département(s) n'ont pas "
                "encore de CAOM signée : " + ", ".join(f"{d.code} {d.nom}" for d in restants) + ".",
                "Mettez à jour l'état de chaque négociation dans le portail avant cette date.",
            )
            return sujet, libelle, paragraphes

        publics = {regles.GESTIONNAIRES: gestionnaires.get(region.pk, []) + correspondants.get(region.pk, [])}
        demandes += etendre(
            TypeRappel.CAOM_NEGOCIATION,
            occurrences,
            publics,
            texte,
            cle=f"caom_rapport:{region.code_insee}:{annee}",
            lien=lien,
            objet=region,
        )
    return demandes


@collecteur(TypeRappel.CAOM_SIGNATURE)
def caom_signature(aujourdhui: date):
    """In December: each CAOM of next year not yet signed, to the region's gestionnaires and the conseil
    général (it must deliberate before 31 December)."""
    annee = aujourdhui.year + 1
    if not regles.dues(regles.caom_signature(annee, signee=False), aujourdhui):
        return []
    gestionnaires = destinataires.par_region(Role.GESTIONNAIRE_REGIONAL)
    conseils = destinataires.par_departement(Role.CONSEIL_GENERAL)
    demandes = []
    for caom in _caom_non_abouties(annee).select_related("departement"):
        occurrences = regles.dues(regles.caom_signature(annee, signee=False), aujourdhui)

        def texte(o, caom=caom):
            sujet = f"CAOM {annee} non signée : {caom.departement}"
            libelle = f"CAOM {annee} – {caom.departement} : {caom.get_statut_display().lower()}"
            paragraphes = (
                f"La CAOM {annee} du département {caom.departement} n'est pas signée (état : "
                f"{caom.get_statut_display().lower()}). Elle doit l'être avant le {date_fr(o.echeance)}, après "
                "délibération de la commission permanente ou de l'assemblée du conseil général.",
                "Sans CAOM, l'État peut prescrire et financer seul des CUI pour les bénéficiaires du RSA, mais c'est "
                "une situation dégradée.",
            )
            return sujet, libelle, paragraphes

        publics = {
            regles.GESTIONNAIRES: gestionnaires.get(caom.departement.region_id, []),
            regles.CONSEIL_GENERAL: conseils.get(caom.departement_id, []),
        }
        demandes += etendre(
            TypeRappel.CAOM_SIGNATURE,
            occurrences,
            publics,
            texte,
            cle=f"caom:{caom.pk}",
            lien=chemin("caom:detail", caom.pk),
            objet=caom,
        )
    return demandes
