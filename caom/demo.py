"""Demo CAOM in Île-de-France and Nord-Pas-de-Calais: 2010 at four stages of the negotiation; 2011 at every stage
on the demonstration's day (30/11/2010, the day of the report; signature due before 31/12/2010): signed,
deliberated and awaiting signature, agreed in principle, in negotiation, failed, and not engaged. The Nord's CAOM
2010, never signed, is under the circular's exceptional mode decided by the region on 06/04/2010. Idempotent."""

from datetime import date
from decimal import Decimal

from comptes.demo import au_jour_de_la_demonstration
from cui_portal import horloge
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


CP = InstanceDeliberation.COMMISSION_PERMANENTE
CAOM_2011 = [
    (
        "92",
        {"nb_cae_cofinances": 380, "nb_cie_cofinances": 50},
        [
            (S.EN_NEGOCIATION, date(2010, 9, 20), None),
            (S.ACCORD_DE_PRINCIPE, date(2010, 10, 15), None),
            (S.DELIBERATION, date(2010, 11, 15), (date(2010, 11, 15), CP)),
            (S.SIGNEE, date(2010, 11, 22), None),
        ],
        "gestionnaire@demo.cui.fr",
    ),
    (
        "93",
        {"nb_cae_cofinances": 640, "nb_cae_majores": 40, "taux_majore": Decimal(95), "nb_cie_cofinances": 90},
        [
            (S.EN_NEGOCIATION, date(2010, 9, 27), None),
            (S.ACCORD_DE_PRINCIPE, date(2010, 10, 29), None),
            (S.DELIBERATION, date(2010, 11, 26), (date(2010, 11, 26), CP)),
        ],
        "gestionnaire@demo.cui.fr",
    ),
    (
        "75",
        {"nb_cae_cofinances": 470, "nb_cie_cofinances": 60, "duree_hebdo_cae": Decimal(24)},
        [(S.EN_NEGOCIATION, date(2010, 10, 4), None), (S.ACCORD_DE_PRINCIPE, date(2010, 11, 18), None)],
        "gestionnaire@demo.cui.fr",
    ),
    ("94", {"nb_cae_cofinances": 300}, [(S.EN_NEGOCIATION, date(2010, 11, 8), None)], "gestionnaire@demo.cui.fr"),
    (
        "59",
        {"nb_cae_cofinances": 950, "nb_cae_cg_seul": 40, "nb_cie_cofinances": 130, "part_aci": Decimal(15)},
        [(S.EN_NEGOCIATION, date(2010, 10, 12), None), (S.ACCORD_DE_PRINCIPE, date(2010, 11, 24), None)],
        "gestionnaire.nord@demo.cui.fr",
    ),
    (
        "62",
        {"nb_cae_cofinances": 500},
        [(S.EN_NEGOCIATION, date(2010, 10, 5), None), (S.ECHEC, date(2010, 11, 25), None)],
        "gestionnaire.nord@demo.cui.fr",
    ),
]


# The circular's exceptional mode, decided by the region on a CAOM 2010 not formalised by 31/03/2010 (annexe 2):
# département, date of the decision, instruction, author.
MODES_EXCEPTIONNELS = [
    (
        "59",
        date(2010, 4, 6),
        "Instruction DGEFP du 2 avril 2010 relative aux CUI cofinancés dans l'attente de la signature des CAOM",
        "gestionnaire.nord@demo.cui.fr",
    ),
]


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    creees = 0
    for annee, negociations in ((2010, CAOM_2010), (2011, CAOM_2011)):
        creees += _creer(demo, annee, negociations)
    for code, jour, instruction, auteur in MODES_EXCEPTIONNELS:
        caom = Caom.objects.get(departement__code=code, annee=2010)
        if caom.mode_exceptionnel_le is None and jour <= horloge.aujourdhui():
            services.decider_mode_exceptionnel(
                caom,
                date_decision=jour,
                instruction=instruction,
                motif="Accord de principe du 30/11/2009 ; délibération du conseil général reportée.",
                auteur=demo.comptes.get(auteur),
            )
    stdout.write(f"CAOM : {creees} CAOM 2010 et 2011 de démonstration créées.\n")


def _creer(demo, annee: int, negociations) -> int:
    creees = 0
    for code, volumes, etapes, auteur in negociations:
        departement = Departement.objects.get(code=code)
        if Caom.objects.filter(departement=departement, annee=annee).exists():
            continue
        utilisateur = demo.comptes.get(auteur)
        caom = services.enregistrer_caom(Caom(departement=departement, annee=annee, **volumes), auteur=utilisateur)
        for statut, jour, deliberation in etapes:
            if jour > horloge.aujourdhui():
                break  # a demonstration placed earlier stops at its own day
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
    return creees
