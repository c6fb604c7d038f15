"""Home cards of the conventions: prescripteurs (drafts to complete, conventions ending within two months and
their attestation, suspensions to follow), regions (conventions concluded this month), conseils généraux (conventions
they co-finance)."""

from django.urls import reverse
from django.utils.http import urlencode

from cui_portal import horloge
from cui_portal.accueil import Carte, echeance
from cui_portal.badges import INFO
from cui_portal.permissions import est_conseil_general, est_prescripteur, region_suivie
from droit.nombres import DELAI_DECLARATION_JOURS
from droit.vocabulaire import STATUTS_HORS_CHIFFRES, StatutConvention

from .models import Convention
from .regles.duree import ajouter_mois, date_limite_attestation


def _url(**parametres) -> str:
    return f"{reverse('conventions:liste')}?{urlencode(parametres)}"


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    visibles = Convention.objects.visibles_par(perimetre)
    cartes = []
    if est_prescripteur(perimetre):
        if brouillons := visibles.filter(statut=StatutConvention.BROUILLON).count():
            cartes.append(
                Carte(
                    titre="Brouillons de convention à compléter",
                    description="Conventions commencées, à compléter puis à conclure.",
                    url=_url(statut=StatutConvention.BROUILLON),
                    nombre=brouillons,
                )
            )
        # The attestation d'expérience is given at the latest one month before the end, and a renewal needs the
        # employer's bilan: the conventions ending within two months are the ones to prepare.
        horizon = ajouter_mois(aujourd_hui, 2)
        fins = list(
            visibles.actives()
            .filter(date_fin__gte=aujourd_hui, date_fin__lte=horizon)
            .values_list("date_fin", flat=True)
        )
        if fins:
            limites = [date_limite_attestation(fin) for fin in fins if date_limite_attestation(fin) >= aujourd_hui]
            cartes.append(
                Carte(
                    titre=f"Conventions finissant d'ici le {horizon:%d/%m/%Y}",
                    description=(
                        "L'employeur remet l'attestation d'expérience professionnelle au plus tard un mois avant la "
                        "fin du contrat ; un renouvellement demande d'abord son bilan."
                    ),
                    url=_url(fin_du=f"{aujourd_hui:%d/%m/%Y}", fin_au=f"{horizon:%d/%m/%Y}", en_vigueur="oui"),
                    nombre=len(fins),
                    **(
                        echeance(min(limites), aujourd_hui, avant="Attestation à remettre avant le")
                        if limites
                        else {"badge": "Attestation", "couleur": INFO}
                    ),
                )
            )
        if suspendues := visibles.au_statut(StatutConvention.SUSPENDUE).count():
            cartes.append(
                Carte(
                    titre="Suspensions et ruptures",
                    description=f"Toute suspension ou rupture se déclare dans les {DELAI_DECLARATION_JOURS} jours ; "
                    "suivez les contrats suspendus.",
                    url=_url(statut=StatutConvention.SUSPENDUE),
                    nombre=suspendues,
                )
            )
    elif region_suivie(perimetre) is not None:
        debut = aujourd_hui.replace(day=1)
        if nombre := visibles.exclude(statut__in=STATUTS_HORS_CHIFFRES).filter(date_conclusion__gte=debut).count():
            cartes.append(
                Carte(
                    titre="Conventions de la région ce mois-ci",
                    description=f"Conventions individuelles conclues depuis le {debut:%d/%m/%Y}.",
                    url=_url(conclue_du=f"{debut:%d/%m/%Y}"),
                    nombre=nombre,
                )
            )
    elif est_conseil_general(perimetre) and (nombre := visibles.actives().count()):
        cartes.append(
            Carte(
                titre="Conventions cofinancées en vigueur",
                description=(
                    "Conventions de bénéficiaires du RSA que le conseil général cofinance ou finance seul, en "
                    f"vigueur au {aujourd_hui:%d/%m/%Y}."
                ),
                url=_url(en_vigueur="oui"),
                nombre=nombre,
            )
        )
    return cartes
