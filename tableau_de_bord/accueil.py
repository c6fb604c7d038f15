"""Home cards: the region's bilan of the fortnight; for the DGEFP, bilans to read and regions late."""

from django.urls import reverse

from cui_portal import horloge
from cui_portal.accueil import Carte
from cui_portal.permissions import peut_lire_national, region_suivie
from droit.nombres import DELAI_PAIEMENT_OPERATEUR_JOURS

from . import regles
from .models import BilanEtape, DemandePaiement, Quinzaine, StatutBilan


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    cartes = []
    region_id = region_suivie(perimetre)
    if region_id is not None:
        # The current fortnight's bilan, and the previous one while it is not transmitted.
        precedente, courante = regles.quinzaine_precedente(aujourd_hui), regles.quinzaine_contenant(aujourd_hui)
        bilans = {
            b.quinzaine.date_debut: b
            for b in BilanEtape.objects.filter(
                region_id=region_id, quinzaine__date_debut__in=[precedente.date_debut, courante.date_debut]
            ).select_related("quinzaine")
        }
        for periode in (precedente, courante):
            bilan = bilans.get(periode.date_debut)
            if bilan and bilan.statut != StatutBilan.BROUILLON:
                continue
            if periode is precedente and bilan is None and aujourd_hui <= periode.date_echeance:
                continue  # nothing was started: the current fortnight's card is enough
            retard = aujourd_hui > periode.date_echeance
            if bilan:
                url = reverse("tableau_de_bord:modifier_bilan", args=[bilan.pk])
            elif periode is courante:
                url = reverse("tableau_de_bord:bilan_quinzaine")
            else:
                url = reverse("tableau_de_bord:bilans")
            cartes.append(
                Carte(
                    titre=f"Bilan d'étape au {periode.date_fin:%d/%m/%Y}",
                    description=f"À transmettre à la DGEFP au plus tard le {periode.date_echeance:%d/%m/%Y}.",
                    url=url,
                    badge="En retard" if retard else "À remplir",
                )
            )
        retards = (
            DemandePaiement.objects.en_retard(aujourd_hui).filter(convention__operateur__region_id=region_id).count()
        )
        if retards:
            cartes.append(
                Carte(
                    titre="Paiements d'opérateurs en retard",
                    description=(
                        f"Dossiers complets depuis plus de {DELAI_PAIEMENT_OPERATEUR_JOURS} jours et non payés par "
                        "l'ASP."
                    ),
                    url=reverse("tableau_de_bord:operateurs_region", args=[region_id]),
                    nombre=retards,
                    badge="En retard",
                )
            )
    elif peut_lire_national(perimetre):
        a_lire = BilanEtape.objects.filter(statut=StatutBilan.SOUMIS).count()
        cartes.append(
            Carte(
                titre="Bilans d'étape à lire",
                description="Bilans transmis par les régions et pas encore lus.",
                url=reverse("tableau_de_bord:bilans") + "?statut=soumis",
                nombre=a_lire,
            )
        )
        echue = regles.quinzaine_echue(aujourd_hui)
        quinzaine = Quinzaine.objects.filter(date_debut=echue.date_debut).first()
        if quinzaine:
            from referentiels.models import Region

            transmis = BilanEtape.objects.filter(quinzaine=quinzaine).exclude(statut=StatutBilan.BROUILLON).count()
            manquants = Region.objects.count() - transmis
            cartes.append(
                Carte(
                    titre=f"Régions en retard (bilan au {quinzaine.date_fin:%d/%m/%Y})",
                    description="Régions dont le bilan d'étape n'a pas été transmis à l'échéance.",
                    url=reverse("tableau_de_bord:national") + f"?quinzaine={quinzaine.pk}",
                    nombre=manquants,
                    badge="En retard" if manquants else "",
                )
            )
    return cartes
