"""The permission matrix: for every named URL of the URLconf, who gets what.

Each URL name maps to a list of ``Cas``: the URL's arguments (built from the demo data) and the expected status
for each role. A role absent from ``attendu`` gets ``defaut``. Anonymous visitors get ``anonyme`` (a redirect to
the login page for every private page). ``tests/matrice/test_matrice.py`` fails when a URL of the URLconf has
no entry here, so a new page cannot be forgotten.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

# Roles of the matrix (keys of tests.conftest.COMPTES) and the anonymous visitor.
ROLES = [
    "anonyme",
    "prescripteur",
    "prescripteur_nord",
    "correspondant",
    "correspondant_nord",
    "gestionnaire",
    "gestionnaire_nord",
    "national",
    "cg93",
    "cg59",
    "admin",
]


@dataclass
class Cas:
    description: str
    kwargs: Callable = lambda ctx: {}
    attendu: dict = field(default_factory=dict)
    defaut: int = 200
    anonyme: int = 302
    methode: str = "get"
    donnees: Callable | None = None  # POST data builder
    requete: str = ""  # query string

    def statut_attendu(self, role: str) -> int:
        if role == "anonyme":
            return self.anonyme
        return self.attendu.get(role, self.defaut)


def tous_sauf(statut: int, **exceptions) -> dict:
    """Every role gets ``statut`` except the ones named."""
    return {role: exceptions.get(role, statut) for role in ROLES if role != "anonyme"}


IDF = ("correspondant", "gestionnaire", "national", "admin")

SIMULATION = "contrat=CAE&taux=90&heures=26&date=2009-12-01"  # a valid simulation (simulateur)

MATRICE: dict[str, list[Cas]] = {
    "accueil": [Cas("accueil")],
    "comptes:connexion": [Cas("page de connexion", anonyme=200, defaut=302)],
    "comptes:deconnexion": [Cas("déconnexion", methode="post", defaut=302, anonyme=302)],
    "comptes:choisir_organisation": [Cas("choix de l'organisation")],
    "comptes:mot_de_passe": [Cas("changement du mot de passe")],
    "comptes:mot_de_passe_change": [Cas("mot de passe changé")],
    "comptes:reinitialisation": [Cas("mot de passe oublié", anonyme=200)],
    "comptes:reinitialisation_envoyee": [Cas("courriel envoyé", anonyme=200)],
    "comptes:reinitialisation_confirmation": [
        Cas("lien invalide", kwargs=lambda ctx: {"uidb64": "AA", "token": "x-y"}, anonyme=200)
    ],
    "comptes:reinitialisation_terminee": [Cas("réinitialisation terminée", anonyme=200)],
    "referentiels:organisations": [Cas("liste des organisations")],
    "referentiels:organisation": [
        Cas(
            "agence Pôle emploi Paris 19e",
            kwargs=lambda ctx: {"pk": ctx.organisations["pe_paris"].pk},
            attendu=tous_sauf(404, prescripteur=200, correspondant=200, gestionnaire=200, national=200, admin=200),
        ),
        Cas(
            "Conseil général du Nord",
            kwargs=lambda ctx: {"pk": ctx.organisations["cg59"].pk},
            attendu=tous_sauf(404, correspondant_nord=200, gestionnaire_nord=200, national=200, cg59=200, admin=200),
        ),
    ],
    "rappels:notifications": [Cas("mes notifications")],
    "rappels:ouvrir": [Cas("notification d'un autre ou inexistante", kwargs=lambda ctx: {"pk": 999999}, defaut=404)],
    "rappels:tout_marquer_lu": [Cas("tout marquer comme lu", methode="post", defaut=302)],
    "rappels:lancer_travail": [
        Cas(
            "export des organisations",
            kwargs=lambda ctx: {"type_travail": "export_organisations_xlsx"},
            methode="post",
            defaut=302,
        ),
        Cas("type de travail inconnu", kwargs=lambda ctx: {"type_travail": "inconnu"}, methode="post", defaut=404),
    ],
    "rappels:travail": [
        Cas(
            "travail d'un autre ou inexistant",
            kwargs=lambda ctx: {"pk": "00000000-0000-4000-8000-000000000000"},
            defaut=404,
        )
    ],
    "rappels:travail_etat": [
        Cas(
            "état d'un travail inexistant",
            kwargs=lambda ctx: {"pk": "00000000-0000-4000-8000-000000000000"},
            defaut=404,
        )
    ],
    "rappels:telecharger": [
        Cas(
            "fichier d'un travail inexistant",
            kwargs=lambda ctx: {"pk": "00000000-0000-4000-8000-000000000000"},
            defaut=404,
        )
    ],
    "api-schema": [Cas("schéma OpenAPI (public, comme le simulateur)", anonyme=200)],
    "api-simulation": [Cas("API du simulateur d'aide (publique)", requete=SIMULATION, anonyme=200)],
    "simulateur:simulateur": [Cas("simulateur d'aide (public)", anonyme=200)],
    "simulateur:resultat": [Cas("fragment htmx du simulateur (public)", requete=SIMULATION, anonyme=200)],
}

# URL names that are not pages of ours, with the reason.
EXCLUES = {
    "admin": "l'administration Django : testée à part (réservée au personnel)",
}
