"""The main menu, by role. Each entry: label, URL name, roles that see it (empty: every logged-in person)."""

from dataclasses import dataclass

from django.urls import reverse

from droit.vocabulaire import Role

from .permissions import ROLES_BUDGETS, ROLES_CAOM, ROLES_PAIEMENTS, ROLES_PROGRAMME, Perimetre, a_l_un_des_roles


@dataclass(frozen=True)
class Entree:
    libelle: str
    url_name: str
    roles: frozenset = frozenset()


R = Role
MENU: list[Entree] = [
    Entree("Accueil", "accueil"),
    Entree("Organisations", "referentiels:organisations"),
    Entree(
        "Conventions",
        "conventions:liste",
        frozenset({R.PRESCRIPTEUR, R.CORRESPONDANT_REGIONAL, R.GESTIONNAIRE_REGIONAL, R.NATIONAL, R.CONSEIL_GENERAL}),
    ),
    Entree("Nouvelle convention", "conventions:nouvelle", frozenset({R.PRESCRIPTEUR})),
    Entree("CAOM", "caom:liste", frozenset(ROLES_CAOM)),
    Entree("Arrêtés régionaux", "arretes:liste"),
    Entree("Suivi des arrêtés", "arretes:suivi", frozenset({R.NATIONAL})),
    Entree("Paiements de l'ASP", "paiements:signalements", frozenset(ROLES_PAIEMENTS)),
    Entree("Mes notifications", "rappels:notifications"),
    Entree("Simulateur d'aide", "simulateur:simulateur"),
    Entree("Tableau de bord CAE-jeunes", "tableau_de_bord:accueil", frozenset(ROLES_PROGRAMME)),
    Entree("Bilans d'étape", "tableau_de_bord:bilans", frozenset(ROLES_PROGRAMME)),
    Entree("Budgets de l'aide", "tableau_de_bord:budgets", frozenset(ROLES_BUDGETS)),
]


def menu_pour(perimetre: Perimetre, chemin: str) -> list[dict]:
    entrees = [
        {"libelle": entree.libelle, "url": reverse(entree.url_name), "actif": False}
        for entree in MENU
        if not entree.roles or a_l_un_des_roles(perimetre, entree.roles)
    ]
    # One current entry: the longest URL that the path starts with ("/" only for the home page itself).
    candidates = [e for e in entrees if (chemin == e["url"] if e["url"] == "/" else chemin.startswith(e["url"]))]
    if candidates:
        max(candidates, key=lambda e: len(e["url"]))["actif"] = True
    return entrees
