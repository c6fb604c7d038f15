"""Demo arrêtés: 2010 published in Île-de-France and Nord-Pas-de-Calais (late 2009); on the demonstration's day
(30/11/2010, the deadline of the 2011 arrêtés) 2011 published in Île-de-France and Rhône-Alpes, drafted in
Nord-Pas-de-Calais, missing elsewhere. The other regions have no 2010 arrêté, so that the « aucun arrêté » error
can be shown. Idempotent."""

from datetime import date
from decimal import Decimal

from comptes.demo import au_jour_de_la_demonstration
from cui_portal import horloge
from referentiels.models import PublicPrioritaire, Region

from .models import TITRES, VISAS_ANNEXE_3, Arrete, PorteeArrete, StatutArrete, TauxPriseEnCharge

# public code: (CAE rate, CAE hours, CIE rate, CIE hours)
TAUX_2010 = {
    "jeunes-moins-26-ans": (90, 20, 30, 35),
    "demandeurs-emploi-longue-duree": (90, 20, 30, 35),
    "beneficiaires-rsa": (95, 26, 47, 35),
    "beneficiaires-ass": (90, 26, 40, 35),
    "beneficiaires-aah": (95, 26, 47, 35),
    "travailleurs-handicapes": (95, 26, 47, 35),
    "seniors-50-ans": (95, 26, 40, 35),
    "salaries-aci": (105, 26, 30, 35),
    "autres-publics": (90, 20, 30, 35),
}

ARRETES = [
    # key, region, year, number, signed, published (None: draft), place, rate adjustment on CAE
    ("idf_2010", "11", 2010, "2009-1187", date(2009, 11, 24), date(2009, 11, 27), "Paris", 0),
    ("npdc_2010", "31", 2010, "2009-342", date(2009, 11, 30), date(2009, 12, 2), "Lille", 0),
    ("idf_2011", "11", 2011, "2010-1402", date(2010, 11, 22), date(2010, 11, 26), "Paris", -2),
    ("ra_2011", "82", 2011, "2010-0877", date(2010, 11, 18), date(2010, 11, 23), "Lyon", 0),
    ("npdc_2011", "31", 2011, "", None, None, "Lille", -2),
]


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    publics = {p.code: p for p in PublicPrioritaire.objects.filter(code__in=TAUX_2010)}
    for cle, code_region, annee, numero, signe, publie, lieu, ajustement in ARRETES:
        region = Region.objects.get(code_insee=code_region)
        arrete, _ = Arrete.objects.update_or_create(
            region=region,
            annee=annee,
            numero=numero,
            defaults={
                "titre": TITRES[PorteeArrete.CAE_CIE],
                "portee": PorteeArrete.CAE_CIE,
                "visas": VISAS_ANNEXE_3.replace("2010", str(annee)),
                "date_signature": signe,
                "lieu_signature": lieu,
                "signataire": "Le préfet de la région " + region.nom,
            },
        )
        if arrete.statut == StatutArrete.BROUILLON:
            for code, (taux_cae, heures_cae, taux_cie, heures_cie) in TAUX_2010.items():
                for contrat, taux, heures in (
                    ("CAE", taux_cae + ajustement, heures_cae),
                    ("CIE", taux_cie, heures_cie),
                ):
                    TauxPriseEnCharge.objects.filter(arrete=arrete, contrat=contrat, public=publics[code]).delete()
                    TauxPriseEnCharge(
                        arrete=arrete, contrat=contrat, public=publics[code], taux=Decimal(taux), heures_max=heures
                    ).save()
            if publie is not None and publie <= horloge.aujourdhui():
                from .services import publier

                arrete = publier(arrete, publie)
        stdout.write(f"  arrêté {cle} : {arrete.get_statut_display().lower()}\n")
