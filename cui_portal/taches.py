"""Send a Celery task after the commit without ever failing the request when the broker is down.

``envoyer_tache(tache, *args, **kwargs)`` queues the task once the current transaction commits (like
``delay_on_commit``). If the broker cannot be reached (Redis stopped, network cut), a warning is logged and the
request still succeeds: the data is saved, and the work is derived from the data, so the next scheduled run
(beat) or a management command catches up. Without ``REDIS_URL`` the task runs eagerly, as everywhere else.
"""

import logging
import socket
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


def _publier(tache, args, kwargs) -> bool:
    try:
        tache.apply_async(args=args, kwargs=kwargs)
    except ERREURS_DU_COURTIER as exc:
        logger.warning(
            "Tâche %s non envoyée : le courtier de messages est injoignable (%s). Les données sont enregistrées ; "
            "la prochaine exécution planifiée reprendra le travail.",
            tache.name,
            exc.__class__.__name__,
        )
        return False
    return True


def envoyer_tache(tache, *args, **kwargs) -> None:
    """Queue ``tache`` with these arguments after the commit; a broker outage is logged, never raised."""
    transaction.on_commit(partial(_publier, tache, args, kwargs))
