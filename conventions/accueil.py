"""Home cards of the conventions: prescripteurs (drafts to complete, conventions ending within a month and their
attestation, suspensions to follow), regions (conventions concluded this month), conseils généraux (conventions
they co-finance)."""

from datetime import timedelta

from django.urls import reverse
from django.utils.http import urlencode

from cui_portal import horloge
from cui_portal.accueil import Carte
from cui_portal.permissions import est_conseil_general, est_prescripteur, region_suivie
from droit.nombres import DELAI_DECLARATION_JOURS
from droit.vocabulaire import StatutConvention

from .models import Convention


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
        dans_un_mois = aujourd_hui + timedelta(days=31)
        finissant = visibles.actives().filter(date_fin__gte=aujourd_hui, date_fin__lte=dans_un_mois).count()
        if finissant:
            cartes.append(
                Carte(
                    titre="Conventions finissant dans le mois",
                    description="L'employeur remet l'attestation d'expérience professionnelle au salarié.",
                    url=_url(fin_du=f"{aujourd_hui:%d/%m/%Y}", fin_au=f"{dans_un_mois:%d/%m/%Y}", en_vigueur="oui"),
                    nombre=finissant,
                    badge="Attestation",
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
        nombre = visibles.exclude(statut=StatutConvention.BROUILLON).filter(date_conclusion__gte=debut).count()
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
