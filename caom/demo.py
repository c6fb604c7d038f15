"""Demo CAOM 2010 in Île-de-France and Nord-Pas-de-Calais, at four stages of the negotiation. Idempotent."""

from datetime import date
from decimal import Decimal

from comptes.demo import au_jour_de_la_demonstration
from referentiels.models import Departement

from . import services
from .models import Caom, InstanceDeliberation, StatutCaom

S = StatutCaom
# département, volumes, steps [(status, date, deliberation)]
CAOM_2010 = [
    (
        "93",
        {
            "nb_cae_cofinances": 600,
            "nb_cae_majores": 50,
            "taux_majore": Decimal(95),
            "nb_cae_cg_seul": 20,
            "nb_cie_cofinances": 80,
            "part_aci": Decimal(10),
        },
        [
            (S.EN_NEGOCIATION, date(2009, 11, 9), None),
            (S.ACCORD_DE_PRINCIPE, date(2009, 11, 27), None),
            (S.DELIBERATION, date(2009, 12, 14), (date(2009, 12, 14), InstanceDeliberation.COMMISSION_PERMANENTE)),
            (S.SIGNEE, date(2009, 12, 18), None),
        ],
        "gestionnaire@demo.cui.fr",
    ),
    (
        "75",
        {"nb_cae_cofinances": 450, "nb_cie_cofinances": 60, "duree_hebdo_cae": Decimal(24)},
        [(S.EN_NEGOCIATION, date(2009, 11, 16), None)],
        "gestionnaire@demo.cui.fr",
    ),
    (
        "59",
        {"nb_cae_cofinances": 900, "nb_cae_cg_seul": 40, "nb_cie_cofinances": 120, "part_aci": Decimal(15)},
        [(S.EN_NEGOCIATION, date(2009, 11, 10), None), (S.ACCORD_DE_PRINCIPE, date(2009, 11, 30), None)],
        "gestionnaire.nord@demo.cui.fr",
    ),
    ("62", {}, [], "gestionnaire.nord@demo.cui.fr"),
]


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    creees = 0
    for code, volumes, etapes, auteur in CAOM_2010:
        departement = Departement.objects.get(code=code)
        if Caom.objects.filter(departement=departement, annee=2010).exists():
            continue
        utilisateur = demo.comptes.get(auteur)
        caom = services.enregistrer_caom(Caom(departement=departement, annee=2010, **volumes), auteur=utilisateur)
        for statut, jour, deliberation in etapes:
            date_delib, instance = deliberation or (None, "")
            services.changer_statut(
                caom,
                statut,
                date_etape=jour,
                auteur=utilisateur,
                date_deliberation=date_delib,
                instance_deliberation=instance,
            )
        creees += 1
    stdout.write(f"CAOM : {creees} CAOM 2010 de démonstration créées.")
