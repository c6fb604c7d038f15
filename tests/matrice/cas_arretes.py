"""Matrix lines of the arrêtés (issue 3; demo: arretes/demo.py).

Demo data: 2010 published in Île-de-France (11) and Nord-Pas-de-Calais (31), 2011 published in Île-de-France
and a draft in Nord-Pas-de-Calais. An Île-de-France draft (2012) and imports of rates are made by the cases.

Rules: regional roles see every arrêté of their region (drafts included), national and administrators all;
prescripteurs and conseils généraux the published arrêtés of their region only (a draft of another region, or
any draft for them, is a 404). Only the region's gestionnaire (and an administrator) loads, imports, publishes
and replaces (403 for the other roles that see the arrêté); a published arrêté is never edited again (403).
The national follow-up (who has published for next year) is for the DGEFP and administrators.
"""

from datetime import date

from tests.matrice.cas import Cas, tous_sauf


def _arrete(code_region: str, annee: int, brouillon: bool = False):
    from arretes.models import Arrete, StatutArrete

    qs = Arrete.objects.filter(region__code_insee=code_region, annee=annee)
    qs = qs.filter(statut=StatutArrete.BROUILLON) if brouillon else qs.exclude(statut=StatutArrete.BROUILLON)
    return qs.get()


def _brouillon_idf():
    """A 2012 draft of Île-de-France (the demo has none), made in the test's transaction."""
    from arretes.models import Arrete
    from referentiels.models import Region

    arrete, _ = Arrete.objects.get_or_create(
        region=Region.objects.get(code_insee="11"),
        annee=2012,
        numero="",
        defaults={"titre": "Arrêté fixant les taux 2012", "visas": "Vu le code du travail ;"},
    )
    return arrete


PUBLIE_IDF = lambda ctx: {"pk": _arrete("11", 2010).pk}  # noqa: E731
PUBLIE_NPDC = lambda ctx: {"pk": _arrete("31", 2010).pk}  # noqa: E731
BROUILLON_NPDC = lambda ctx: {"pk": _arrete("31", 2011, brouillon=True).pk}  # noqa: E731
BROUILLON_IDF = lambda ctx: {"pk": _brouillon_idf().pk}  # noqa: E731


def _import(arrete_de, statut: str):
    def kwargs(ctx):
        from arretes.models import ImportTaux

        pk = arrete_de(ctx)["pk"]
        depot = ImportTaux.objects.create(arrete_id=pk, nom_fichier="taux.csv", format="csv", statut=statut)
        return {"pk": pk, "import_pk": depot.pk}

    return kwargs


# Who reads an arrêté
LECTEURS_PUBLIE_IDF = tous_sauf(
    404, prescripteur=200, correspondant=200, gestionnaire=200, national=200, cg93=200, admin=200
)
LECTEURS_PUBLIE_NPDC = tous_sauf(
    404, prescripteur_nord=200, correspondant_nord=200, gestionnaire_nord=200, national=200, cg59=200, admin=200
)
LECTEURS_BROUILLON_IDF = tous_sauf(404, correspondant=200, gestionnaire=200, national=200, admin=200)
LECTEURS_BROUILLON_NPDC = tous_sauf(404, correspondant_nord=200, gestionnaire_nord=200, national=200, admin=200)


def _ecriture(lecteurs: dict, gestionnaire: str, succes: int) -> dict:
    """Everyone who sees the arrêté but may not write it gets 403; its region's gestionnaire and admin ``succes``."""
    attendu = {role: 403 if statut == 200 else statut for role, statut in lecteurs.items()}
    attendu[gestionnaire] = attendu["admin"] = succes
    return attendu


def _ecriture_brouillon_idf(succes: int) -> dict:
    return _ecriture(LECTEURS_BROUILLON_IDF, "gestionnaire", succes)


def _ecriture_brouillon_npdc(succes: int) -> dict:
    return _ecriture(LECTEURS_BROUILLON_NPDC, "gestionnaire_nord", succes)


# A published arrêté is never edited: 403 for everyone who sees it, the gestionnaire and admin included.
ECRITURE_PUBLIE_IDF = _ecriture(LECTEURS_PUBLIE_IDF, "gestionnaire", 403)

NATIONAL = tous_sauf(403, national=200, admin=200)
PUBLICATION = lambda ctx: {"date_publication": date.today().isoformat()}  # noqa: E731

CAS = {
    "arretes:liste": [
        Cas("arrêtés de la région (publiés seulement pour les prescripteurs et conseils généraux)"),
        Cas("arrêtés 2011 en brouillon (filtre)", requete="annee=2011&statut=brouillon"),
    ],
    "arretes:creer": [
        Cas(
            "nouvel arrêté : gestionnaires régionaux et administrateurs",
            attendu=tous_sauf(403, gestionnaire=200, gestionnaire_nord=200, admin=200),
        )
    ],
    "arretes:suivi": [
        Cas("suivi national des arrêtés de l'année suivante (DGEFP)", attendu=NATIONAL),
        Cas("suivi national 2011", requete="annee=2011", attendu=NATIONAL),
    ],
    "arretes:suivi_export": [Cas("suivi national des arrêtés (XLSX)", attendu=NATIONAL)],
    "arretes:detail": [
        Cas("arrêté 2010 publié d'Île-de-France", kwargs=PUBLIE_IDF, attendu=LECTEURS_PUBLIE_IDF),
        Cas("arrêté 2010 publié du Nord-Pas-de-Calais", kwargs=PUBLIE_NPDC, attendu=LECTEURS_PUBLIE_NPDC),
        Cas("arrêté 2011 en brouillon du Nord-Pas-de-Calais", kwargs=BROUILLON_NPDC, attendu=LECTEURS_BROUILLON_NPDC),
        Cas("arrêté 2012 en brouillon d'Île-de-France", kwargs=BROUILLON_IDF, attendu=LECTEURS_BROUILLON_IDF),
    ],
    "arretes:pdf": [
        Cas("PDF de l'arrêté 2010 publié d'Île-de-France", kwargs=PUBLIE_IDF, attendu=LECTEURS_PUBLIE_IDF),
        Cas("PDF de l'arrêté 2010 publié du Nord-Pas-de-Calais", kwargs=PUBLIE_NPDC, attendu=LECTEURS_PUBLIE_NPDC),
        Cas("PDF du brouillon 2011 du Nord-Pas-de-Calais", kwargs=BROUILLON_NPDC, attendu=LECTEURS_BROUILLON_NPDC),
    ],
    "arretes:modifier": [
        Cas("modifier le brouillon 2012 d'Île-de-France", kwargs=BROUILLON_IDF, attendu=_ecriture_brouillon_idf(200)),
        Cas(
            "modifier le brouillon 2011 du Nord-Pas-de-Calais",
            kwargs=BROUILLON_NPDC,
            attendu=_ecriture_brouillon_npdc(200),
        ),
        Cas("modifier l'arrêté 2010 publié d'Île-de-France : jamais", kwargs=PUBLIE_IDF, attendu=ECRITURE_PUBLIE_IDF),
    ],
    "arretes:supprimer": [
        Cas(
            "supprimer le brouillon 2012 d'Île-de-France (page de confirmation)",
            kwargs=BROUILLON_IDF,
            attendu=_ecriture_brouillon_idf(200),
        ),
        Cas("supprimer l'arrêté 2010 publié d'Île-de-France : jamais", kwargs=PUBLIE_IDF, attendu=ECRITURE_PUBLIE_IDF),
    ],
    "arretes:publier": [
        Cas(
            "publier le brouillon 2011 du Nord-Pas-de-Calais (refusé faute de numéro : retour au détail)",
            kwargs=BROUILLON_NPDC,
            methode="post",
            donnees=PUBLICATION,
            attendu=_ecriture_brouillon_npdc(302),
        ),
        Cas(
            "publier le brouillon 2012 d'Île-de-France",
            kwargs=BROUILLON_IDF,
            methode="post",
            donnees=PUBLICATION,
            attendu=_ecriture_brouillon_idf(302),
        ),
        Cas(
            "publier un arrêté déjà publié",
            kwargs=PUBLIE_IDF,
            methode="post",
            donnees=PUBLICATION,
            attendu=ECRITURE_PUBLIE_IDF,
        ),
    ],
    "arretes:remplacer": [
        Cas(
            "remplacer l'arrêté 2010 publié d'Île-de-France (nouveau brouillon)",
            kwargs=PUBLIE_IDF,
            methode="post",
            attendu=_ecriture(LECTEURS_PUBLIE_IDF, "gestionnaire", 302),
        ),
        Cas(
            "remplacer l'arrêté 2010 publié du Nord-Pas-de-Calais",
            kwargs=PUBLIE_NPDC,
            methode="post",
            attendu=_ecriture(LECTEURS_PUBLIE_NPDC, "gestionnaire_nord", 302),
        ),
    ],
    "arretes:importer": [
        Cas(
            "import des taux du brouillon 2012 d'Île-de-France",
            kwargs=BROUILLON_IDF,
            attendu=_ecriture_brouillon_idf(200),
        ),
        Cas(
            "import des taux du brouillon 2011 du Nord-Pas-de-Calais",
            kwargs=BROUILLON_NPDC,
            attendu=_ecriture_brouillon_npdc(200),
        ),
        Cas("import des taux d'un arrêté publié : jamais", kwargs=PUBLIE_IDF, attendu=ECRITURE_PUBLIE_IDF),
    ],
    "arretes:import_modele": [
        Cas(
            "modèle XLSX des taux du brouillon 2011 du Nord-Pas-de-Calais",
            kwargs=BROUILLON_NPDC,
            attendu=_ecriture_brouillon_npdc(200),
        ),
        Cas(
            "modèle XLSX du brouillon 2012 d'Île-de-France", kwargs=BROUILLON_IDF, attendu=_ecriture_brouillon_idf(200)
        ),
    ],
    "arretes:import_apercu": [
        Cas(
            "aperçu d'un import refusé du brouillon du Nord-Pas-de-Calais",
            kwargs=_import(BROUILLON_NPDC, "invalide"),
            attendu=_ecriture_brouillon_npdc(200),
        ),
        Cas(
            "aperçu d'un import valide du brouillon d'Île-de-France",
            kwargs=_import(BROUILLON_IDF, "valide"),
            attendu=_ecriture_brouillon_idf(200),
        ),
    ],
    "arretes:import_progression": [
        Cas(
            "progression d'un import en cours (fragment htmx), brouillon du Nord-Pas-de-Calais",
            kwargs=_import(BROUILLON_NPDC, "en_cours"),
            attendu=_ecriture_brouillon_npdc(200),
        ),
        Cas(
            "progression d'un import en cours, brouillon d'Île-de-France",
            kwargs=_import(BROUILLON_IDF, "en_cours"),
            attendu=_ecriture_brouillon_idf(200),
        ),
    ],
    "arretes:import_relancer": [
        Cas(
            "relancer la vérification d'un import en cours (pas interrompue : retour à l'aperçu), "
            "brouillon du Nord-Pas-de-Calais",
            kwargs=_import(BROUILLON_NPDC, "en_cours"),
            methode="post",
            attendu=_ecriture_brouillon_npdc(302),
        ),
        Cas(
            "relancer la vérification d'un import en cours, brouillon d'Île-de-France",
            kwargs=_import(BROUILLON_IDF, "en_cours"),
            methode="post",
            attendu=_ecriture_brouillon_idf(302),
        ),
    ],
    "arretes:import_confirmer": [
        Cas(
            "confirmer un import refusé (rien n'est écrit : retour à l'aperçu), brouillon du Nord-Pas-de-Calais",
            kwargs=_import(BROUILLON_NPDC, "invalide"),
            methode="post",
            attendu=_ecriture_brouillon_npdc(302),
        ),
        Cas(
            "confirmer un import refusé, brouillon d'Île-de-France",
            kwargs=_import(BROUILLON_IDF, "invalide"),
            methode="post",
            attendu=_ecriture_brouillon_idf(302),
        ),
    ],
}
