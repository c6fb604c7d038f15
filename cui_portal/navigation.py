"""The main menu, by role. Each entry: label, URL name, roles that see it (empty: every logged-in person)."""

from dataclasses import dataclass

from django.urls import reverse

from comptes.models import Role

from .permissions import Perimetre


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
    Entree("Mes notifications", "rappels:notifications"),
    Entree(
        "CAOM",
        "caom:liste",
        frozenset({R.CORRESPONDANT_REGIONAL, R.GESTIONNAIRE_REGIONAL, R.NATIONAL, R.CONSEIL_GENERAL}),
    ),
    Entree("Arrêtés régionaux", "arretes:liste"),
    Entree("Suivi des arrêtés", "arretes:suivi", frozenset({R.NATIONAL})),
    Entree("Simulateur d'aide", "simulateur:simulateur"),
    Entree(
        "Tableau de bord CAE-jeunes",
        "tableau_de_bord:accueil",
        frozenset({R.CORRESPONDANT_REGIONAL, R.GESTIONNAIRE_REGIONAL, R.NATIONAL}),
    ),
    Entree(
        "Bilans d'étape",
        "tableau_de_bord:bilans",
        frozenset({R.CORRESPONDANT_REGIONAL, R.GESTIONNAIRE_REGIONAL, R.NATIONAL}),
    ),
]


def menu_pour(perimetre: Perimetre, chemin: str) -> list[dict]:
    entrees = []
    for entree in MENU:
        if entree.roles and not (perimetre.administrateur or perimetre.role in entree.roles):
            continue
        url = reverse(entree.url_name)
        actif = chemin == url if url == "/" else chemin.startswith(url)
        entrees.append({"libelle": entree.libelle, "url": url, "actif": actif})
    return entrees
