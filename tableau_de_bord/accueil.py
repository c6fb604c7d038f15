"""Home cards: the region's bilan to fill and its operators' payments; for the DGEFP, bilans to read and the
regions whose bilan is missing. A bilan or a payment is « à rendre avant le … » until its deadline has passed."""

from django.urls import reverse
from django.utils.http import urlencode

from cui_portal import horloge
from cui_portal.accueil import Carte, echeance
from cui_portal.badges import ATTENTION, ERREUR
from cui_portal.permissions import peut_lire_national, region_suivie
from droit.nombres import DELAI_PAIEMENT_OPERATEUR_JOURS, nombre
from referentiels.models import Region

from . import regles, suivi
from .budgets import lignes_budget
from .models import BilanEtape, DemandePaiement, StatutBilan
from .regles import echeance_paiement
from .services import quinzaine_a_remplir


def _cartes_region(region: Region, aujourd_hui) -> list[Carte]:
    cartes = []
    # The bilan offered to fill: the fortnight that has just ended until it is transmitted, then the current one.
    quinzaine = quinzaine_a_remplir(region, aujourd_hui)
    bilan = BilanEtape.objects.filter(region=region, quinzaine=quinzaine).first()
    if bilan is None or bilan.statut == StatutBilan.BROUILLON:
        cartes.append(
            Carte(
                titre=f"Bilan d'étape au {quinzaine.date_fin:%d/%m/%Y}",
                description=(
                    f"{'Bilan commencé, à compléter' if bilan else 'À remplir'} puis à transmettre à la DGEFP au "
                    f"plus tard le {quinzaine.date_echeance:%d/%m/%Y}."
                ),
                url=reverse("tableau_de_bord:bilan_quinzaine"),
                **echeance(quinzaine.date_echeance, aujourd_hui),
            )
        )
    demandes = DemandePaiement.objects.filter(convention__operateur__region=region)
    operateurs = reverse("tableau_de_bord:operateurs_region", args=[region.pk])
    if retards := demandes.en_retard(aujourd_hui).count():
        cartes.append(
            Carte(
                titre="Paiements d'opérateurs en retard",
                description=(
                    f"Dossiers complets depuis plus de {DELAI_PAIEMENT_OPERATEUR_JOURS} jours et non payés par l'ASP."
                ),
                url=f"{operateurs}?{urlencode({'paiement': 'en_retard'})}",
                nombre=retards,
                badge="En retard",
                couleur=ERREUR,
                echeance=min(echeance_paiement(d.date_dossier_complet) for d in demandes.en_retard(aujourd_hui)),
            )
        )
    a_payer = list(demandes.a_payer(aujourd_hui))
    if a_payer:
        prochaine = min(d.echeance for d in a_payer)
        cartes.append(
            Carte(
                titre="Paiements d'opérateurs à suivre",
                description=(
                    f"Dossiers complets que l'ASP doit payer dans les {DELAI_PAIEMENT_OPERATEUR_JOURS} jours ; le "
                    f"prochain au plus tard le {prochaine:%d/%m/%Y}."
                ),
                url=f"{operateurs}?{urlencode({'paiement': 'a_payer'})}",
                nombre=len(a_payer),
                **echeance(prochaine, aujourd_hui, avant="À payer avant le"),
            )
        )
    return cartes


def _cartes_enveloppe(lignes, url: str) -> list[Carte]:
    """The regions whose State envelope is 90 % committed or more (the alert of the budgets)."""
    en_alerte = [ligne for ligne in lignes if ligne.en_alerte]
    if not en_alerte:
        return []
    depasse = any(ligne.depasse for ligne in en_alerte)
    if len(lignes) == 1:
        ligne = lignes[0]
        return [
            Carte(
                titre="Enveloppe de l'État de la région",
                description=f"{nombre(ligne.taux_enveloppe)} % de l'enveloppe de l'État engagés par les conventions.",
                url=url,
                badge="Dépassée" if depasse else "90 % atteints",
                couleur=ERREUR if depasse else ATTENTION,
            )
        ]
    return [
        Carte(
            titre="Régions à 90 % de leur enveloppe",
            description="Régions dont les conventions engagent 90 % ou plus de l'enveloppe de l'État de l'année.",
            url=url,
            nombre=len(en_alerte),
            badge="Dépassement" if depasse else "90 % atteints",
            couleur=ERREUR if depasse else ATTENTION,
        )
    ]


def a_faire(request, perimetre) -> list[Carte]:
    aujourd_hui = horloge.aujourdhui()
    region_id = region_suivie(perimetre)
    if region_id is not None:
        region = Region.objects.filter(pk=region_id).first()
        if region is None:
            return []
        url = reverse("tableau_de_bord:budget_region", args=[region.pk]) + f"?annee={aujourd_hui.year}"
        return _cartes_region(region, aujourd_hui) + _cartes_enveloppe(
            lignes_budget(aujourd_hui.year, aujourd_hui, [region]), url
        )
    if not peut_lire_national(perimetre):
        return []
    cartes = _cartes_enveloppe(
        lignes_budget(aujourd_hui.year, aujourd_hui, Region.objects.order_by("nom")),
        reverse("tableau_de_bord:budgets") + f"?{urlencode({'annee': aujourd_hui.year, 'alerte': 1})}",
    )
    a_lire = BilanEtape.objects.filter(statut=StatutBilan.SOUMIS).count()
    if a_lire:
        cartes.append(
            Carte(
                titre="Bilans d'étape à lire",
                description="Bilans transmis par les régions et pas encore lus.",
                url=reverse("tableau_de_bord:bilans") + "?statut=soumis",
                nombre=a_lire,
            )
        )
    quinzaine = suivi.quinzaine_choisie(None, aujourd_hui)
    manquants = sum(
        1 for t in suivi.transmissions(quinzaine, aujourd_hui=aujourd_hui) if t.statut == regles.NON_TRANSMIS
    )
    if manquants:
        cartes.append(
            Carte(
                titre=f"Régions sans bilan au {quinzaine.date_fin:%d/%m/%Y}",
                description=(
                    f"Bilans d'étape attendus au plus tard le {quinzaine.date_echeance:%d/%m/%Y} et non transmis."
                ),
                url=reverse("tableau_de_bord:national")
                + f"?{urlencode({'quinzaine': quinzaine.pk, 'transmission': regles.NON_TRANSMIS})}",
                nombre=manquants,
                **echeance(quinzaine.date_echeance, aujourd_hui),
            )
        )
    return cartes
