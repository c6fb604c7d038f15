"""In-process measurements (Django test client, SQL, WeasyPrint, import), each beside its floor in the same run.

Every latency is the median of ``REPETITIONS`` runs after one warm-up run.
"""

import statistics
import time
from contextlib import suppress
from datetime import date

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from .generateur import COMPTES

REPETITIONS = 7


def mediane(fonction, repetitions: int = REPETITIONS) -> float:
    """Median wall time of ``fonction()`` in milliseconds (one warm-up run first)."""
    fonction()
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append((time.perf_counter() - debut) * 1000)
    return round(statistics.median(durees), 2)


def url(nom: str, *args) -> str | None:
    try:
        return reverse(nom, args=args)
    except NoReverseMatch:
        return None


def client_de(qui: str) -> Client:
    from comptes.models import Utilisateur

    client = Client()
    client.force_login(Utilisateur.objects.get(email=COMPTES[qui]), backend="django.contrib.auth.backends.ModelBackend")
    return client


def obtenir(client: Client, chemin: str):
    reponse = client.get(chemin)
    if reponse.status_code != 200:
        raise RuntimeError(f"GET {chemin} : HTTP {reponse.status_code}")
    return reponse


def requetes(client: Client, chemin: str) -> int:
    with CaptureQueriesContext(connection) as capture:
        obtenir(client, chemin)
    return len(capture.captured_queries)


# --- national dashboard -----------------------------------------------------------------------------

SQL_NATIONAL = """
SELECT c.region_id,
       COUNT(*) FILTER (WHERE c.type_contrat = 'CAE') AS entrees_cae,
       COUNT(*) FILTER (WHERE c.type_contrat = 'CIE') AS entrees_cie,
       AVG(c.taux) FILTER (WHERE c.type_contrat = 'CAE') AS taux_cae,
       AVG(c.taux) FILTER (WHERE c.type_contrat = 'CIE') AS taux_cie,
       AVG(c.duree_hebdo_prise_en_charge) FILTER (WHERE c.type_contrat = 'CAE') AS heures_cae,
       AVG(c.duree_hebdo_prise_en_charge) FILTER (WHERE c.type_contrat = 'CIE') AS heures_cie,
       AVG(c.duree_mois) FILTER (WHERE c.type_contrat = 'CAE') AS duree_cae,
       AVG(c.duree_mois) FILTER (WHERE c.type_contrat = 'CIE') AS duree_cie,
       COUNT(*) FILTER (WHERE j.jeune) AS cae_jeunes,
       COUNT(*) FILTER (WHERE j.jeune AND c.immersion) AS cae_jeunes_immersion
FROM conventions_convention c
JOIN conventions_salarie s ON s.id = c.salarie_id
JOIN conventions_employeur e ON e.id = c.employeur_id
CROSS JOIN LATERAL (SELECT c.type_contrat = 'CAE' AND NOT c.aci AND c.duree_mois >= 12
        AND e.statut_juridique IN ('collectivite_territoriale', 'association')
        AND c.date_embauche < s.date_naissance + INTERVAL '26 years' AS jeune) j
WHERE c.statut <> 'brouillon' AND c.date_conclusion BETWEEN %s AND %s
GROUP BY c.region_id
"""


def quinzaine_de_mesure():
    """The last fortnight of 2014 (the generated data cover 2010–2014)."""
    from tableau_de_bord.models import Quinzaine

    return Quinzaine.objects.filter(date_debut=date(2014, 12, 16)).first()


def tableau_de_bord_national() -> dict:
    chemin = url("tableau_de_bord:national")
    if chemin is None:
        return {"mesure": False, "raison": "page tableau_de_bord:national absente"}
    quinzaine = quinzaine_de_mesure()
    chemin += f"?quinzaine={quinzaine.pk}"
    client = client_de("national")

    def sql():
        with connection.cursor() as curseur:
            curseur.execute(SQL_NATIONAL, [date(quinzaine.annee, 1, 1), quinzaine.date_fin])
            return curseur.fetchall()

    from .planchers import SQUELETTE

    page = mediane(lambda: obtenir(client, chemin))
    plancher = mediane(sql)
    squelette = mediane(lambda: obtenir(client, SQUELETTE))
    return {
        "mesure": True,
        "chemin": chemin,
        "page_ms": page,
        "sql_nu_ms": plancher,
        "ratio": round(page / plancher, 2),
        # The honest floor: the bare SQL of the aggregates plus the skeleton page every page pays.
        "squelette_ms": squelette,
        "plancher_ms": round(plancher + squelette, 2),
        "ratio_plancher": round(page / (plancher + squelette), 2),
        "requetes": requetes(client, chemin),
    }


# --- list of conventions ----------------------------------------------------------------------------


def liste_conventions() -> dict:
    from conventions.models import Convention

    chemin = url("conventions:liste")
    if chemin is None:
        return {"mesure": False, "raison": "page conventions:liste absente"}
    prescripteur = client_de("prescripteur")
    national = client_de("national")
    admin = client_de("admin")
    org = prescripteur.get(chemin).wsgi_request.habilitation.organisation_id
    changelist = reverse("admin:conventions_convention_changelist")
    filtre = f"{chemin}?type_contrat=CAE"
    filtre_admin = f"{changelist}?prescripteur__id__exact={org}&type_contrat__exact=CAE"
    # Same offset in both: the list shows 25 rows a page, the admin 100 (page 200 ≈ admin page 50).
    profonde = f"{chemin}?page=200"
    profonde_admin = f"{changelist}?p=50"
    resultat = {"mesure": True, "conventions_du_prescripteur": Convention.objects.filter(prescripteur_id=org).count()}
    for nom, client, vue, client_admin, vue_admin in (
        ("premiere_page", prescripteur, filtre, admin, filtre_admin),
        ("page_200", national, profonde, admin, profonde_admin),
    ):
        page = mediane(lambda c=client, v=vue: obtenir(c, v))
        plancher = mediane(lambda c=client_admin, v=vue_admin: obtenir(c, v))
        resultat[nom] = {
            "chemin": vue,
            "page_ms": page,
            "admin_ms": plancher,
            "ratio": round(page / plancher, 2),
            "requetes": requetes(client, vue),
            "requetes_admin": requetes(client_admin, vue_admin),
        }
    return resultat


# --- Cerfa PDF --------------------------------------------------------------------------------------

HTML_MINIMAL = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Minimal</title></head>"
    "<body><h1>Document minimal</h1><p>Une page, un paragraphe.</p></body></html>"
)


def pdf_minimal():
    from weasyprint import HTML

    return HTML(string=HTML_MINIMAL).write_pdf()


def chemin_cerfa() -> tuple[str | None, str]:
    """The Cerfa of one of the prescripteur's conventions; else the PDF of an arrêté (said in the results)."""
    from comptes.models import Habilitation
    from conventions.models import Convention

    org = Habilitation.objects.get(utilisateur__email=COMPTES["prescripteur"]).organisation_id
    convention = Convention.objects.filter(prescripteur_id=org).order_by("pk").first()
    chemin = url("conventions:cerfa", convention.pk) if convention else None
    if chemin:
        return chemin, "Cerfa d'une convention (conventions:cerfa)"
    from arretes.models import Arrete

    arrete = Arrete.objects.order_by("pk").first()
    return url("arretes:pdf", arrete.pk), "PDF d'un arrêté (page Cerfa absente)"


def _rendre_en_boucle(args):
    chemin, qui, duree = args
    from django.db import connections

    connections.close_all()
    client = client_de(qui)
    fin = time.perf_counter() + duree
    n = 0
    while time.perf_counter() < fin:
        obtenir(client, chemin)
        n += 1
    return n


def cerfa_pdf(duree_parallele: float = 10.0) -> dict:
    import multiprocessing

    chemin, objet = chemin_cerfa()
    client = client_de("prescripteur")
    document = mediane(lambda: obtenir(client, chemin))
    plancher = mediane(pdf_minimal)
    connection.close()
    debut = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        nombres = pool.map(_rendre_en_boucle, [(chemin, "prescripteur", duree_parallele)] * 2)
    ecoule = time.perf_counter() - debut
    return {
        "mesure": True,
        "objet": objet,
        "chemin": chemin,
        "pdf_ms": document,
        "weasyprint_minimal_ms": plancher,
        "ratio": round(document / plancher, 2),
        "pdf_par_seconde_2_processus": round(sum(nombres) / ecoule, 1),
    }


# --- import of a 10 000-row file ------------------------------------------------------------------


def import_taux(lignes_voulues: int = 10_000) -> dict:
    """The arrêtés import takes at most 18 valid rows per file (2 contracts × 9 publics, no duplicates): the
    10 000 rows go through deposit, check and confirmation as ⌈10 000 / 18⌉ files of 18 rows, one draft arrêté
    each. Floor: a bare ``bulk_create`` of the same rows. Everything is rolled back afterwards."""
    from arretes.models import Arrete, TauxPriseEnCharge
    from arretes.services import confirmer_import, deposer_import
    from comptes.models import Utilisateur
    from referentiels.models import PublicPrioritaire, Region

    publics = list(PublicPrioritaire.objects.filter(actif=True).order_by("ordre"))
    par_fichier = 2 * len(publics)
    fichiers = -(-lignes_voulues // par_fichier)
    regions = list(Region.objects.order_by("pk"))
    auteur = Utilisateur.objects.get(email=COMPTES["admin"])

    def taux_de(contrat, public):
        if contrat == "CIE":
            return 30
        return 105 if public.code == "salaries-aci" else 90

    def contenu() -> bytes:
        lignes = ["contrat;public;taux;heures_max"]
        for contrat in ("CAE", "CIE"):
            for p in publics:
                lignes.append(f"{contrat};{p.code};{taux_de(contrat, p)};26")
        return ("\n".join(lignes) + "\n").encode()

    def brouillons():
        return Arrete.objects.bulk_create(
            [
                Arrete(region=regions[i % len(regions)], annee=2030 + i // len(regions), titre="Mesure", visas="Vu …")
                for i in range(fichiers)
            ]
        )

    fichier = contenu()
    resultat = {"mesure": True, "fichiers": fichiers, "lignes_par_fichier": par_fichier}
    with transaction.atomic():
        arretes = brouillons()
        debut = time.perf_counter()
        ecrites = 0
        for arrete in arretes:
            depot = deposer_import(arrete, "taux.csv", "csv", fichier, auteur)
            ecrites += confirmer_import(depot)
        duree_import = time.perf_counter() - debut
        transaction.set_rollback(True)
    with transaction.atomic():
        arretes = brouillons()
        debut = time.perf_counter()
        objets = [
            TauxPriseEnCharge(
                arrete=a, contrat=c, public=p, taux=taux_de(c, p), heures_max=26, aci=p.code == "salaries-aci"
            )
            for a in arretes
            for c in ("CAE", "CIE")
            for p in publics
        ]
        TauxPriseEnCharge.objects.bulk_create(objets, batch_size=1000)
        duree_nue = time.perf_counter() - debut
        transaction.set_rollback(True)
    resultat.update(
        lignes=ecrites,
        import_lignes_par_s=round(ecrites / duree_import),
        bulk_create_lignes_par_s=round(len(objets) / duree_nue),
        ratio=round((ecrites / duree_import) / (len(objets) / duree_nue), 3),
    )
    return resultat


def autres_pages() -> dict:
    """Query counts of the other main pages (regional CAOM table, arrêtés national follow-up, detail)."""
    from conventions.models import Convention
    from referentiels.models import Region

    national = client_de("national")
    resultat = {}
    region = Region.objects.order_by("code_insee").first()
    for nom, chemin, client in (
        ("caom_region", url("caom:liste") and f"{url('caom:liste')}?annee=2014&region={region.pk}", national),
        ("arretes_suivi", url("arretes:suivi") and f"{url('arretes:suivi')}?annee=2014", national),
    ):
        if chemin:
            with suppress(RuntimeError):
                resultat[nom] = {
                    "chemin": chemin,
                    "ms": mediane(lambda c=client, v=chemin: obtenir(c, v), 3),
                    "requetes": requetes(client, chemin),
                }
    convention = Convention.objects.order_by("pk").first()
    chemin = url("conventions:detail", convention.pk) if convention else None
    if chemin:
        with suppress(RuntimeError):
            resultat["detail_convention"] = {
                "chemin": chemin,
                "ms": mediane(lambda: obtenir(national, chemin), 3),
                "requetes": requetes(national, chemin),
            }
    return resultat
