"""Send a Celery task after the commit without ever failing the request when the broker is down.

``envoyer_tache(tache, *args, **kwargs)`` queues the task once the current transaction commits (like
``delay_on_commit``). If the broker cannot be reached (Redis stopped, network cut), a warning is logged and the
request still succeeds: the data is saved, and the work is derived from the data, so the next scheduled run
(beat) or a management command catches up. Without ``REDIS_URL`` the task runs eagerly, as everywhere else.

It is the one way to queue a task in the portal: no ``.delay`` / ``.delay_on_commit`` / ``apply_async`` elsewhere
(a plain ``delay`` raises into the request when Redis is down). ``envoyer_tache_une_fois`` queues it once per
transaction however many writes ask for it (a whole scale loaded at once recomputes the schedules once).
"""

import logging
import socket
import threading
import weakref
from collections.abc import Callable
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)


# What publishing raises when the broker cannot be reached (redis is a dependency of the project: imported, not
# guessed at).
ERREURS_DU_COURTIER: tuple[type[BaseException], ...] = (
    KombuOperationalError,
    ConnectionError,
    socket.timeout,
    RedisConnectionError,
    RedisTimeoutError,
)


def _publier(tache, args, kwargs, si_injoignable=None) -> bool:
    try:
        tache.apply_async(args=args, kwargs=kwargs)
    except ERREURS_DU_COURTIER as exc:
        if si_injoignable is not None:
            logger.warning(
                "Tâche %s non envoyée : le courtier de messages est injoignable (%s). Le travail est fait "
                "directement dans la requête.",
                tache.name,
                exc.__class__.__name__,
            )
            si_injoignable()
            return False
        logger.warning(
            "Tâche %s non envoyée : le courtier de messages est injoignable (%s). Les données sont enregistrées ; "
            "la prochaine exécution planifiée reprendra le travail.",
            tache.name,
            exc.__class__.__name__,
        )
        return False
    return True


def envoyer_tache(tache, *args, si_injoignable: Callable[[], object] | None = None, **kwargs) -> None:
    """Queue ``tache`` with these arguments after the commit; a broker outage is logged, never raised.

    ``si_injoignable`` is for work a person is waiting for and that no scheduled run would pick up (the check of
    a deposited file): when the broker cannot be reached it is called instead, after the commit, in the request.
    It must be bounded. Its own errors are not the broker's and are raised."""
    transaction.on_commit(partial(_publier, tache, args, kwargs, si_injoignable))


class _Envoi:
    """One sending waiting for the commit. Django keeps it in its list of commit callbacks only while the
    transaction (or the savepoint it was registered in) is open: once it ran, or was dropped by a rollback, nothing
    refers to it any more, which is how ``envoyer_tache_une_fois`` knows, through a weak reference, without reading
    Django's internals, whether the current transaction already queues the task."""

    def __init__(self, tache, args, kwargs):
        self.tache, self.args, self.kwargs = tache, args, kwargs

    def __call__(self):
        _publier(self.tache, self.args, self.kwargs)


_en_attente = threading.local()  # Django's connections are per thread: so are the sendings they wait to commit


def envoyer_tache_une_fois(tache, *args, **kwargs) -> bool:
    """``envoyer_tache``, unless the current transaction already queues ``tache`` with the same (hashable)
    arguments at its commit. Returns whether it was queued by this call. Outside a transaction the task is sent at
    once, every time; after a rollback (of the transaction or of the savepoint that queued it) it is queued again."""
    cle = (tache.name, args, tuple(sorted(kwargs.items())))
    attente = {c: ref for c, ref in getattr(_en_attente, "envois", {}).items() if ref() is not None}
    _en_attente.envois = attente
    if cle in attente:
        return False
    envoi = _Envoi(tache, args, kwargs)
    attente[cle] = weakref.ref(envoi)
    transaction.on_commit(envoi)
    return True
