"""Conventions individuelles: the employer's attestation d'expérience professionnelle, the prescripteur's bilan
before a renewal, and suspensions or ruptures declared late. No employee's name or NIR in any message."""

from datetime import date, timedelta

from droit.nombres import DELAI_DECLARATION_JOURS, SOURCE_DECLARATION
from droit.vocabulaire import Role
from rappels import destinataires, regles
from rappels.models import TypeRappel

from . import Demande, chemin, collecteur, date_fr, etendre, fenetre, rattrapage

JOURS_AVANT_ATTESTATION = 15
MOIS_AVANT_BILAN = 2


def _actives(aujourdhui: date):
    """The conventions in force on the run's day (their status derived from their dates on that day)."""
    from conventions.models import Convention

    return Convention.objects.actives(aujourdhui).select_related("employeur", "prescripteur", "region")


def au_prescripteur(convention, par_organisation) -> dict[str, list]:
    """The prescripteur's public for ``convention``: its people in the portal (``par_organisation``, from
    ``destinataires.par_organisation``), or else its organisation's mailbox."""
    return {
        regles.PRESCRIPTEUR: par_organisation.get(convention.prescripteur_id)
        or destinataires.adresse(convention.prescripteur.email, convention.prescripteur.nom)
    }


def sur_la_convention(type_rappel, convention, occurrences, publics, texte, *, precision: str = "") -> list[Demande]:
    """The reminders about one convention: keyed on it (``convention:<pk>``, then ``:precision`` when one event
    of it is told apart from the others), linked to its page, attached to it."""
    return etendre(
        type_rappel,
        occurrences,
        publics,
        texte,
        cle=f"convention:{convention.pk}" + (f":{precision}" if precision else ""),
        lien=chemin("conventions:detail", convention.pk),
        objet=convention,
    )


@collecteur(TypeRappel.CONVENTION_ATTESTATION)
def attestations(aujourdhui: date):
    """The employer gives the attestation d'expérience professionnelle at the latest one month before the end."""
    debut = regles.ajouter_mois(aujourdhui, 1) - timedelta(days=3)
    fin = regles.ajouter_mois(aujourdhui + timedelta(days=JOURS_AVANT_ATTESTATION), 1) + timedelta(days=3)
    demandes = []
    for c in _actives(aujourdhui).filter(date_fin__range=(debut, fin)).exclude(employeur__contact_email=""):
        occurrences = regles.dues(
            regles.attestation_experience(c.date_fin, en_cours=True, jours_avant=JOURS_AVANT_ATTESTATION), aujourdhui
        )

        def texte(o, c=c):
            sujet = f"Attestation d'expérience professionnelle – convention n° {c.numero}"
            libelle = f"Attestation d'expérience professionnelle à remettre (convention n° {c.numero})"
            paragraphes = (
                f"Le contrat aidé (convention n° {c.numero}) de votre salarié(e) prend fin le {date_fr(c.date_fin)}.",
                "L'employeur lui remet une attestation d'expérience professionnelle au plus tard un mois avant la "
                f"fin du contrat, soit le {date_fr(o.echeance)} (circulaire DGEFP n° 2009-42).",
            )
            return sujet, libelle, paragraphes

        publics = {regles.EMPLOYEUR: destinataires.adresse(c.employeur.contact_email, c.employeur.contact_nom)}
        demandes += sur_la_convention(TypeRappel.CONVENTION_ATTESTATION, c, occurrences, publics, texte)
    return demandes


@collecteur(TypeRappel.CONVENTION_BILAN)
def bilans_renouvellement(aujourdhui: date):
    """Two months before the end, the prescripteur is reminded that a renewal needs the employer's bilan."""
    jours = rattrapage()
    debut = regles.ajouter_mois(aujourdhui - timedelta(days=jours), MOIS_AVANT_BILAN) - timedelta(days=3)
    fin = regles.ajouter_mois(aujourdhui, MOIS_AVANT_BILAN) + timedelta(days=3)
    qs = _actives(aujourdhui).filter(date_fin__range=(debut, fin), bilan_employeur_fourni=False)
    if not qs.exists():
        return []
    prescripteurs = destinataires.par_organisation(Role.PRESCRIPTEUR)
    demandes = []
    for c in qs:
        occurrences = regles.dues(
            regles.bilan_renouvellement(c.date_fin, en_cours=True, mois_avant=MOIS_AVANT_BILAN, rattrapage=jours),
            aujourdhui,
        )

        def texte(o, c=c):
            sujet = f"Fin de convention le {date_fr(c.date_fin)} : bilan avant renouvellement (n° {c.numero})"
            libelle = f"Convention n° {c.numero} ({c.employeur.raison_sociale}) : fin le {date_fr(c.date_fin)}"
            paragraphes = (
                f"La convention n° {c.numero} avec {c.employeur.raison_sociale} prend fin le {date_fr(c.date_fin)}.",
                "Un renouvellement n'est possible qu'après un bilan, par l'employeur, des actions d'accompagnement "
                "et de formation conduites (circulaire DGEFP n° 2009-42). Ce bilan n'est pas encore enregistré.",
            )
            return sujet, libelle, paragraphes

        demandes += sur_la_convention(
            TypeRappel.CONVENTION_BILAN, c, occurrences, au_prescripteur(c, prescripteurs), texte
        )
    return demandes


@collecteur(TypeRappel.CONVENTION_DECLARATION_TARDIVE)
def declarations_tardives(aujourdhui: date):
    """A suspension or a rupture declared more than 7 days after the event: the prescripteur and the region's
    gestionnaires are told once, from the day it is declared."""
    from conventions.models import Convention

    jours = rattrapage()
    qs = Convention.objects.filter(date_declaration_evenement__range=fenetre(aujourdhui, jours)).select_related(
        "employeur", "prescripteur", "region"
    )
    if not qs.exists():
        return []
    prescripteurs = destinataires.par_organisation(Role.PRESCRIPTEUR)
    gestionnaires = destinataires.par_region(Role.GESTIONNAIRE_REGIONAL)
    demandes = []
    for c in qs:
        evenement = c.date_rupture or c.date_suspension
        if evenement is None:
            continue
        nature = "rupture" if c.date_rupture else "suspension"
        occurrences = []
        for public in (regles.PRESCRIPTEUR, regles.GESTIONNAIRES):
            occurrences += regles.declaration_tardive(evenement, c.date_declaration_evenement, public, jours)

        def texte(o, c=c, nature=nature, evenement=evenement):
            sujet = f"Déclaration tardive d'une {nature} – convention n° {c.numero}"
            libelle = (
                f"{nature.capitalize()} du {date_fr(evenement)} déclarée le {date_fr(c.date_declaration_evenement)}"
            )
            paragraphes = (
                f"La {nature} de la convention n° {c.numero} ({c.employeur.raison_sociale}) survenue le "
                f"{date_fr(evenement)} a été déclarée le {date_fr(c.date_declaration_evenement)}, au-delà du délai "
                f"de {DELAI_DECLARATION_JOURS} jours ({SOURCE_DECLARATION} ; échu le {date_fr(o.echeance)}).",
                "Vérifiez les conséquences sur l'aide versée.",
            )
            return sujet, libelle, paragraphes

        publics = au_prescripteur(c, prescripteurs) | {regles.GESTIONNAIRES: gestionnaires.get(c.region_id, [])}
        demandes += sur_la_convention(
            TypeRappel.CONVENTION_DECLARATION_TARDIVE,
            c,
            regles.dues(occurrences, aujourdhui),
            publics,
            texte,
            precision=f"{nature}:{evenement.isoformat()}",
        )
    return demandes
