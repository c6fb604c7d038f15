"""Home cards: a gestionnaire's drafts and next year's arrêté; for national roles, the regions that are late."""

from django.urls import reverse

from cui_portal import horloge
from cui_portal.accueil import Carte
from cui_portal.permissions import peut_lire_national, region_geree
from droit.nombres import annee_de_campagne

from .models import Arrete, StatutArrete
from .regles import EtatPublication, date_limite_publication, etat_publication


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    annee = annee_de_campagne(aujourd_hui)
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
            etat = etat_publication(annee, aujourd_hui, False, arretes.filter(annee=annee).exists())
            cartes.append(
                Carte(
                    titre=f"Arrêté {annee} pas encore publié",
                    description=(
                        f"À publier au plus tard le {date_limite_publication(annee):%d/%m/%Y} pour permettre les "
                        f"prescriptions de décembre pour des embauches en janvier {annee}."
                    ),
                    url=reverse("arretes:liste"),
                    badge="En retard" if etat == EtatPublication.EN_RETARD else "",
                )
            )
    elif peut_lire_national(perimetre):
        from .views import lignes_suivi

        en_retard = sum(1 for ligne in lignes_suivi(annee, aujourd_hui) if ligne["etat"] == EtatPublication.EN_RETARD)
        if en_retard:
            cartes.append(
                Carte(
                    titre=f"Régions en retard pour leur arrêté {annee}",
                    description=f"Arrêtés attendus au plus tard le {date_limite_publication(annee):%d/%m/%Y}.",
                    url=reverse("arretes:suivi"),
                    nombre=en_retard,
                    badge="En retard",
                )
            )
    return cartes
