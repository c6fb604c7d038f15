"""Home cards of the CAOM: the gestionnaire régional (the negotiations to move on and sign), the regions (the
30 November report), the conseils généraux (their CAOM). « Non signée » only once 31 December has passed."""

from django.urls import reverse
from django.utils.http import urlencode

from cui_portal import horloge
from cui_portal.accueil import Carte, echeance
from cui_portal.permissions import departement_du_conseil_general, region_des_caom_a_signer, region_suivie
from droit.nombres import annee_de_campagne

from .models import Caom, StatutCaom
from .rapport import departements_visibles, lignes_a_faire_avancer
from .regles import date_rapport, echeance_signature


def badge_signature(annee: int, aujourd_hui) -> dict:
    """« À signer avant le 31/12/N-1 » until that day, « Non signée(s) au 31/12/N-1 » after it."""
    fin = echeance_signature(annee)
    return echeance(fin, aujourd_hui, avant="À signer avant le", apres=f"Non signée au {fin:%d/%m/%Y}")


def url_a_faire_avancer(annee: int) -> str:
    return f"{reverse('caom:liste')}?{urlencode({'annee': annee, 'a_faire': 1})}"


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    annee = annee_de_campagne(aujourd_hui)
    cartes = []
    region_id, departement_id = region_suivie(perimetre), departement_du_conseil_general(perimetre)
    if (region_signature := region_des_caom_a_signer(perimetre)) is not None:
        restantes = len(lignes_a_faire_avancer(departements_visibles(perimetre, region_signature), annee))
        if restantes:
            cartes.append(
                Carte(
                    titre=f"CAOM {annee} à faire avancer",
                    description=(
                        f"Négociations à conclure et CAOM à signer avant le {echeance_signature(annee):%d/%m/%Y}, "
                        "après délibération du conseil général."
                    ),
                    url=url_a_faire_avancer(annee),
                    nombre=restantes,
                    **badge_signature(annee, aujourd_hui),
                )
            )
    if region_id is not None:
        rapport = date_rapport(annee)
        carte = {}
        if aujourd_hui <= rapport:
            carte = echeance(rapport, aujourd_hui)
        cartes.append(
            Carte(
                titre="Rapport du 30 novembre sur les CAOM",
                description=f"État des négociations {annee}, dû au {rapport:%d/%m/%Y}.",
                url=f"{reverse('caom:rapport')}?annee={annee}",
                **carte,
            )
        )
    elif departement_id is not None:
        caom = Caom.objects.filter(departement_id=departement_id, annee=annee).first()
        signee = caom is not None and caom.statut in (StatutCaom.SIGNEE, StatutCaom.ECHEC)
        cartes.append(
            Carte(
                titre=f"Votre CAOM {annee}",
                description=caom.get_statut_display() if caom else StatutCaom.NON_ENGAGEE.label,
                url=reverse("caom:detail", args=[caom.pk]) if caom else url_a_faire_avancer(annee),
                **({} if signee else badge_signature(annee, aujourd_hui)),
            )
        )
    return cartes
