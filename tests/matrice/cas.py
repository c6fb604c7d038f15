"""The permission matrix: for every named URL of the URLconf, who gets what.

Each URL name maps to a list of ``Cas``: the URL's arguments (built from the demo data) and the expected status
for each role. A role absent from ``attendu`` gets ``defaut``. Anonymous visitors get ``anonyme`` (a redirect to
the login page for every private page). ``tests/matrice/test_matrice.py`` fails when a URL of the URLconf has
no entry here, so a new page cannot be forgotten.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

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
    "api-documentation": [
        Cas("documentation de l'API (publique, comme le schéma)", anonyme=200),
        Cas("script de démarrage de Swagger UI (publique)", requete="script=", anonyme=200),
    ],
    "aide": [Cas("aide : celle du rôle de la personne, la liste des rôles sans compte (publique)", anonyme=200)],
    "aide_role": [
        Cas(f"aide du rôle {role} (publique)", kwargs=lambda ctx, role=role: {"role": role}, anonyme=200)
        for role in ("prescripteur", "conseil_general", "administrateur")
    ]
    + [Cas("aide d'un rôle inconnu", kwargs=lambda ctx: {"role": "inconnu"}, defaut=404, anonyme=404)],
    "api-simulation": [Cas("API du simulateur d'aide (publique)", requete=SIMULATION, anonyme=200)],
    "simulateur:simulateur": [Cas("simulateur d'aide (public)", anonyme=200)],
    "simulateur:resultat": [Cas("fragment htmx du simulateur (public)", requete=SIMULATION, anonyme=200)],
}

# URL names that are not pages of ours, with the reason.
EXCLUES = {
    "admin": "l'administration Django : testée à part (réservée au personnel)",
}


# --- conventions individuelles (a concluded CAE of pe_paris in Paris; a draft; one co-financed in the 93) -----


def _convention(ctx, cle: str = "paris"):
    """Made once per test through the services (tests/conventions_ui/factories.py)."""
    from tests.conventions import factories

    cache = ctx.__dict__.setdefault("_conventions", {})
    if cle not in cache:
        factories.arretes_2010(ctx)
        if cle == "brouillon":
            cache[cle] = factories.convention(ctx, conclure=False)
        elif cle == "finie":  # six months, ended before the demonstration's day: its attestation is due
            fin = date(2010, 7, 3)
            cache[cle] = factories.convention(ctx, date_fin=fin, date_fin_contrat_travail=fin)
        elif cle == "cg93":
            cache[cle] = factories.convention(
                ctx,
                code_departement="93",
                financement="etat_cg",
                date_conclusion=date(2010, 1, 4),  # after the signature of the 93's CAOM (18/12/2009)
                public="beneficiaires-rsa",
                salarie_=factories.salarie(beneficiaire_rsa=True),
            )
        else:
            cache[cle] = factories.convention(ctx)
    return {"pk": cache[cle].pk}


LECTEURS_PARIS = tous_sauf(404, prescripteur=200, correspondant=200, gestionnaire=200, national=200, admin=200)
PROPRIETAIRE_PARIS = tous_sauf(404, prescripteur=200, correspondant=403, gestionnaire=403, national=403, admin=200)
CREATEURS = tous_sauf(403, prescripteur=200, prescripteur_nord=200, admin=200)
ANNULATION_PARIS = {**PROPRIETAIRE_PARIS, "prescripteur": 403, "gestionnaire": 200}
ANNULATION_INTERDITE = {**PROPRIETAIRE_PARIS, "prescripteur": 403, "admin": 403}

MATRICE.update(
    {
        "conventions:liste": [Cas("liste des conventions")],
        "conventions:export": [Cas("export XLSX des conventions")],
        "conventions:nouvelle": [Cas("nouvelle convention (étape 1)", attendu=CREATEURS)],
        "conventions:nouvelle_salarie": [
            Cas(
                "nouvelle convention, étape 2 sans employeur : retour à l'étape 1",
                attendu=tous_sauf(403, prescripteur=302, prescripteur_nord=302, admin=302),
            )
        ],
        "conventions:detail": [
            Cas("convention de Pôle emploi Paris 19e", kwargs=_convention, attendu=LECTEURS_PARIS),
            Cas(
                "convention cofinancée par le conseil général de la Seine-Saint-Denis",
                kwargs=lambda ctx: _convention(ctx, "cg93"),
                attendu={**LECTEURS_PARIS, "cg93": 200},
            ),
        ],
        "conventions:cerfa": [Cas("Cerfa de la convention", kwargs=_convention, attendu=LECTEURS_PARIS)],
        "conventions:paiements_xlsx": [Cas("échéancier de l'aide (XLSX)", kwargs=_convention, attendu=LECTEURS_PARIS)],
        "conventions:attestation": [
            Cas(
                "attestation d'expérience (convention finie)",
                kwargs=lambda ctx: _convention(ctx, "finie"),
                attendu=LECTEURS_PARIS,
            )
        ],
        "conventions:etape": [
            Cas(
                "étape 3 d'un brouillon",
                kwargs=lambda ctx: {**_convention(ctx, "brouillon"), "numero": 3},
                attendu=PROPRIETAIRE_PARIS,
            )
        ],
        "conventions:calcul_aide": [
            Cas(
                "calcul de l'aide d'un brouillon",
                kwargs=lambda ctx: _convention(ctx, "brouillon"),
                attendu=PROPRIETAIRE_PARIS,
            )
        ],
        "conventions:recapitulatif": [
            Cas(
                "récapitulatif d'un brouillon",
                kwargs=lambda ctx: _convention(ctx, "brouillon"),
                attendu=PROPRIETAIRE_PARIS,
            )
        ],
        "conventions:avenant": [
            Cas(
                "avenant de renouvellement",
                kwargs=lambda ctx: {**_convention(ctx), "type_avenant": "renouvellement"},
                attendu=PROPRIETAIRE_PARIS,
            )
        ],
        "conventions:suspension": [Cas("déclarer une suspension", kwargs=_convention, attendu=PROPRIETAIRE_PARIS)],
        "conventions:rupture": [Cas("déclarer une rupture", kwargs=_convention, attendu=PROPRIETAIRE_PARIS)],
        "conventions:reprise": [
            Cas(
                "reprise après suspension (refusée : non suspendue, retour à la page)",
                kwargs=_convention,
                methode="post",
                attendu={**PROPRIETAIRE_PARIS, "prescripteur": 302, "admin": 302},
            )
        ],
        "conventions:supprimer": [
            Cas(
                "supprimer un brouillon (page de confirmation)",
                kwargs=lambda ctx: _convention(ctx, "brouillon"),
                attendu=PROPRIETAIRE_PARIS,
            ),
            Cas("supprimer une convention conclue (refusé)", kwargs=_convention, attendu=ANNULATION_INTERDITE),
        ],
        "conventions:corriger_rupture": [
            Cas(
                "corriger la rupture d'une convention non rompue (refusé)",
                kwargs=_convention,
                attendu=ANNULATION_INTERDITE,
            )
        ],
        "conventions:retirer_rupture": [
            Cas(
                "retirer la rupture d'une convention non rompue (refusé)",
                kwargs=_convention,
                attendu=ANNULATION_INTERDITE,
            )
        ],
        "conventions:corriger_suspension": [
            Cas(
                "corriger la suspension d'une convention jamais suspendue (refusé)",
                kwargs=_convention,
                attendu=ANNULATION_INTERDITE,
            )
        ],
        "conventions:retirer_suspension": [
            Cas(
                "retirer la suspension d'une convention jamais suspendue (refusé)",
                kwargs=_convention,
                attendu=ANNULATION_INTERDITE,
            )
        ],
        "conventions:annuler": [
            # Concluded on 15/12/2009: the prescripteur's 7 days are over, the region's gestionnaire annuls.
            Cas("annuler une convention conclue", kwargs=_convention, attendu=ANNULATION_PARIS),
            Cas(
                "annuler un brouillon (refusé : il se supprime)",
                kwargs=lambda ctx: _convention(ctx, "brouillon"),
                attendu=ANNULATION_INTERDITE,
            ),
        ],
    }
)


# --- CAOM (demo 2010: 93 signed, 75 en négociation, 59 accord de principe, 62 non engagée) -----------------


def _caom(code: str):
    def kwargs(ctx):
        from caom.models import Caom

        return {"pk": Caom.objects.get(departement__code=code, annee=2010).pk}

    return kwargs


CAOM_LECTEURS_93 = tous_sauf(404, correspondant=200, gestionnaire=200, national=200, cg93=200, admin=200)
CAOM_REGION_IDF = tous_sauf(403, correspondant=200, correspondant_nord=200, gestionnaire=200, gestionnaire_nord=200)


def _caom_ecriture(succes: int, caom_du_93: bool = False) -> dict:
    """Writes: the region's gestionnaire (and admin); other IdF readers 403; everyone else 404."""
    attendu = tous_sauf(404, gestionnaire=succes, admin=succes, correspondant=403, national=403)
    if caom_du_93:
        attendu["cg93"] = 403
    return attendu


MATRICE.update(
    {
        "caom:liste": [
            Cas("CAOM de la région / du département", attendu=tous_sauf(200, prescripteur=403, prescripteur_nord=403))
        ],
        "caom:rapport": [
            Cas(
                "rapport du 30 novembre",
                attendu={**CAOM_REGION_IDF, "national": 200, "admin": 200, "cg93": 200, "cg59": 200},
            )
        ],
        "caom:rapport_xlsx": [
            Cas(
                "rapport du 30 novembre (XLSX)",
                attendu={**CAOM_REGION_IDF, "national": 200, "admin": 200, "cg93": 200, "cg59": 200},
            )
        ],
        "caom:rapport_pdf": [
            Cas(
                "rapport du 30 novembre (PDF)",
                attendu={**CAOM_REGION_IDF, "national": 200, "admin": 200, "cg93": 200, "cg59": 200},
            )
        ],
        "caom:creer": [
            Cas(
                "nouvelle CAOM sans département : introuvable (les prescripteurs n'ont aucune page CAOM)",
                attendu=tous_sauf(404, prescripteur=403, prescripteur_nord=403),
            )
        ],
        "caom:detail": [Cas("CAOM 2010 de la Seine-Saint-Denis", kwargs=_caom("93"), attendu=CAOM_LECTEURS_93)],
        "caom:pdf": [Cas("PDF de la CAOM 2010 de la Seine-Saint-Denis", kwargs=_caom("93"), attendu=CAOM_LECTEURS_93)],
        "caom:modifier": [Cas("modifier la CAOM 2010 de Paris", kwargs=_caom("75"), attendu=_caom_ecriture(200))],
        "caom:etape": [
            Cas(
                "étape de la CAOM de Paris (formulaire vide)",
                kwargs=_caom("75"),
                methode="post",
                attendu=_caom_ecriture(302),
            )
        ],
        "caom:avenant": [
            Cas("avenant à la CAOM signée du 93", kwargs=_caom("93"), attendu=_caom_ecriture(200, caom_du_93=True))
        ],
    }
)


# --- arrêtés, simulateur, CAOM, tableau de bord, rappels: one module each, their lines added to the above ------
from tests.matrice import (  # noqa: E402
    cas_arretes,
    cas_caom,
    cas_paiements,
    cas_rappels,
    cas_simulateur,
    cas_tableau_de_bord,
)

for _module in (cas_arretes, cas_simulateur, cas_caom, cas_paiements, cas_tableau_de_bord, cas_rappels):
    for _nom, _cas in _module.CAS.items():
        MATRICE.setdefault(_nom, []).extend(_cas)
