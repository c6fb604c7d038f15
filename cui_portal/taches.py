"""Send a Celery task after the commit without ever failing the request when the broker is down.

``envoyer_tache(tache, *args, **kwargs)`` queues the task once the current transaction commits (like
``delay_on_commit``). If the broker cannot be reached (Redis stopped, network cut), a warning is logged and the
request still succeeds: the data is saved, and the work is derived from the data, so the next scheduled run
(beat) or a management command catches up. Without ``REDIS_URL`` the task runs eagerly, as everywhere else.

It is the one way to queue a task in the portal: no ``.delay`` / ``.delay_on_commit`` / ``apply_async`` elsewhere
(a plain ``delay`` raises into the request when Redis is down).
"""

import logging
import socket
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
