"""The national recomputation of the schedules as a Celery group of per-block tasks, so that more workers (on
more machines, pointed at the same PostgreSQL and Redis) divide the time, **all or nothing** as
``echeancier.recalculer_echeanciers``:

1. ``lancer_recalcul()`` records a ``RecalculEcheanciers`` and its blocks (``TAILLE_BLOC`` conventions each, by
   ranges of pk) and sends one Celery group of ``calculer_bloc`` tasks after the commit;
2. each ``calculer_bloc`` computes its conventions from the rules and writes the months and commitments *aside*
   (``MoisAideCalcule``, ``EngagementCalcule``), nothing else: idempotent (a block run again, by a retry or by a
   worker lost and its message delivered again, replaces its own rows) and retried on a technical error;
3. the last block to finish (the run's row locked, so only one does it) swaps everything in, in **one
   transaction**: old months deleted, computed months inserted, commitments updated. An error of the rules in a
   block (a scale missing) or a block that keeps failing puts the run in failure: nothing of the schedules has
   changed.

A convention written after the run was launched (a conclusion, an avenant) has had its schedule rewritten by
that write, with the tables of the time: the swap leaves it as it is. Launching a new run supersedes a run
still in progress (its blocks stop, its rows are dropped). No result backend is needed: the blocks meet in the
database.
"""

import logging

from django.db import connection, transaction

from cui_portal import horloge
from cui_portal.taches import envoyer_tache

from ..models import Convention
from ..models_echeancier import MoisAide
from ..models_recalcul import BlocRecalcul, EngagementCalcule, MoisAideCalcule, RecalculEcheanciers, StatutRecalcul
from ..regles.base import RegleConventionError
from . import totaux_mensuels
from .echeancier import appliquer_engagement, calculer, charger_tables, conventions_a_echeancier
from .echeancier_lots import CHAMPS_DU_CALCUL, CHAMPS_ENGAGEMENT, COLONNES_MOIS, ecrire_lignes, ligne_mois

logger = logging.getLogger(__name__)

TAILLE_BLOC = 10_000  # conventions per task: 100 tasks at 1M, a few seconds of work each
TAILLE_LOT = 5_000  # conventions read at once inside a block


def bornes_des_blocs(taille_bloc: int = TAILLE_BLOC) -> list[tuple[int, int]]:
    """``[(debut, fin), …]``: the conventions whose pk is in ``]debut, fin]``, ``taille_bloc`` in each."""
    bornes, debut, n = [], 0, 0
    pks = conventions_a_echeancier().order_by("pk").values_list("pk", flat=True)
    dernier = None
    for dernier in pks.iterator(chunk_size=10_000):
        n += 1
        if n == taille_bloc:
            bornes.append((debut, dernier))
            debut, n = dernier, 0
    if n:
        bornes.append((debut, dernier))
    return bornes


def lancer_recalcul(taille_bloc: int = TAILLE_BLOC) -> RecalculEcheanciers:
    """Record a run and its blocks, then send the group of its tasks after the commit."""
    from celery import group

    from ..tasks import calculer_bloc_task

    with transaction.atomic():
        for ancien in RecalculEcheanciers.objects.select_for_update().filter(statut=StatutRecalcul.EN_COURS):
            _echec(ancien, "Remplacé par un recalcul plus récent.")
        bornes = bornes_des_blocs(taille_bloc)
        recalcul = RecalculEcheanciers.objects.create(
            cree_le=horloge.instant_reel(),
            blocs=len(bornes),
            conventions=conventions_a_echeancier().count(),
        )
        blocs = BlocRecalcul.objects.bulk_create(
            [BlocRecalcul(recalcul=recalcul, debut=debut, fin=fin) for debut, fin in bornes]
        )
        if blocs:
            envoyer_tache(group(calculer_bloc_task.si(bloc.pk) for bloc in blocs))
        else:
            _basculer(recalcul)
    return recalcul


def calculer_bloc(bloc_pk: int) -> bool:
    """Compute one block and write it aside; the last block swaps the whole run in. Returns whether it worked
    (False: the run is over or superseded, or the rules refused: then the run has failed)."""
    bloc = BlocRecalcul.objects.select_related("recalcul").filter(pk=bloc_pk).first()
    if bloc is None or bloc.recalcul.statut != StatutRecalcul.EN_COURS:
        return False
    try:
        with transaction.atomic():
            _ecrire_a_part(bloc)
            BlocRecalcul.objects.filter(pk=bloc.pk).update(fait_le=horloge.instant_reel())
    except RegleConventionError as exc:  # the same error again and again: no retry, the run fails
        echouer(bloc.recalcul_id, f"Rien n'a été modifié : {exc}")
        return False
    terminer_si_complet(bloc.recalcul_id)
    return True


def _ecrire_a_part(bloc: BlocRecalcul) -> None:
    recalcul = bloc.recalcul
    a_part = conventions_a_echeancier().filter(pk__gt=bloc.debut, pk__lte=bloc.fin)
    for modele in (MoisAideCalcule, EngagementCalcule):  # a block run again replaces its own rows
        modele.objects.filter(recalcul=recalcul, convention_id__gt=bloc.debut, convention_id__lte=bloc.fin).delete()
    tables = charger_tables()
    dernier = bloc.debut
    while True:
        lot = list(
            a_part.filter(pk__gt=dernier)
            .order_by("pk")
            .only(*CHAMPS_DU_CALCUL)
            .prefetch_related("avenants", "suspensions")[:TAILLE_LOT]
        )
        if not lot:
            return
        mois, engagements = [], []
        for convention in lot:
            lignes = calculer(convention, tables, convention.avenants.all(), convention.suspensions.all())
            appliquer_engagement(convention, lignes)
            mois.extend((recalcul.pk, *ligne_mois(convention, ligne)) for ligne in lignes)
            engagements.append((recalcul.pk, convention.pk, *(getattr(convention, c) for c in CHAMPS_ENGAGEMENT)))
        ecrire_lignes(MoisAideCalcule, ("recalcul_id", *COLONNES_MOIS), mois)
        ecrire_lignes(EngagementCalcule, ("recalcul_id", "convention_id", *CHAMPS_ENGAGEMENT), engagements)
        dernier = lot[-1].pk


def terminer_si_complet(recalcul_pk: int) -> bool:
    """Swap the run in if every block is done (the run's row locked: one block only does it)."""
    with transaction.atomic():
        recalcul = RecalculEcheanciers.objects.select_for_update().filter(pk=recalcul_pk).first()
        if recalcul is None or recalcul.statut != StatutRecalcul.EN_COURS:
            return False
        if BlocRecalcul.objects.filter(recalcul=recalcul, fait_le__isnull=True).exists():
            return False
        _basculer(recalcul)
        return True


def _basculer(recalcul: RecalculEcheanciers) -> None:
    """In the caller's transaction: the computed rows replace the schedules of the conventions not written since
    the run was launched (only the months that differ are deleted and inserted: a revaluation from a date leaves
    the months before it in place), then the rows kept aside are dropped."""
    qn = connection.ops.quote_name
    t_mois, t_calcules = qn(MoisAide._meta.db_table), qn(MoisAideCalcule._meta.db_table)
    t_conv, t_eng = qn(Convention._meta.db_table), qn(EngagementCalcule._meta.db_table)
    inchangees = f"SELECT e.convention_id FROM {t_eng} e JOIN {t_conv} c ON c.id = e.convention_id "  # noqa: S608
    inchangees += "WHERE e.recalcul_id = %s AND c.modifie_le <= %s"
    parametres = [recalcul.pk, recalcul.cree_le]
    colonnes = ", ".join(qn(c) for c in COLONNES_MOIS)
    affectations = ", ".join(f"{c} = e.{c}" for c in CHAMPS_ENGAGEMENT)
    distinct = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    pareil = "IS NOT DISTINCT FROM" if connection.vendor == "postgresql" else "IS"
    egaux = " AND ".join(f"s.{qn(c)} {pareil} m.{qn(c)}" for c in COLONNES_MOIS if c != "convention_id")
    colonnes_s = ", ".join(f"s.{qn(c)}" for c in COLONNES_MOIS)
    differents = " OR ".join(f"{t_conv}.{c} {distinct} e.{c}" for c in CHAMPS_ENGAGEMENT)
    # Only the models' table and column names in these statements: every value is a parameter.
    with connection.cursor() as curseur:
        curseur.execute(f"SELECT COUNT(*) FROM ({inchangees}) i", parametres)  # noqa: S608
        ecrites = curseur.fetchone()[0]
        curseur.execute(
            f"DELETE FROM {t_mois} AS m WHERE m.convention_id IN ({inchangees}) AND NOT EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {t_calcules} s WHERE s.recalcul_id = %s AND s.convention_id = m.convention_id "
            f"AND {egaux})",
            [*parametres, recalcul.pk],
        )
        curseur.execute(
            f"INSERT INTO {t_mois} ({colonnes}) SELECT {colonnes_s} FROM {t_calcules} s "  # noqa: S608
            f"WHERE s.recalcul_id = %s AND s.convention_id IN ({inchangees}) AND NOT EXISTS "
            f"(SELECT 1 FROM {t_mois} m WHERE m.convention_id = s.convention_id AND m.mois = s.mois)",
            [recalcul.pk, *parametres],
        )
        logger.info("Recalcul %s : %s mois réécrits.", recalcul.pk, curseur.rowcount)
        curseur.execute(
            f"UPDATE {t_conv} SET {affectations} FROM {t_eng} e "  # noqa: S608
            f"WHERE e.recalcul_id = %s AND {t_conv}.id = e.convention_id AND {t_conv}.modifie_le <= %s "
            f"AND ({differents})",
            parametres,
        )
    totaux_mensuels.reconstruire()  # every département may have changed: rebuilt whole, in the same transaction
    _effacer_a_part(recalcul)
    recalcul.statut, recalcul.ecrites, recalcul.termine_le = StatutRecalcul.TERMINE, ecrites, horloge.instant_reel()
    recalcul.save(update_fields=["statut", "ecrites", "termine_le"])


def _effacer_a_part(recalcul: RecalculEcheanciers) -> None:
    MoisAideCalcule.objects.filter(recalcul=recalcul).delete()
    EngagementCalcule.objects.filter(recalcul=recalcul).delete()


def _echec(recalcul: RecalculEcheanciers, message: str) -> None:
    _effacer_a_part(recalcul)
    recalcul.statut, recalcul.message, recalcul.termine_le = StatutRecalcul.ECHEC, message[:300], horloge.instant_reel()
    recalcul.save(update_fields=["statut", "message", "termine_le"])


def echouer(recalcul_pk: int, message: str) -> None:
    """The run fails: nothing of the schedules has changed (the rows kept aside are dropped)."""
    with transaction.atomic():
        recalcul = RecalculEcheanciers.objects.select_for_update().filter(pk=recalcul_pk).first()
        if recalcul is not None and recalcul.statut == StatutRecalcul.EN_COURS:
            logger.warning("Recalcul national des échéanciers %s en échec : %s", recalcul_pk, message)
            _echec(recalcul, message)
