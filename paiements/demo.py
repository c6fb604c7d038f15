"""Demo ASP statement: what the ASP paid in Île-de-France from January to September 2010, loaded through the
import service (deposit, check, confirmation), as a gestionnaire would. Every month due is paid exactly, except
one month paid 150,00 € too much (an overpayment) and one month left unpaid, more than 45 days after its end on
the demonstration's day (30/11/2010): the page of the flagged months has real content. Runs after
``conventions.demo``. Idempotent: the same file is refused once recorded (its SHA-256), so it is written once."""

import csv
import io
from datetime import date
from decimal import Decimal

from comptes.demo import au_jour_de_la_demonstration
from conventions.models import MoisAide
from conventions.services.echeancier import conventions_a_echeancier, recalculer_echeanciers
from cui_portal import horloge
from referentiels.models import Region

from .models import StatutReleve
from .regles import ZERO, rapprocher
from .services import confirmer_releve, deposer_releve, empreinte, releve_deja_enregistre

REGION = "11"  # Île-de-France
PREMIER_MOIS, DERNIER_MOIS = date(2010, 1, 1), date(2010, 9, 1)
TROP_PAYE = Decimal("150.00")
NOM_FICHIER = "releve-asp-ile-de-france-2010-01-a-09.csv"


def _montant(x: Decimal) -> str:
    return f"{x:.2f}".replace(".", ",")


def contenu_du_releve(region: Region, jour: date) -> bytes:
    """The statement, as the ASP would send it (CSV, « ; », French decimals), from the region's schedules."""
    mois = (
        MoisAide.objects.filter(region=region, mois__gte=PREMIER_MOIS, mois__lte=DERNIER_MOIS)
        .select_related("convention")
        .order_by("convention__numero", "mois")
    )
    lignes = []
    for m in mois:
        r = rapprocher(
            m.mois,
            part_etat=m.part_etat,
            part_conseil_general=m.part_conseil_general,
            a_rembourser=m.a_rembourser,
            paye_etat=ZERO,
            paye_conseil_general=ZERO,
            jour=jour,
        )
        if r.du > 0:
            lignes.append([m.convention.numero, m.mois, r.du_etat, r.du_conseil_general])
    if len({ligne[0] for ligne in lignes}) >= 2:
        lignes[0][2] += TROP_PAYE  # the first convention's first month: paid too much
        lignes.pop()  # the last convention's last month: never paid
    sortie = io.StringIO()
    ecrivain = csv.writer(sortie, delimiter=";", lineterminator="\n")
    ecrivain.writerow(
        ["numero de convention", "mois", "montant paye par l'Etat", "montant paye par le conseil general"]
    )
    for numero, m, etat, cg in lignes:
        ecrivain.writerow([numero, f"{m:%m/%Y}", _montant(etat), _montant(cg)])
    return sortie.getvalue().encode("utf-8")


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    region = Region.objects.get(code_insee=REGION)
    sans_echeancier = conventions_a_echeancier().filter(region=region, echeancier__isnull=True)
    if sans_echeancier.exists():
        recalculer_echeanciers(sans_echeancier)
    contenu = contenu_du_releve(region, horloge.aujourdhui())
    if releve_deja_enregistre(region.pk, empreinte(contenu)) is not None:
        stdout.write("  relevé de l'ASP : déjà enregistré\n")
        return
    auteur = demo.comptes.get("gestionnaire@demo.cui.fr")
    releve = deposer_releve(region, NOM_FICHIER, "csv", contenu, auteur)
    if releve.statut != StatutReleve.VALIDE:
        raise RuntimeError(f"Relevé de démonstration refusé : {releve.erreurs_fichier or releve.lignes[:3]}")
    nombre = confirmer_releve(releve)
    stdout.write(f"  relevé de l'ASP {region.nom} : {nombre} paiements (un trop-perçu, un impayé)\n")
