"""``make bench``: national-scale measurements on PostgreSQL, each figure beside its floor in the same run.

    make bench                                  # N = 10 000, 100 000 and 1 000 000 conventions
    make bench BENCH_ARGS=--sans-1m             # without the largest
    make bench BENCH_ARGS="--tailles 10000,100000"
    make bench BENCH_ARGS="--modeles --recalcul-jusqu-a 100000 --export-jusqu-a 100000"

The database is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/cui_bench``, created if missing);
it is emptied (reference data kept) before each size. Prints one table and writes it as JSON in
``benchmarks/results/<horodatage>.json``.
"""

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

from .generer import migrer, preparer_django

RESULTATS = Path(__file__).resolve().parent / "results"
CIBLES = {
    "pages": "chaque page principale ≤ 2 × la page squelette (base.html, session, habilitation) ; à N ≤ 1,5 × à 10k",
    "tableau_de_bord": "≤ 1,5 × (SQL nu de ses agrégats + page squelette) ; à 1M ≤ 1,5 × lui-même à 10k",
    "pdf_meme_html": "Cerfa et arrêté ≤ 1,3 × WeasyPrint nu sur le même HTML et la même feuille de style",
    "recherche": "liste avec ?q= ≤ 2 × la même liste sans recherche",
    "export_national": "export XLSX national ≥ 0,5 × openpyxl write_only nu des mêmes lignes ; worker < 300 Mo",
    "recalcul_par_blocs": "recalcul national en groupe Celery : 2 processus ≈ 2 × plus vite qu'un",
    "liste": "≤ 0,5 × liste de l'admin ; requêtes constantes",
    "pdf": "débit de PDF à 2 processus (le plancher honnête est pdf_meme_html)",
    "import": "≥ 0,3 × bulk_create nu",
    "import_releve_asp": "≥ 0,3 × bulk_create nu (relevé de 100 000 lignes de l'ASP)",
    "charge": "0 erreur ; débit ≥ 0,5 × page squelette (20 connexions, 2 workers gunicorn)",
    "memoire": "worker web < 250 Mo ; worker Celery < 300 Mo pendant le plus gros travail",
    "echeancier_national": "recalcul national ≤ 3 × SQL nu (INSERT … SELECT … generate_series des mêmes lignes)",
    "avenant": "recalcul d'une convention : plat de 10k à 1M",
    "budgets": "pages de budgets à N ≤ 1,5 × à 10k ; requêtes constantes",
}


def etape(nom: str, fonction, *args):
    print(f"  – {nom}…", flush=True)
    debut = time.perf_counter()
    try:
        resultat = fonction(*args)
    except Exception as exc:  # a page that breaks must not cost the whole run: say it in the results
        resultat = {"mesure": False, "raison": f"{type(exc).__name__}: {exc}"}
    print(f"    {time.perf_counter() - debut:.1f} s : {json.dumps(resultat, ensure_ascii=False, default=str)[:300]}")
    return resultat


def chemins_de_charge() -> dict:
    from comptes.models import Habilitation
    from conventions.models import Convention

    from .generateur import COMPTES
    from .mesures import quinzaine_de_mesure, url

    org = Habilitation.objects.get(utilisateur__email=COMPTES["prescripteur"]).organisation_id
    convention = Convention.objects.filter(prescripteur_id=org).order_by("-pk").first()
    chemins = {}
    if url("conventions:liste"):
        chemins["liste"] = f"P {url('conventions:liste')}?type_contrat=CAE"
    if convention and url("conventions:detail", convention.pk):
        chemins["detail"] = f"P {url('conventions:detail', convention.pk)}"
    if url("tableau_de_bord:national"):
        chemins["tableau_de_bord"] = f"N {url('tableau_de_bord:national')}?quinzaine={quinzaine_de_mesure().pk}"
    chemins["simulateur"] = "- /simulateur/"
    chemins["api_simulation"] = (
        "- /api/aides/simulation?contrat=CAE&taux=90&heures=26&date=2010-03-01&aci=0&cofinancement_cg=0"
    )
    return chemins


def preparer_donnees(n: int, graine: int, avec_modele: bool) -> dict:
    """Generate the size's data, or copy its template database when there is one (``benchmarks/modeles.py``)."""
    from . import modeles
    from .generateur import generer, vider

    modele = modeles.nom_du_modele(n, graine)
    if avec_modele and modeles.existe(modele):
        duree = modeles.copier(modele)
        migrer()
        rapport = modeles.rapport_enregistre() or {}
        return {**rapport, "copie_du_modele": modele, "copie_s": round(duree, 1)}
    vider()
    rapport = generer(n, graine)
    return {
        "duree_s": round(rapport.duree_totale, 1),
        "etapes_s": rapport.durees,
        "lignes": rapport.lignes,
        "moyennes": rapport.moyennes,
    }


def mesurer_taille(
    n: int,
    graine: int,
    duree_charge: int,
    avec_import: bool,
    recalcul: bool = True,
    avec_releve: bool = False,
    export: bool = True,
    avec_modele: bool = False,
) -> dict:
    from . import charge, mesures, mesures_echeancier, planchers, releve_asp, travaux_bench

    print(f"\n=== N = {n:,} conventions ===".replace(",", " "), flush=True)
    resultat = {
        "n": n,
        "generation": preparer_donnees(n, graine, avec_modele),
        "tableau_de_bord": etape("tableau de bord national", mesures.tableau_de_bord_national),
        "liste": etape("liste des conventions", mesures.liste_conventions),
        "autres_pages": etape("autres pages", mesures.autres_pages),
        "pages": etape("pages principales ÷ page squelette", planchers.pages_principales),
        "recherche": etape("liste avec et sans recherche", planchers.recherche),
        "pdf": etape("PDF Cerfa", mesures.cerfa_pdf),
        "pdf_meme_html": etape("PDF ÷ WeasyPrint nu sur le même HTML", planchers.pdfs),
        "budgets": etape("pages de budgets", mesures_echeancier.budgets),
        "avenant": etape("recalcul de l'échéancier d'une convention", mesures_echeancier.avenant),
    }
    if recalcul:
        resultat["echeancier_national"] = etape(
            "recalcul national de l'échéancier", mesures_echeancier.recalcul_national
        )
        resultat["recalcul_par_blocs"] = etape(
            "recalcul national en groupe Celery (1 puis 2 processus)",
            travaux_bench.recalcul_par_blocs,
            (1, 2),
            max(1000, n // 16),
        )
    if export:
        resultat["export_national"] = etape("export XLSX national dans un worker Celery", travaux_bench.export_national)
    if avec_import:
        resultat["import"] = etape("import de 10 000 lignes", mesures.import_taux)
    if avec_releve:  # one region's 100 000 convention-months: only the largest size has enough
        resultat["import_releve_asp"] = etape(
            "import d'un relevé de l'ASP de 100 000 lignes", releve_asp.import_releve_asp
        )
    resultat["charge"] = etape("charge (gunicorn + wrk)", charge.charge, chemins_de_charge(), duree_charge)
    resultat["celery"] = etape("mémoire d'un worker Celery", charge.memoire_celery, 1 if n >= 1_000_000 else 2)
    return resultat


def _generation(g: dict) -> str:
    if "copie_du_modele" in g:
        return f"{_f(g.get('duree_s'))} (copie de {g['copie_du_modele']} en {g['copie_s']:.0f} s)"
    return _f(g["duree_s"])


def _f(valeur, suffixe="") -> str:
    if valeur is None:
        return "—"
    if isinstance(valeur, float):
        return f"{valeur:.2f}{suffixe}"
    return f"{valeur}{suffixe}"


def tableau(tailles: list[dict]) -> list[list[str]]:
    """One row per figure, one column per size: the figure, its floor and the ratio."""
    lignes = [["mesure", *[f"N = {t['n']:,}".replace(",", " ") for t in tailles], "cible"]]

    def ligne(nom, extraire, cible=""):
        valeurs = []
        for t in tailles:
            try:
                valeurs.append(extraire(t))
            except (KeyError, TypeError):
                valeurs.append("—")
        lignes.append([nom, *valeurs, cible])

    ligne("génération (s)", lambda t: _generation(t["generation"]))
    tdb = lambda t: t["tableau_de_bord"]  # noqa: E731
    # --- the targets, each against its honest floor measured in the same run ---
    ligne(
        "page squelette (base.html, session, habilitation) : ms (requêtes)",
        lambda t: f"{t['pages']['squelette']['ms']:.1f} ({t['pages']['squelette']['requetes']})",
        "plancher",
    )
    premiere = tailles[0].get("pages", {}).get("pages", {})
    for cle in premiere or {}:
        pa = lambda t, c=cle: t["pages"]["pages"][c]  # noqa: E731
        ligne(
            f"{cle.replace('_', ' ')} ÷ squelette : ms (requêtes), ÷ 1re taille",
            lambda t, pa=pa, c=cle: (
                f"{pa(t)['page_ms']:.0f} / {pa(t)['squelette_ms']:.0f} = {pa(t)['ratio']:.2f}× ({pa(t)['requetes']}) ; "
                f"{pa(t)['page_ms'] / premiere[c]['page_ms']:.2f}×"
            ),
            "≤ 2× ; ≤ 1,5× ; constant",
        )
    ligne(
        "tableau de bord national ÷ (SQL nu + squelette) (ms)",
        lambda t: (
            f"{tdb(t)['page_ms']:.0f} / ({tdb(t)['sql_nu_ms']:.0f} + {tdb(t)['squelette_ms']:.0f}) "
            f"= {tdb(t)['ratio_plancher']:.2f}×"
        ),
        "≤ 1,5×",
    )
    for cle, nom in (("cerfa", "PDF Cerfa"), ("arrete", "PDF d'un arrêté")):
        pm = lambda t, c=cle: t["pdf_meme_html"][c]  # noqa: E731
        ligne(
            f"{nom} ÷ WeasyPrint nu, même HTML et feuille (ms) [minimal]",
            lambda t, pm=pm: (
                f"{pm(t)['pdf_ms']:.0f} / {pm(t)['weasyprint_meme_html_ms']:.0f} = {pm(t)['ratio']:.2f}× "
                f"[{pm(t)['weasyprint_minimal_ms']:.0f}]"
            ),
            "≤ 1,3×",
        )
    re_ = lambda t: t["recherche"]  # noqa: E731
    ligne(
        "liste avec ?q= ÷ sans recherche (ms)",
        lambda t: f"{re_(t)['avec_recherche_ms']:.0f} / {re_(t)['sans_recherche_ms']:.0f} = {re_(t)['ratio']:.2f}×",
        "≤ 2× (1M)",
    )
    ex = lambda t: t["export_national"]  # noqa: E731
    ligne(
        "export XLSX national ÷ openpyxl nu (lignes/s)",
        lambda t: (
            f"{ex(t)['lignes_par_s']} / {ex(t)['openpyxl_nu_lignes_par_s']} = {ex(t)['ratio']:.2f}× "
            f"({ex(t)['lignes']} lignes, {ex(t)['fichier_mo']} Mo)"
        ),
        "≥ 0,5×",
    )
    ligne(
        "export XLSX national : RSS max du worker Celery (Mo)", lambda t: _f(ex(t)["rss_max_worker_celery_mo"]), "< 300"
    )
    rb = lambda t: t["recalcul_par_blocs"]  # noqa: E731
    ligne(
        "recalcul national en groupe Celery : 1 / 2 processus (s)",
        lambda t: (
            f"{rb(t)['1_processus']['duree_s']:.1f} / {rb(t)['2_processus']['duree_s']:.1f} "
            f"= {rb(t)['acceleration']:.2f}× ({rb(t)['1_processus']['blocs']} blocs)"
        ),
        "≈ 2×",
    )
    ligne(
        "recalcul en groupe (2 processus) ÷ SQL nu (s)",
        lambda t: (
            f"{rb(t)['2_processus']['duree_s']:.1f} / {t['echeancier_national']['sql_nu_s']:.1f} "
            f"= {rb(t)['2_processus']['duree_s'] / t['echeancier_national']['sql_nu_s']:.2f}×"
        ),
        "≤ 3×",
    )
    ligne(
        "tableau de bord national : page / SQL nu (ms)",
        lambda t: f"{tdb(t)['page_ms']:.1f} / {tdb(t)['sql_nu_ms']:.1f} = {tdb(t)['ratio']:.2f}×",
        "(référence)",
    )
    base = tailles[0]["tableau_de_bord"].get("page_ms")
    ligne("tableau de bord : page / page à la 1re taille", lambda t: f"{tdb(t)['page_ms'] / base:.2f}×", "≤ 1,5× (1M)")
    ligne("tableau de bord : requêtes", lambda t: str(tdb(t)["requetes"]), "constant")
    for cle, nom in (("premiere_page", "1re page filtrée (prescripteur)"), ("page_200", "page 200 (national)")):
        li = lambda t, c=cle: t["liste"][c]  # noqa: E731
        ligne(
            f"liste {nom} / admin (ms)",
            lambda t, li=li: f"{li(t)['page_ms']:.1f} / {li(t)['admin_ms']:.1f} = {li(t)['ratio']:.2f}×",
            "≤ 0,5×",
        )
        ligne(
            f"liste {nom} : requêtes (admin)",
            lambda t, li=li: f"{li(t)['requetes']} ({li(t)['requetes_admin']})",
            "constant",
        )
    for cle, nom in (
        ("caom_region", "CAOM d'une région"),
        ("arretes_suivi", "suivi national des arrêtés"),
        ("detail_convention", "détail d'une convention"),
    ):
        ligne(
            f"{nom} : ms (requêtes)",
            lambda t, c=cle: f"{t['autres_pages'][c]['ms']:.1f} ({t['autres_pages'][c]['requetes']})",
            "constant",
        )
    pdf = lambda t: t["pdf"]  # noqa: E731
    ligne(
        "PDF / WeasyPrint minimal (ms), pour mémoire",
        lambda t: f"{pdf(t)['pdf_ms']:.0f} / {pdf(t)['weasyprint_minimal_ms']:.0f} = {pdf(t)['ratio']:.2f}×",
    )
    ligne("PDF par seconde (2 processus)", lambda t: _f(pdf(t)["pdf_par_seconde_2_processus"]))
    imp = lambda t: t["import"]  # noqa: E731
    ligne(
        "import 10 000 lignes / bulk_create (lignes/s)",
        lambda t: f"{imp(t)['import_lignes_par_s']} / {imp(t)['bulk_create_lignes_par_s']} = {imp(t)['ratio']:.2f}×",
        "≥ 0,3×",
    )
    ech = lambda t: t["echeancier_national"]  # noqa: E731
    ligne(
        "recalcul national de l'échéancier / SQL nu (s)",
        lambda t: f"{ech(t)['recalcul_s']:.1f} / {ech(t)['sql_nu_s']:.1f} = {ech(t)['ratio']:.2f}×",
        "≤ 3×",
    )
    ligne(
        "échéancier : lignes mensuelles (lignes/s du recalcul)",
        lambda t: f"{ech(t)['lignes']} ({ech(t)['lignes_par_s']})",
    )
    av = lambda t: t["avenant"]  # noqa: E731
    base_av = tailles[0].get("avenant", {}).get("ms")
    ligne(
        "recalcul d'une convention (avenant) : ms (requêtes), ÷ 1re taille",
        lambda t: f"{av(t)['ms']:.1f} ({av(t)['requetes']}) = {av(t)['ms'] / base_av:.2f}×",
        "plat",
    )
    for cle, nom in (("national", "budgets national"), ("region", "budget d'une région")):
        bu = lambda t, c=cle: t["budgets"][c]  # noqa: E731
        base_bu = tailles[0].get("budgets", {}).get(cle, {}).get("ms")
        ligne(
            f"{nom} : ms (requêtes), ÷ 1re taille",
            lambda t, bu=bu, b=base_bu: f"{bu(t)['ms']:.1f} ({bu(t)['requetes']}) = {bu(t)['ms'] / b:.2f}×",
            "≤ 1,5× ; constant",
        )
    rel = lambda t: t["import_releve_asp"]  # noqa: E731
    ligne(
        "relevé ASP 100 000 lignes : import / bulk_create (s)",
        lambda t: f"{rel(t)['import_s']:.2f} / {rel(t)['bulk_create_s']:.2f} = {rel(t)['ratio']:.2f}×",
        "≥ 0,3×",
    )
    ch = lambda t: t["charge"]  # noqa: E731
    ligne(
        "charge mixte : req/s / page squelette [vue nue]",
        lambda t: (
            f"{ch(t)['mixte']['requetes_par_s']:.1f} / {ch(t)['squelette']['requetes_par_s']:.1f} "
            f"= {ch(t)['ratio']:.2f}× [{ch(t)['vue_nue']['requetes_par_s']:.0f}]"
        ),
        "≥ 0,5×",
    )
    ligne("charge mixte : p50 / p95 (ms)", lambda t: f"{ch(t)['mixte']['p50_ms']:.0f} / {ch(t)['mixte']['p95_ms']:.0f}")
    ligne("charge mixte : erreurs", lambda t: str(ch(t)["mixte"]["erreurs"]), "0")
    ligne("RSS max worker web (Mo)", lambda t: _f(ch(t)["rss_max_worker_web_mo"]), "< 250")
    ligne("RSS max worker Celery, indicateurs (Mo)", lambda t: _f(t["celery"]["rss_max_worker_celery_mo"]), "< 300")
    return lignes


def afficher(lignes: list[list[str]]):
    largeurs = [max(len(str(ligne[i])) for ligne in lignes) for i in range(len(lignes[0]))]
    for i, ligne in enumerate(lignes):
        print(" | ".join(str(v).ljust(largeurs[j]) for j, v in enumerate(ligne)))
        if i == 0:
            print("-+-".join("-" * w for w in largeurs))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Mesures à l'échelle nationale (PostgreSQL).")
    parser.add_argument("--tailles", default="10000,100000,1000000", help="nombres de conventions, séparés par ,")
    parser.add_argument("--sans-1m", action="store_true", help="sans la plus grande taille (1 000 000)")
    parser.add_argument("--graine", type=int, default=2010)
    parser.add_argument("--duree-charge", type=int, default=30, help="durée du test de charge (s)")
    parser.add_argument(
        "--recalcul-jusqu-a",
        type=int,
        default=1_000_000,
        help="plus grande taille où mesurer le recalcul national de l'échéancier (il réécrit tout l'échéancier)",
    )
    parser.add_argument(
        "--export-jusqu-a",
        type=int,
        default=1_000_000,
        help="plus grande taille où mesurer l'export XLSX national (et son plancher openpyxl, aussi long)",
    )
    parser.add_argument(
        "--modeles",
        action="store_true",
        help="copier la base modèle cui_bench_<N>_g<graine> d'une taille quand elle existe (benchmarks/modeles.py)",
    )
    args = parser.parse_args(argv)
    tailles = [int(t) for t in args.tailles.split(",") if t.strip()]
    if args.sans_1m:
        tailles = [t for t in tailles if t < 1_000_000]
    preparer_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("make bench mesure sur PostgreSQL : DATABASE_URL=postgres://… ")
    migrer()
    call_command("collectstatic", interactive=False, verbosity=0)
    debut = time.perf_counter()
    resultats = [
        mesurer_taille(
            n,
            args.graine,
            args.duree_charge,
            i == 0,
            n <= args.recalcul_jusqu_a,
            avec_releve=i == len(tailles) - 1,
            export=n <= args.export_jusqu_a,
            avec_modele=args.modeles,
        )
        for i, n in enumerate(tailles)
    ]
    lignes = tableau(resultats)
    print()
    afficher(lignes)
    RESULTATS.mkdir(exist_ok=True)
    horodatage = datetime.now().strftime("%Y%m%d-%H%M%S")
    fichier = RESULTATS / f"{horodatage}.json"
    donnees = {
        "horodatage": horodatage,
        "base": settings.DATABASES["default"]["NAME"],
        "duree_totale_s": round(time.perf_counter() - debut, 1),
        "cibles": CIBLES,
        "tableau": lignes,
        "tailles": resultats,
    }
    fichier.write_text(json.dumps(donnees, ensure_ascii=False, indent=2, default=str) + "\n")
    print(f"\nRésultats : {fichier.relative_to(Path.cwd()) if fichier.is_relative_to(Path.cwd()) else fichier}")
    print(f"Durée totale : {donnees['duree_totale_s']:.0f} s")


if __name__ == "__main__":
    main()
