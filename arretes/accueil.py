"""Home cards: a gestionnaire's drafts and next year's arrêté; for national roles, the regions whose arrêté for
next year is not published (« à rendre avant le 30/11 » until that day, late only after it)."""

from django.urls import reverse
from django.utils.http import urlencode

from cui_portal import horloge
from cui_portal.accueil import Carte, echeance
from cui_portal.permissions import peut_lire_national, region_geree
from droit.nombres import annee_de_campagne

from .models import Arrete, StatutArrete
from .regles import date_limite_publication
from .suivi import NON_PUBLIE, lignes_suivi


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    annee = annee_de_campagne(aujourd_hui)
    limite = date_limite_publication(annee)
    cartes = []
    region_id = region_geree(perimetre)
    if region_id is not None:
        arretes = Arrete.objects.filter(region_id=region_id)
        brouillons = arretes.filter(statut=StatutArrete.BROUILLON).count()
        if brouillons:
            cartes.append(
                Carte(
                    titre="Arrêtés en brouillon",
                    description="Terminez la saisie des taux puis publiez l'arrêté.",
                    url=f"{reverse('arretes:liste')}?statut=brouillon",
                    nombre=brouillons,
                )
            )
        if not arretes.filter(annee=annee, statut=StatutArrete.PUBLIE).exists():
            brouillon = arretes.filter(annee=annee, statut=StatutArrete.BROUILLON).order_by("-pk").first()
            cartes.append(
                Carte(
                    titre=f"Arrêté {annee} pas encore publié",
                    description=(
                        f"À publier au plus tard le {limite:%d/%m/%Y} pour permettre les prescriptions de décembre "
                        f"pour des embauches en janvier {annee}."
                    ),
                    url=reverse("arretes:detail", args=[brouillon.pk]) if brouillon else reverse("arretes:creer"),
                    **echeance(limite, aujourd_hui, avant="À publier avant le"),
                )
            )
    elif peut_lire_national(perimetre):
        manquants = sum(1 for ligne in lignes_suivi(annee, aujourd_hui) if ligne["etat"] in NON_PUBLIE)
        if manquants:
            en_retard = aujourd_hui > limite
            cartes.append(
                Carte(
                    titre=f"Régions {'en retard' if en_retard else 'sans arrêté publié'} pour leur arrêté {annee}",
                    description=f"Arrêtés attendus au plus tard le {limite:%d/%m/%Y}.",
                    url=f"{reverse('arretes:suivi')}?{urlencode({'annee': annee, 'etat': 'non_publie'})}",
                    nombre=manquants,
                    **echeance(limite, aujourd_hui, avant="À publier avant le"),
                )
            )
    return cartes
