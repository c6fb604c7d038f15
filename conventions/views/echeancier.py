"""The schedule of the aid of one convention as a workbook: month by month, due, State, conseil général,
paid by the ASP and the difference (the same figures as the « Paiements de l'aide » section)."""

from cui_portal import horloge
from cui_portal.exports import reponse_xlsx
from cui_portal.permissions import perimetre_requis

from ..services.paiements_de_l_aide import paiements_de_l_aide
from .commun import convention_visible

ENTETES = [
    "Mois",
    "Jours aidés",
    "Jours du mois",
    "Taux (%)",
    "Heures prises en charge",
    "SMIC horaire brut (€)",
    "Aide due (€)",
    "Part de l'État (€)",
    "Part du conseil général (€)",
    "Payé par l'ASP (€)",
    "Écart (€)",
    "À rembourser (€)",
    "Provisoire",
]


@perimetre_requis
def paiements_xlsx(request, pk):
    convention = convention_visible(request, pk)
    paiements = paiements_de_l_aide(convention, horloge.aujourdhui())
    lignes = [
        [
            ligne.mois.mois,
            ligne.mois.jours_aides,
            ligne.mois.jours_du_mois,
            ligne.mois.taux,
            ligne.mois.heures,
            ligne.mois.smic_horaire,
            ligne.mois.aide,
            ligne.mois.part_etat,
            ligne.mois.part_conseil_general,
            ligne.paye,
            ligne.ecart,
            ligne.mois.a_rembourser,
            "oui" if ligne.mois.provisoire else "non",
        ]
        for ligne in paiements.lignes
    ]
    total = ["Total", "", "", "", "", "", paiements.aide, paiements.part_etat, paiements.part_conseil_general]
    lignes.append([*total, paiements.paye, paiements.ecart, paiements.a_rembourser, ""])
    nom = f"echeancier-{convention.numero or convention.pk}"
    return reponse_xlsx(nom, [("Échéancier de l'aide", ENTETES, lignes)])
