"""A search by NIR that never travels in a URL (ticket 15, point 7).

The list's search form is POSTed; a term that looks like a NIR is kept in the person's session under a random,
non-identifying token, and the address only carries ``?recherche=<token>``. A deferred export, run by a worker
without the session, stores the search as a keyed hash (HMAC-SHA256 with ``SECRET_KEY``), never the NIR itself;
the worker finds the people of the scope whose NIR has that hash."""

import hashlib
import hmac
import secrets

from django.conf import settings

from .filters import ressemble_a_un_nir
from .validation import compacter_nir, masquer_nir

PARAMETRE = "recherche"  # the token in the URL
EMPREINTE = "nir_empreinte"  # the keyed hash in a deferred job's parameters
CLE_SESSION = "recherches_nir"
CONSERVEES = 5  # the latest searches kept in the session (older tokens are forgotten)


def empreinte(nir: str) -> str:
    """The keyed hash of a NIR (compact form): the same NIR gives the same hash, and nobody can go back to it
    without the portal's secret key."""
    cle = f"recherche-nir:{settings.SECRET_KEY}".encode()
    return hmac.new(cle, compacter_nir(nir).upper().encode(), hashlib.sha256).hexdigest()


def memoriser(session, nir: str) -> str:
    """Keep ``nir`` in the session; return the token that stands for it in the address."""
    jeton = secrets.token_urlsafe(12)
    recherches = dict(session.get(CLE_SESSION, {}))
    recherches[jeton] = compacter_nir(nir).upper()
    session[CLE_SESSION] = dict(list(recherches.items())[-CONSERVEES:])
    return jeton


def retrouver(session, jeton: str | None) -> str | None:
    """The NIR a token of this session stands for (None for an unknown or foreign token)."""
    if not jeton:
        return None
    return session.get(CLE_SESSION, {}).get(str(jeton)[:64])


def masque(nir: str) -> str:
    return masquer_nir(nir)


def filtrer_par_nir(queryset, nir: str):
    return queryset.filter(salarie__identite__nir=compacter_nir(nir).upper())


def filtrer_par_empreinte(queryset, valeur: str):
    """The conventions of ``queryset`` whose employee's NIR has the hash ``valeur`` (read over the scope's NIRs:
    the database holds no hash)."""
    nirs = queryset.exclude(salarie__identite=None).values_list("salarie__identite__nir", flat=True).distinct()
    trouves = [nir for nir in nirs.order_by() if hmac.compare_digest(empreinte(nir), str(valeur))]
    return queryset.filter(salarie__identite__nir__in=trouves)


def parametres_de_travail(parametres: dict) -> dict:
    """A deferred export's parameters as stored: a NIR (in ``q``) becomes its hash, a session token is dropped."""
    propres = {k: v for k, v in parametres.items() if k != PARAMETRE}
    if ressemble_a_un_nir(str(propres.get("q", ""))):
        propres[EMPREINTE] = empreinte(propres.pop("q"))
    return propres
