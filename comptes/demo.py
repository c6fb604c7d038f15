"""Demo organisations and one account per role, in two regions (Île-de-France and Nord-Pas-de-Calais)."""

from dataclasses import dataclass, field
from datetime import date
from functools import wraps

from cui_portal import horloge
from droit.vocabulaire import Role
from referentiels.models import Departement, Organisation, Region, TypeOrganisation

from .models import Habilitation, Utilisateur

MOT_DE_PASSE_DEMO = "Demo-CUI-2010!"
# The day the demonstration lives on: the busiest of the year (2011 arrêtés due, CAOM report due, a bilan due).
DATE_DEMONSTRATION = date(2010, 11, 30)


def au_jour_de_la_demonstration(peupler):
    """Build an app's demo data as of the demonstration's day (or the pinned ``DATE_DU_JOUR``), whatever the
    calendar says: statuses and deadlines follow from the dates, so the data must be written on its own day."""

    @wraps(peupler)
    def enveloppe(demo, stdout):
        with horloge.au(horloge.date_epinglee() or DATE_DEMONSTRATION):
            return peupler(demo, stdout)

    return enveloppe


T = TypeOrganisation

ORGANISATIONS = [
    # clé, nom, type, région (code INSEE), département
    ("dgefp", "DGEFP – Mission insertion professionnelle", T.DGEFP, None, None),
    ("asp", "Agence de services et de paiement", T.ASP, None, None),
    ("direccte_idf", "DIRECCTE Île-de-France", T.DIRECCTE, "11", None),
    ("direccte_npdc", "DIRECCTE Nord-Pas-de-Calais", T.DIRECCTE, "31", None),
    ("pe_paris", "Pôle emploi Paris 19e", T.AGENCE_POLE_EMPLOI, None, "75"),
    ("ml_paris", "Mission locale de Paris", T.MISSION_LOCALE, None, "75"),
    ("pe_bobigny", "Pôle emploi Bobigny", T.AGENCE_POLE_EMPLOI, None, "93"),
    ("pe_lille", "Pôle emploi Lille Centre", T.AGENCE_POLE_EMPLOI, None, "59"),
    ("ml_roubaix", "Mission locale de Roubaix", T.MISSION_LOCALE, None, "59"),
    ("cg93", "Conseil général de la Seine-Saint-Denis", T.CONSEIL_GENERAL, None, "93"),
    ("cg59", "Conseil général du Nord", T.CONSEIL_GENERAL, None, "59"),
]

COMPTES = [
    # e-mail, prénom, nom, [(organisation, rôle)]
    ("prescripteur@demo.cui.fr", "Paul", "Prescripteur", [("pe_paris", Role.PRESCRIPTEUR)]),
    ("prescripteur.nord@demo.cui.fr", "Nadia", "Prescriptrice", [("pe_lille", Role.PRESCRIPTEUR)]),
    ("correspondant@demo.cui.fr", "Claire", "Correspondante", [("direccte_idf", Role.CORRESPONDANT_REGIONAL)]),
    ("correspondant.nord@demo.cui.fr", "Hugo", "Correspondant", [("direccte_npdc", Role.CORRESPONDANT_REGIONAL)]),
    ("gestionnaire@demo.cui.fr", "Gérard", "Gestionnaire", [("direccte_idf", Role.GESTIONNAIRE_REGIONAL)]),
    ("gestionnaire.nord@demo.cui.fr", "Inès", "Gestionnaire", [("direccte_npdc", Role.GESTIONNAIRE_REGIONAL)]),
    ("national@demo.cui.fr", "Nathalie", "Nationale", [("dgefp", Role.NATIONAL)]),
    ("cg93@demo.cui.fr", "Céline", "Département", [("cg93", Role.CONSEIL_GENERAL)]),
    ("cg59@demo.cui.fr", "Didier", "Département", [("cg59", Role.CONSEIL_GENERAL)]),
    ("admin@demo.cui.fr", "Alice", "Administratrice", [("dgefp", Role.ADMINISTRATEUR)]),
    (
        "multi@demo.cui.fr",
        "Marc",
        "Polyvalent",
        [("ml_paris", Role.PRESCRIPTEUR), ("direccte_idf", Role.CORRESPONDANT_REGIONAL)],
    ),
]


@dataclass
class Demo:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    comptes: dict[str, Utilisateur] = field(default_factory=dict)


def creer_organisations_et_comptes() -> Demo:
    demo = Demo()
    for cle, nom, type_, region, departement in ORGANISATIONS:
        dep = Departement.objects.get(code=departement) if departement else None
        reg = Region.objects.get(code_insee=region) if region else (dep.region if dep else None)
        demo.organisations[cle], _ = Organisation.objects.update_or_create(
            type=type_, nom=nom, defaults={"region": reg, "departement": dep}
        )
    for email, prenom, nom, habilitations in COMPTES:
        user = Utilisateur.objects.filter(email=email).first()
        if user is None:
            user = Utilisateur.objects.create_user(email, MOT_DE_PASSE_DEMO, prenom=prenom, nom=nom)
        if any(role == Role.ADMINISTRATEUR for _, role in habilitations):
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        for cle, role in habilitations:
            Habilitation.objects.get_or_create(utilisateur=user, organisation=demo.organisations[cle], role=role)
        demo.comptes[email] = user
    return demo
