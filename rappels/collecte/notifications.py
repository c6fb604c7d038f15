"""Notifications of facts (not of deadlines): the DGEFP's comment on a bilan d'étape (to the region), a bilan
transmitted (to the DGEFP), each step of a CAOM (to its conseil général), a month of aid flagged by the
reconciliation with the ASP's statements, and the months paid on a convention since annulled (to the convention's
prescripteur). Each is told once, from the day of
the fact, for the catch-up window. No employee's name or NIR in any message."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from droit.nombres import DELAI_PAIEMENT_AIDE_JOURS, SOURCE_CAE_JEUNES, SOURCE_CAOM, euros
from droit.vocabulaire import Role
from rappels import destinataires, regles
from rappels.models import TypeRappel

from . import chemin, collecteur, date_fr, etendre, fenetre, rattrapage
from .conventions import au_prescripteur, sur_la_convention


def _depuis(aujourdhui: date, jours: int) -> tuple[datetime, datetime]:
    """The instants of the catch-up window: from the start of its first day to the end of ``aujourdhui`` (portal's
    time zone)."""
    fuseau = timezone.get_default_timezone()
    premier, dernier = fenetre(aujourdhui, jours)
    debut = timezone.make_aware(datetime.combine(premier, time.min), fuseau)
    return debut, timezone.make_aware(datetime.combine(dernier + timedelta(days=1), time.min), fuseau)


def _jour(instant: datetime | None) -> date | None:
    return timezone.localtime(instant).date() if instant else None


@collecteur(TypeRappel.BILAN_COMMENTAIRE)
def commentaires_bilans(aujourdhui: date):
    """The DGEFP read a bilan d'étape and left a comment: the region's correspondents are told."""
    from tableau_de_bord.models import BilanEtape

    jours = rattrapage()
    qs = (
        BilanEtape.objects.filter(lu_le__range=_depuis(aujourdhui, jours))
        .exclude(commentaire_mip="")
        .select_related("region", "quinzaine")
    )
    if not qs.exists():
        return []
    correspondants = destinataires.par_region(Role.CORRESPONDANT_REGIONAL)
    demandes = []
    for bilan in qs:
        occurrences = regles.commentaire_bilan(_jour(bilan.lu_le), bilan.commentaire_mip, jours)
        occurrences = regles.dues(occurrences, aujourdhui)

        def texte(o, bilan=bilan):
            sujet = f"Commentaire de la DGEFP sur le {bilan.titre.lower()} – {bilan.region.nom}"
            libelle = f"La DGEFP a commenté le {bilan.titre.lower()} ({bilan.region.nom})"
            paragraphes = (
                f"La DGEFP a lu le {bilan.titre.lower()} de la région {bilan.region.nom} le {date_fr(o.echeance)} "
                f"et l'a commenté ({SOURCE_CAE_JEUNES}) :",
                bilan.commentaire_mip.strip(),
            )
            return sujet, libelle, paragraphes

        demandes += etendre(
            TypeRappel.BILAN_COMMENTAIRE,
            occurrences,
            {regles.CORRESPONDANTS: correspondants.get(bilan.region_id, [])},
            texte,
            cle=f"bilan:{bilan.pk}:commentaire",
            lien=chemin("tableau_de_bord:bilan", bilan.pk),
            objet=bilan,
        )
    return demandes


@collecteur(TypeRappel.BILAN_TRANSMIS)
def bilans_transmis(aujourdhui: date):
    """A region transmitted its bilan d'étape: the DGEFP's national users and administrators read it."""
    from tableau_de_bord.models import BilanEtape, StatutBilan

    jours = rattrapage()
    qs = BilanEtape.objects.filter(soumis_le__range=_depuis(aujourdhui, jours), statut=StatutBilan.SOUMIS)
    qs = qs.select_related("region", "quinzaine")
    if not qs.exists():
        return []
    dgefp = destinataires.dgefp()
    demandes = []
    for bilan in qs:
        occurrences = regles.dues(regles.bilan_transmis(_jour(bilan.soumis_le), lu=False, rattrapage=jours), aujourdhui)

        def texte(o, bilan=bilan):
            sujet = f"{bilan.titre} transmis par la région {bilan.region.nom}"
            libelle = f"{bilan.titre} transmis par la région {bilan.region.nom} le {date_fr(o.echeance)}"
            paragraphes = (
                f"La région {bilan.region.nom} a transmis son {bilan.titre.lower()} le {date_fr(o.echeance)} "
                f"({SOURCE_CAE_JEUNES}).",
                "Lisez-le et, si besoin, commentez-le : la région est informée de votre commentaire.",
            )
            return sujet, libelle, paragraphes

        demandes += etendre(
            TypeRappel.BILAN_TRANSMIS,
            occurrences,
            {regles.NATIONAL: dgefp},
            texte,
            cle=f"bilan:{bilan.pk}:transmis",
            lien=chemin("tableau_de_bord:bilan", bilan.pk),
            objet=bilan,
        )
    return demandes


@collecteur(TypeRappel.CAOM_ETAPE)
def etapes_caom(aujourdhui: date):
    """Each step of a CAOM's negotiation, dated within the catch-up window: the département's conseil général."""
    from caom.models import EtapeCaom

    jours = rattrapage()
    qs = EtapeCaom.objects.filter(date_etape__range=fenetre(aujourdhui, jours))
    qs = qs.select_related("caom__departement")
    if not qs.exists():
        return []
    conseils = destinataires.par_departement(Role.CONSEIL_GENERAL)
    demandes = []
    for etape in qs:
        caom = etape.caom

        def texte(o, etape=etape, caom=caom):
            etat = etape.get_statut_display().lower()
            sujet = f"CAOM {caom.annee} – {caom.departement} : {etat}"
            libelle = f"CAOM {caom.annee} – {caom.departement} : {etat} le {date_fr(etape.date_etape)}"
            paragraphes = (
                f"La négociation de la CAOM {caom.annee} du département {caom.departement} passe de « "
                f"{etape.get_statut_precedent_display().lower()} » à « {etat} » le {date_fr(etape.date_etape)} "
                f"({SOURCE_CAOM}).",
            ) + ((f"Commentaire : {etape.commentaire.strip()}",) if etape.commentaire.strip() else ())
            return sujet, libelle, paragraphes

        demandes += etendre(
            TypeRappel.CAOM_ETAPE,
            regles.dues(regles.etape_caom(etape.date_etape, jours), aujourdhui),
            {regles.CONSEIL_GENERAL: conseils.get(caom.departement_id, [])},
            texte,
            cle=f"caom:{caom.pk}:etape:{etape.pk}",
            lien=chemin("caom:detail", caom.pk),
            objet=caom,
        )
    return demandes


def _mois_trop_percus(aujourdhui: date, jours: int) -> dict[tuple[int, date], date]:
    """(convention, month) paid by a statement recorded within the window -> the day that statement was recorded."""
    from paiements.models import PaiementAsp

    payes = PaiementAsp.objects.filter(releve__enregistre_le__range=_depuis(aujourdhui, jours)).values_list(
        "convention_id", "mois", "releve__enregistre_le"
    )
    resultat: dict[tuple[int, date], date] = {}
    for convention_id, mois, enregistre_le in payes:
        jour = _jour(enregistre_le)
        cle = (convention_id, mois)
        resultat[cle] = max(resultat.get(cle, jour), jour)
    return resultat


@collecteur(TypeRappel.PAIEMENT_ASP_SIGNALE)
def paiements_asp_signales(aujourdhui: date):
    """A month of aid flagged by the reconciliation: paid too much by a statement just recorded, or still unpaid
    ``DELAI_PAIEMENT_AIDE_JOURS`` days after its end. The convention's prescripteur is told, once per month; and
    once per convention annulled after the ASP paid it."""
    from conventions.models import Convention
    from paiements.rapprochement import mois_signales, signale
    from paiements.regles import IMPAYE, TROP_PERCU

    jours = rattrapage()
    trop_percus = _mois_trop_percus(aujourdhui, jours)
    lignes = []
    if trop_percus:
        qs = mois_signales(None, aujourdhui, TROP_PERCU).filter(
            convention_id__in={c for c, _ in trop_percus}, mois__in={m for _, m in trop_percus}
        )
        lignes += [(m, trop_percus[(m.convention_id, m.mois)]) for m in qs if (m.convention_id, m.mois) in trop_percus]
    devenus = regles.mois_devenus_impayes(aujourdhui, jours)
    if devenus:
        lignes += [(m, None) for m in mois_signales(None, aujourdhui, IMPAYE).filter(mois__in=devenus)]
    annulees = _paiements_sur_conventions_annulees(aujourdhui)
    if not lignes:
        return annulees
    conventions = Convention.objects.select_related("employeur", "prescripteur").in_bulk(
        {m.convention_id for m, _ in lignes}
    )
    prescripteurs = destinataires.par_organisation(Role.PRESCRIPTEUR)
    demandes = []
    for mois, jour_releve in lignes:
        r = signale(mois, aujourdhui).rapprochement
        c = conventions[mois.convention_id]
        occurrences = regles.dues(regles.paiement_asp_signale(r.signal, r.mois, jour_releve, jours), aujourdhui)

        def texte(o, r=r, c=c):
            periode = r.mois.strftime("%m/%Y")
            if r.signal == TROP_PERCU:
                sujet = f"Trop-perçu de l'aide de {periode} – convention n° {c.numero}"
                libelle = f"Convention n° {c.numero} : aide de {periode} payée au-delà du dû"
                premier = (
                    f"Le relevé de l'ASP enregistré le {date_fr(o.echeance)} paie pour {periode} plus que l'aide "
                    f"due au titre de la convention n° {c.numero} ({c.employeur.raison_sociale}) : l'écart est à "
                    "faire rembourser."
                )
            else:
                sujet = f"Aide de {periode} impayée – convention n° {c.numero}"
                libelle = f"Convention n° {c.numero} : aide de {periode} impayée"
                premier = (
                    f"L'aide de {periode} de la convention n° {c.numero} ({c.employeur.raison_sociale}) n'a pas été "
                    f"payée par l'ASP {DELAI_PAIEMENT_AIDE_JOURS} jours après la fin du mois."
                )
            return sujet, libelle, (premier, "Vérifiez la convention et, si besoin, signalez-le à l'ASP.")

        demandes += sur_la_convention(
            TypeRappel.PAIEMENT_ASP_SIGNALE,
            c,
            occurrences,
            au_prescripteur(c, prescripteurs),
            texte,
            precision=f"{r.signal}:{r.mois.isoformat()}",
        )
    return demandes + annulees


def _paiements_sur_conventions_annulees(aujourdhui: date):
    """A convention annulled within the window after the ASP paid some of its months: nothing was ever due, all it
    was paid is to be recovered. The prescripteur is told once, with the months and the total."""
    from conventions.models import Convention
    from paiements.rapprochement import paiements_sur_conventions_annulees as paiements
    from paiements.regles import CONVENTION_ANNULEE

    debut, fin = fenetre(aujourdhui, rattrapage())
    lignes = paiements(None).filter(convention__date_annulation__range=(debut, fin))
    par_convention: dict[int, list[dict]] = {}
    for ligne in lignes:
        par_convention.setdefault(ligne["convention_id"], []).append(ligne)
    if not par_convention:
        return []
    conventions = Convention.objects.select_related("employeur", "prescripteur").in_bulk(par_convention)
    prescripteurs = destinataires.par_organisation(Role.PRESCRIPTEUR)
    demandes = []
    for pk, payes in par_convention.items():
        c = conventions[pk]
        occurrences = regles.dues(regles.paiements_sur_convention_annulee(c.date_annulation), aujourdhui)
        total = sum((ligne["etat"] or 0) + (ligne["cg"] or 0) for ligne in payes)
        mois = ", ".join(sorted(ligne["mois"].strftime("%m/%Y") for ligne in payes))

        def texte(o, c=c, total=total, mois=mois):
            sujet = f"Paiements à récupérer – convention annulée n° {c.numero}"
            libelle = f"Convention n° {c.numero}, annulée : {euros(total)} payés par l'ASP à récupérer"
            premier = (
                f"La convention n° {c.numero} ({c.employeur.raison_sociale}) a été annulée le "
                f"{date_fr(c.date_annulation)} alors que l'ASP lui avait payé l'aide de {mois}, soit "
                f"{euros(total)} : aucune aide ne lui était due, tout est à récupérer."
            )
            return sujet, libelle, (premier, "Signalez-le à l'ASP pour qu'elle émette l'ordre de reversement.")

        demandes += sur_la_convention(
            TypeRappel.PAIEMENT_ASP_SIGNALE,
            c,
            occurrences,
            au_prescripteur(c, prescripteurs),
            texte,
            precision=CONVENTION_ANNULEE,
        )
    return demandes
