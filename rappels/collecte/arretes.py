"""Regions without a published arrêté for next year, from 1 November (escalation after 30 November)."""

from datetime import date

from droit.vocabulaire import Role
from rappels import destinataires, regles
from rappels.models import TypeRappel
from referentiels.models import Region

from . import chemin, collecteur, date_fr, etendre


@collecteur(TypeRappel.ARRETE_ANNUEL)
def arretes_annuels(aujourdhui: date):
    from arretes.models import Arrete, StatutArrete

    annee = regles.annee_cible_arrete(aujourdhui)
    if not regles.dues(regles.arrete_annuel(annee, publie=False), aujourdhui):
        return []
    publiees = set(Arrete.objects.filter(annee=annee, statut=StatutArrete.PUBLIE).values_list("region_id", flat=True))
    gestionnaires = destinataires.par_region(Role.GESTIONNAIRE_REGIONAL)
    mip = destinataires.correspondants_mip()
    nationaux = destinataires.nationaux()
    lien = chemin("arretes:liste")
    demandes = []
    for region in Region.objects.exclude(pk__in=publiees).order_by("nom"):
        occurrences = regles.dues(regles.arrete_annuel(annee, publie=False), aujourdhui)

        def texte(o, region=region):
            en_retard = o.niveau == "retard"
            sujet = f"{'Retard' if en_retard else 'Rappel'} : arrêté {annee} de la région {region.nom}"
            libelle = f"Aucun arrêté {annee} publié pour la région {region.nom}"
            paragraphes = [
                f"La région {region.nom} n'a pas encore publié son arrêté fixant le montant de l'aide de l'État "
                f"pour les contrats uniques d'insertion de {annee}.",
                f"Les arrêtés doivent être prêts pour le {date_fr(o.echeance)} afin que les prescriptions de "
                f"décembre pour des embauches en janvier puissent commencer (circulaire DGEFP n° 2009-42).",
            ]
            if en_retard:
                paragraphes.append("L'échéance est dépassée : ce message est aussi adressé à la DGEFP.")
            return sujet, libelle, tuple(paragraphes)

        publics = {
            regles.GESTIONNAIRES: gestionnaires.get(region.pk, []),
            regles.MIP: mip.get(region.pk, []),
            regles.NATIONAL: nationaux,
        }
        demandes += etendre(
            TypeRappel.ARRETE_ANNUEL,
            occurrences,
            publics,
            texte,
            cle=f"arrete:{region.code_insee}:{annee}",
            lien=lien,
            objet=region,
        )
    return demandes
