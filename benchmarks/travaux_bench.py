"""The heavy jobs in real Celery workers (prefork, on the bench's own Redis database), each beside its floor:

- the national recomputation of the schedules as a group of per-block tasks (``services.echeancier_blocs``),
  with one worker process then with two: the speed-up (target close to 2× on two cores);
- the national export of the conventions (``export_conventions_xlsx``, every convention, streamed row by row):
  the peak RSS of the worker process that wrote it (target < 300 Mo) and its rows per second ÷ those of a bare
  openpyxl ``write_only`` workbook of the same rows read by ``values_list`` (no model instance, no style, no
  progress; target ≥ 0,5×).
"""

import os
import signal
import subprocess
import tempfile
import time

from .charge import RACINE, REDIS_BENCH, VENV, enfants, environnement, vm_hwm_mo


class WorkerCelery:
    """A Celery worker (prefork, ``concurrence`` processes) of the bench, stopped on exit."""

    def __init__(self, concurrence: int = 1):
        self.concurrence = concurrence

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(VENV / "celery"),
                "-A",
                "cui_portal",
                "worker",
                "--pool=prefork",
                f"--concurrency={self.concurrence}",
                "--prefetch-multiplier=1",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bench-{os.getpid()}-{self.concurrence}@%h",
            ],
            cwd=RACINE,
            env=environnement(),
        )
        limite = time.time() + 60
        while len(enfants(self.process.pid)) < self.concurrence and time.time() < limite:
            time.sleep(0.5)
        time.sleep(2)  # the children connect to the broker
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def rss_max_mo(self) -> float | None:
        valeurs = [vm_hwm_mo(p) for p in [self.process.pid, *enfants(self.process.pid)]]
        valeurs = [v for v in valeurs if v is not None]
        return max(valeurs) if valeurs else None


def vers_le_courtier_du_bench() -> None:
    """This process sends its tasks to the bench's Redis database (where the bench's workers listen)."""
    from cui_portal.celery import app

    app.conf.broker_url = REDIS_BENCH
    app.conf.task_always_eager = False


def _attendre(condition, attente_max: float):
    limite = time.time() + attente_max
    while time.time() < limite:
        if (resultat := condition()) is not None:
            return resultat
        time.sleep(0.5)
    raise RuntimeError(f"travail non terminé après {attente_max:.0f} s")


def recalcul_par_blocs(concurrences=(1, 2), taille_bloc: int | None = None, attente_max: float = 3600) -> dict:
    from conventions.models_recalcul import RecalculEcheanciers, StatutRecalcul
    from conventions.services.echeancier_blocs import TAILLE_BLOC, lancer_recalcul

    vers_le_courtier_du_bench()
    resultat = {"mesure": True}
    for concurrence in concurrences:
        with WorkerCelery(concurrence) as worker:
            debut = time.perf_counter()
            recalcul = lancer_recalcul(taille_bloc or TAILLE_BLOC)

            def fini(pk=recalcul.pk):
                r = RecalculEcheanciers.objects.get(pk=pk)
                return r if r.statut != StatutRecalcul.EN_COURS else None

            fait = _attendre(fini, attente_max)
            duree = time.perf_counter() - debut
            resultat[f"{concurrence}_processus"] = {
                "statut": fait.statut,
                "message": fait.message,
                "blocs": fait.blocs,
                "conventions": fait.conventions,
                "ecrites": fait.ecrites,
                "duree_s": round(duree, 2),
                "rss_max_mo": worker.rss_max_mo(),
            }
    un, deux = (resultat.get(f"{c}_processus", {}).get("duree_s") for c in (1, 2))
    if un and deux:
        resultat["acceleration"] = round(un / deux, 2)
    return resultat


# --- the national export ---------------------------------------------------------------------------

CHAMPS_PLANCHER = (
    "numero",
    "type_contrat",
    "nature",
    "statut",
    "prescripteur__nom",
    "employeur__raison_sociale",
    "employeur__siret",
    "region__nom",
    "departement__nom",
    "salarie__nom",
    "public__libelle",
    "date_conclusion",
    "date_embauche",
    "date_debut",
    "date_fin",
    "duree_hebdo_travail",
    "duree_hebdo_prise_en_charge",
    "taux",
    "aide_mensuelle",
    "part_etat",
    "part_conseil_general",
    "financement",
    "immersion",
    "declaration_tardive",
)


def plancher_openpyxl() -> tuple[float, int]:
    """Bare openpyxl ``write_only`` of the same rows (as tuples from ``values_list``), into a temporary file."""
    from openpyxl import Workbook

    from conventions.models import Convention

    debut = time.perf_counter()
    classeur = Workbook(write_only=True)
    feuille = classeur.create_sheet("Conventions")
    n = 0
    for ligne in Convention.objects.order_by("-date_conclusion", "-pk").values_list(*CHAMPS_PLANCHER).iterator(2000):
        feuille.append(ligne)
        n += 1
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as fichier:
        classeur.save(fichier.name)
    return time.perf_counter() - debut, n


def export_national(attente_max: float = 3600) -> dict:
    from comptes.models import Habilitation
    from cui_portal.permissions import Perimetre
    from rappels import travaux
    from rappels.models import StatutTravail, TravailDiffere

    from .generateur import COMPTES

    vers_le_courtier_du_bench()
    h = Habilitation.objects.select_related("utilisateur", "organisation").get(utilisateur__email=COMPTES["national"])
    perimetre = Perimetre(h.role, h.organisation_id, h.organisation.departement_id, h.organisation.region_id)
    with WorkerCelery(1) as worker:
        travail = travaux.lancer(h.utilisateur, "export_conventions_xlsx", {}, perimetre)

        def fini(pk=travail.pk):
            t = TravailDiffere.objects.get(pk=pk)
            return t if t.fini else None

        fait = _attendre(fini, attente_max)
        rss = worker.rss_max_mo()
    if fait.statut != StatutTravail.TERMINE:
        return {"mesure": False, "raison": fait.message_erreur}
    duree = (fait.termine_le - fait.commence_le).total_seconds()
    taille = fait.fichier.size
    fait.fichier.delete(save=False)
    duree_plancher, lignes = plancher_openpyxl()
    return {
        "mesure": True,
        "lignes": lignes,
        "export_s": round(duree, 2),
        "openpyxl_nu_s": round(duree_plancher, 2),
        "lignes_par_s": round(lignes / duree),
        "openpyxl_nu_lignes_par_s": round(lignes / duree_plancher),
        "ratio": round(duree_plancher / duree, 2),
        "fichier_mo": round(taille / 1e6, 1),
        "rss_max_worker_celery_mo": rss,
    }
