"""Arrêtés and their rates for the tests."""

from datetime import date
from decimal import Decimal

from arretes.models import VISAS_ANNEXE_3, Arrete, PorteeArrete, StatutArrete, TauxPriseEnCharge
from referentiels.models import PublicPrioritaire, Region

TAUX_CAE = {
    "beneficiaires-rsa": 95,
    "beneficiaires-aah": 95,
    "travailleurs-handicapes": 95,
    "seniors-50-ans": 95,
    "salaries-aci": 105,
}
TAUX_CIE = {"beneficiaires-rsa": 47, "beneficiaires-aah": 47, "travailleurs-handicapes": 47}


def region(code_insee: str = "11") -> Region:
    return Region.objects.get(code_insee=code_insee)


def creer_arrete(code_insee="11", annee=2010, numero="", portee=PorteeArrete.CAE_CIE, avec_taux=True, **champs):
    arrete = Arrete.objects.create(
        region=region(code_insee),
        annee=annee,
        numero=numero,
        titre=champs.pop("titre", "Arrêté fixant le montant de l'aide de l'État"),
        portee=portee,
        visas=VISAS_ANNEXE_3,
        date_signature=champs.pop("date_signature", date(annee - 1, 11, 20)),
        **champs,
    )
    if avec_taux:
        for public in PublicPrioritaire.objects.filter(actif=True):
            TauxPriseEnCharge(
                arrete=arrete,
                contrat="CAE",
                public=public,
                taux=Decimal(TAUX_CAE.get(public.code, 90)),
                heures_max=26 if public.code in TAUX_CAE else 20,
            ).save()
            if portee == PorteeArrete.CAE_CIE:
                TauxPriseEnCharge(
                    arrete=arrete,
                    contrat="CIE",
                    public=public,
                    taux=Decimal(TAUX_CIE.get(public.code, 30)),
                    heures_max=35,
                ).save()
    return arrete


def arrete_publie(code_insee="11", annee=2010, numero="2009-100", date_publication=date(2009, 11, 27), **champs):
    from arretes.services import publier

    arrete = creer_arrete(code_insee, annee, numero=numero, **champs)
    return publier(arrete, date_publication)


__all__ = ["StatutArrete", "arrete_publie", "creer_arrete", "region"]
