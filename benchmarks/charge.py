"""Load test: gunicorn (2 workers, production settings + a bare view) under wrk on loopback, and the peak memory
of the web workers and of a Celery worker."""

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from django.conf import settings

RACINE = Path(__file__).resolve().parent.parent
VENV = RACINE / ".venv" / "bin"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
REDIS_BENCH = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")  # a database of our own
SCRIPT = Path(__file__).resolve().parent / "wrk_mixte.lua"
CONNEXIONS = 20  # the mixed load: 30 s, 20 connections, 2 gunicorn workers


def environnement() -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings_bench",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        REDIS_URL=REDIS_BENCH,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(RACINE),
    )
    return env


def cookie_de(qui: str) -> str:
    from .mesures import client_de

    client = client_de(qui)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def vm_hwm_mo(pid: int) -> float | None:
    try:
        texte = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    m = re.search(r"VmHWM:\s+(\d+) kB", texte)
    return round(int(m.group(1)) / 1024, 1) if m else None


def enfants(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Gunicorn:
    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(VENV / "gunicorn"),
                "benchmarks.wsgi_bench:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--log-level",
                "warning",
                "--timeout",
                "60",
            ],
            cwd=RACINE,
            env=environnement(),
        )
        limite = time.time() + 60
        while time.time() < limite:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/nu/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("gunicorn n'a pas démarré.")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def rss_workers(self) -> list[float]:
        return [v for v in (vm_hwm_mo(p) for p in enfants(self.process.pid)) if v is not None]


def wrk(requetes: str, cookies: dict, duree: int) -> dict:
    env = dict(os.environ, WRK_REQUETES=requetes, WRK_COOKIE_N=cookies.get("N", ""), WRK_COOKIE_P=cookies.get("P", ""))
    sortie = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNEXIONS}",
            f"-d{duree}s",
            "--timeout",
            "10s",
            "-s",
            str(SCRIPT),
            f"http://127.0.0.1:{PORT}",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    ligne = next(x for x in sortie.splitlines() if x.startswith("RESULTAT "))
    resultat = json.loads(ligne.removeprefix("RESULTAT "))
    resultat["requetes_par_s"] = round(resultat["requetes"] / (resultat["duree_us"] / 1e6), 1)
    resultat["erreurs"] = resultat["non_2xx_3xx"] + resultat["erreurs_socket"]
    return resultat


def charge(chemins: dict, duree: int = 30) -> dict:
    if shutil.which("wrk") is None:
        return {"mesure": False, "raison": "wrk absent (apt-get install -y wrk)"}
    from django.core.management import call_command

    # Static files may have been added since the start of the run (the manifest of production must list them).
    call_command("collectstatic", interactive=False, verbosity=0)
    cookies = {"N": cookie_de("national"), "P": cookie_de("prescripteur")}
    requetes = "|".join(chemins.values())
    with Gunicorn() as serveur:
        mixte = wrk(requetes, cookies, duree)
        # The floor: the skeleton page (base template, session, user, habilitation), what every page pays;
        # the bare view is kept for reference.
        squelette = wrk("N /bench/squelette/", cookies, max(10, duree // 2))
        nu = wrk("- /bench/nu/", {}, max(10, duree // 2))
        rss = serveur.rss_workers()
    return {
        "mesure": True,
        "requetes": chemins,
        "mixte": mixte,
        "squelette": squelette,
        "vue_nue": nu,
        "ratio": round(mixte["requetes_par_s"] / squelette["requetes_par_s"], 3),
        "ratio_vue_nue": round(mixte["requetes_par_s"] / nu["requetes_par_s"], 3),
        "rss_max_worker_web_mo": max(rss) if rss else None,
    }


def memoire_celery(taches: int = 2, attente_max: float = 600) -> dict:
    """Peak RSS of a Celery worker (prefork, concurrency 1) refreshing the dashboard aggregates ``taches`` times."""
    try:
        from tableau_de_bord.models import RafraichissementIndicateurs
    except ImportError:
        return {"mesure": False, "raison": "pas de tâche de rafraîchissement des agrégats"}
    from celery import Celery

    process = subprocess.Popen(
        [
            str(VENV / "celery"),
            "-A",
            "cui_portal",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"bench-{os.getpid()}@%h",
        ],
        cwd=RACINE,
        env=environnement(),
    )
    try:
        from referentiels.models import Region

        avant = RafraichissementIndicateurs.objects.count()
        par_tache = Region.objects.count()  # a full refresh is a group of one task per region
        client = Celery(broker=REDIS_BENCH)
        time.sleep(3)
        debut = time.perf_counter()
        for _ in range(taches):
            client.send_task("tableau_de_bord.rafraichir_indicateurs")
        limite = time.time() + attente_max
        while RafraichissementIndicateurs.objects.count() < avant + taches * par_tache and time.time() < limite:
            time.sleep(1)
        faites = (RafraichissementIndicateurs.objects.count() - avant) // par_tache
        duree = time.perf_counter() - debut
        pids = [process.pid, *enfants(process.pid)]
        rss = {str(p): vm_hwm_mo(p) for p in pids}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
    valeurs = [v for v in rss.values() if v is not None]
    return {
        "mesure": faites > 0,
        "taches_envoyees": taches,
        "taches_faites": faites,
        "duree_s": round(duree, 1),
        "rss_max_worker_celery_mo": max(valeurs) if valeurs else None,
    }
