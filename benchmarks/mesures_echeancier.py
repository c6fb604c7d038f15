"""The schedule of the aid and the budgets at national scale, each figure beside its floor in the same run:

- the national recomputation (``recalculer_echeanciers``, every schedule rewritten, all or nothing) ÷ the bare
  SQL that writes the same monthly rows (one ``INSERT … SELECT … generate_series``, ``echeancier_sql``); both in
  a transaction rolled back, so that the data stay those generated;
- one avenant's recomputation (``ecrire_echeancier`` of one convention, as ``services.evenements`` calls it):
  its time and queries must not grow with N;
- the national budget page and a region's budget page: time and queries (÷ the first size in ``run.tableau``).
"""

import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from .mesures import client_de, mediane, obtenir, requetes, url

ANNEE_DES_BUDGETS = 2012  # the middle of the generated years (2010–2014)


def _chrono(fonction) -> tuple[float, object]:
    debut = time.perf_counter()
    resultat = fonction()
    return time.perf_counter() - debut, resultat


def recalcul_national() -> dict:
    from conventions.models import MoisAide
    from conventions.services.echeancier import recalculer_echeanciers

    from .echeancier_sql import inserer_mois

    with transaction.atomic():
        with connection.cursor() as curseur:
            curseur.execute("DELETE FROM conventions_moisaide")
        duree_sql, lignes_sql = _chrono(inserer_mois)
        transaction.set_rollback(True)
    with transaction.atomic():
        duree, conventions = _chrono(recalculer_echeanciers)
        lignes = MoisAide.objects.count()
        transaction.set_rollback(True)
    return {
        "mesure": True,
        "conventions": conventions,
        "lignes": lignes,
        "lignes_sql_nu": lignes_sql,
        "recalcul_s": round(duree, 2),
        "sql_nu_s": round(duree_sql, 2),
        "lignes_par_s": round(lignes / duree),
        "ratio": round(duree / duree_sql, 2),
    }


def avenant() -> dict:
    """``ecrire_echeancier`` of one convention of the middle of the table (its avenant's recomputation)."""
    from conventions.models import Convention
    from conventions.services.echeancier import ecrire_echeancier

    ids = Convention.objects.order_by("pk").values_list("pk", flat=True)
    pk = ids[ids.count() // 2]
    convention = Convention.objects.get(pk=pk)

    def ecrire():
        with transaction.atomic():
            ecrire_echeancier(convention)
            transaction.set_rollback(True)

    with CaptureQueriesContext(connection) as capture:
        ecrire()
    return {
        "mesure": True,
        "convention": pk,
        "mois": convention.echeancier.count(),
        "ms": mediane(ecrire, 15),
        "requetes": len(capture.captured_queries),
    }


def budgets() -> dict:
    from referentiels.models import Region

    national = client_de("national")
    region = Region.objects.order_by("code_insee").first()
    resultat = {"mesure": True, "annee": ANNEE_DES_BUDGETS}
    for nom, chemin in (
        ("national", url("tableau_de_bord:budgets")),
        ("region", url("tableau_de_bord:budget_region", region.pk)),
    ):
        if chemin is None:
            resultat[nom] = {"mesure": False, "raison": "page absente"}
            continue
        chemin += f"?annee={ANNEE_DES_BUDGETS}"
        resultat[nom] = {
            "chemin": chemin,
            "ms": mediane(lambda c=chemin: obtenir(national, c)),
            "requetes": requetes(national, chemin),
        }
    return resultat
