"""Home cards of the CAOM: regions (negotiations to move on, 30 November report), conseils généraux (their CAOM)."""

from django.urls import reverse

from cui_portal import horloge
from cui_portal.accueil import Carte
from cui_portal.permissions import departement_du_conseil_general, region_suivie
from droit.nombres import annee_de_campagne
from referentiels.models import Departement

from .models import Caom, StatutCaom
from .regles import date_rapport, echeance_signature, relance_de_decembre


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    annee = annee_de_campagne(aujourd_hui)
    cartes = []
    region_id, departement_id = region_suivie(perimetre), departement_du_conseil_general(perimetre)
    if region_id is not None:
        departements = Departement.objects.filter(region_id=region_id)
        signees = Caom.objects.filter(
            departement__in=departements, annee=annee, statut__in=[StatutCaom.SIGNEE, StatutCaom.ECHEC]
        ).count()
        restantes = departements.count() - signees
        if restantes:
            cartes.append(
                Carte(
                    titre=f"CAOM {annee} à faire avancer",
                    description=f"Négociations à conclure avant le {echeance_signature(annee):%d/%m/%Y}.",
                    url=f"{reverse('caom:liste')}?annee={annee}",
                    nombre=restantes,
                    badge="Échéance dépassée" if aujourd_hui > echeance_signature(annee) else "",
                )
            )
        cartes.append(
            Carte(
                titre="Rapport du 30 novembre sur les CAOM",
                description=f"État des négociations {annee}, dû au {date_rapport(annee):%d/%m/%Y}.",
                url=f"{reverse('caom:rapport')}?annee={annee}",
                badge="Non signées au 31 décembre" if relance_de_decembre(aujourd_hui, annee) and restantes else "",
            )
        )
    elif departement_id is not None:
        caom = Caom.objects.filter(departement_id=departement_id, annee=annee).first()
        cartes.append(
            Carte(
                titre=f"Votre CAOM {annee}",
                description=caom.get_statut_display() if caom else StatutCaom.NON_ENGAGEE.label,
                url=reverse("caom:detail", args=[caom.pk]) if caom else f"{reverse('caom:liste')}?annee={annee}",
                badge="" if caom and caom.signee else f"À signer avant le {echeance_signature(annee):%d/%m/%Y}",
            )
        )
    return cartes
