"""Bilans d'étape CAE-jeunes not yet submitted: correspondents before and on the due date, MIP once late.

The fortnights come from the national calendar (``tableau_de_bord.regles``), so a region that has not even opened
its bilan is reminded too. Regions taking part are those with a correspondent in the portal or a bilan already.
"""

from datetime import date, timedelta

from django.conf import settings

from droit.vocabulaire import Role
from rappels import destinataires, regles
from rappels.models import TypeRappel
from referentiels.models import Region

from . import chemin, collecteur, date_fr, etendre, rattrapage


def _periodes(aujourdhui: date, jours_avant: int, jours_retard: int):
    from tableau_de_bord.models import Quinzaine
    from tableau_de_bord.regles import quinzaines_de_l_annee

    debut, fin = aujourdhui - timedelta(days=jours_retard + 1), aujourdhui + timedelta(days=jours_avant)
    periodes = {
        p.date_debut: p
        for annee in (aujourdhui.year - 1, aujourdhui.year, aujourdhui.year + 1)
        for p in quinzaines_de_l_annee(annee)
    }
    # A fortnight stored in the database is authoritative (its due date may have been moved).
    stockees = {q.date_debut: q for q in Quinzaine.objects.filter(date_debut__in=list(periodes))}
    resultat = []
    for debut_q, p in periodes.items():
        echeance = stockees[debut_q].date_echeance if debut_q in stockees else p.date_echeance
        if debut <= echeance <= fin:
            resultat.append((p, echeance))
    return resultat


@collecteur(TypeRappel.BILAN_ETAPE)
def bilans_etape(aujourdhui: date):
    from tableau_de_bord.models import BilanEtape, StatutBilan

    jours_avant = int(getattr(settings, "RAPPEL_BILAN_JOURS_AVANT", 3))
    jours_retard = rattrapage()
    periodes = _periodes(aujourdhui, jours_avant, jours_retard)
    if not periodes:
        return []
    correspondants = destinataires.par_region(Role.CORRESPONDANT_REGIONAL)
    bilans = {
        (b.region_id, b.quinzaine.date_debut): b
        for b in BilanEtape.objects.filter(
            quinzaine__date_debut__in=[p.date_debut for p, _ in periodes]
        ).select_related("quinzaine")
    }
    regions_avec_bilan = {region_id for region_id, _ in bilans}
    mip = destinataires.correspondants_mip()
    demandes = []
    for region in Region.objects.filter(pk__in=set(correspondants) | regions_avec_bilan).order_by("nom"):
        for periode, echeance in periodes:
            bilan = bilans.get((region.pk, periode.date_debut))
            soumis = bilan is not None and bilan.statut != StatutBilan.BROUILLON
            occurrences = regles.dues(
                regles.bilan_etape(echeance, soumis, jours_avant=jours_avant, rattrapage=jours_retard), aujourdhui
            )
            if not occurrences:
                continue
            quinzaine = f"du {date_fr(periode.date_debut)} au {date_fr(periode.date_fin)}"

            def texte(o, region=region, quinzaine=quinzaine):
                libelle = f"Bilan d'étape {quinzaine} – {region.nom}"
                if o.niveau == "retard":
                    sujet = f"Bilan d'étape en retard : {region.nom}, quinzaine {quinzaine}"
                    paragraphes = (
                        f"Le bilan d'étape CAE-jeunes de la région {region.nom} pour la quinzaine {quinzaine} "
                        f"n'a pas été transmis à la DGEFP ; il était attendu le {date_fr(o.echeance)}.",
                        "Vous recevez ce message en tant que correspondant MIP de la région.",
                    )
                elif o.niveau == "jour_j":
                    sujet = f"Bilan d'étape attendu aujourd'hui : quinzaine {quinzaine}"
                    paragraphes = (
                        f"Le bilan d'étape CAE-jeunes de la région {region.nom} pour la quinzaine {quinzaine} est "
                        f"attendu par la DGEFP le {date_fr(o.echeance)} et n'a pas encore été transmis.",
                        "Sans transmission, le correspondant MIP de la région en sera informé.",
                    )
                else:
                    sujet = f"Bilan d'étape à transmettre avant le {date_fr(o.echeance)}"
                    paragraphes = (
                        f"Le bilan d'étape CAE-jeunes de la région {region.nom} pour la quinzaine {quinzaine} est "
                        f"à transmettre à la DGEFP au plus tard le {date_fr(o.echeance)} (circulaire DGEFP "
                        "n° 2009-38).",
                    )
                return sujet, libelle, paragraphes

            lien = chemin("tableau_de_bord:bilan", bilan.pk) if bilan else chemin("tableau_de_bord:bilans")
            publics = {regles.CORRESPONDANTS: correspondants.get(region.pk, []), regles.MIP: mip.get(region.pk, [])}
            demandes += etendre(
                TypeRappel.BILAN_ETAPE,
                occurrences,
                publics,
                texte,
                cle=f"bilan:{region.code_insee}:{periode.date_debut.isoformat()}",
                lien=lien,
                objet=bilan or region,
            )
    return demandes
