"""``cui_portal.taches.envoyer_tache_une_fois``: a task queued once per transaction however many writes ask for it,
queued again after a rollback; and the schedules recomputed once when a whole scale is written at once."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from cui_portal.taches import envoyer_tache_une_fois


class TacheFactice:
    name = "tests.tache_factice"

    def __init__(self):
        self.envois = []

    def apply_async(self, args, kwargs):
        self.envois.append((args, kwargs))


pytestmark = pytest.mark.django_db


def test_une_tache_demandee_deux_fois_dans_une_transaction_part_une_fois(django_capture_on_commit_callbacks):
    tache = TacheFactice()
    with django_capture_on_commit_callbacks(execute=True) as rappels:
        assert envoyer_tache_une_fois(tache) is True
        assert envoyer_tache_une_fois(tache) is False
    assert len(rappels) == 1 and tache.envois == [((), {})]


def test_d_autres_arguments_font_un_autre_envoi(django_capture_on_commit_callbacks):
    tache = TacheFactice()
    with django_capture_on_commit_callbacks(execute=True):
        envoyer_tache_une_fois(tache, 1)
        envoyer_tache_une_fois(tache, 2)
        envoyer_tache_une_fois(tache, 1)
    assert tache.envois == [((1,), {}), ((2,), {})]


def test_apres_l_annulation_du_point_de_sauvegarde_la_tache_est_de_nouveau_prevue(django_capture_on_commit_callbacks):
    tache = TacheFactice()
    with django_capture_on_commit_callbacks(execute=True) as rappels:
        with pytest.raises(RuntimeError), transaction.atomic():
            assert envoyer_tache_une_fois(tache) is True
            raise RuntimeError("annulation")
        assert envoyer_tache_une_fois(tache) is True
    assert len(rappels) == 1 and tache.envois == [((), {})]


@pytest.mark.django_db(transaction=True)
def test_hors_transaction_chaque_demande_part_et_une_transaction_annulee_ne_bloque_pas_la_suivante():
    tache = TacheFactice()
    envoyer_tache_une_fois(tache)
    envoyer_tache_une_fois(tache)
    assert len(tache.envois) == 2  # autocommit: sent at once, every time
    with pytest.raises(RuntimeError), transaction.atomic():
        envoyer_tache_une_fois(tache)
        raise RuntimeError("annulation")
    with transaction.atomic():
        assert envoyer_tache_une_fois(tache) is True
    assert len(tache.envois) == 3


def test_un_bareme_ecrit_en_entier_recalcule_les_echeanciers_une_fois(django_capture_on_commit_callbacks, monkeypatch):
    from conventions import tasks
    from referentiels.models import Bareme, ValeurBareme

    envois = []
    monkeypatch.setattr(tasks.recalculer_echeanciers_task, "apply_async", lambda args, kwargs: envois.append(args))
    bareme = Bareme.objects.first()
    assert bareme is not None
    with django_capture_on_commit_callbacks(execute=True):
        for mois in (1, 2, 3):
            ValeurBareme.objects.create(bareme=bareme, date_effet=date(2031, mois, 1), valeur=Decimal("9.99"))
    assert envois == [()]
