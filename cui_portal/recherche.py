"""Search that forgives: every search box of the portal (lists and administration) ignores case and accents
(« aicha » finds « Aïcha Benali », « helene » finds « Hélène »), through one SQL function on both databases.

- PostgreSQL: ``cui_sans_accents(text)``, an IMMUTABLE wrapper of ``lower(unaccent(…))`` created by the migration
  ``referentiels/0004_recherche_sans_accents`` with the ``unaccent`` and ``pg_trgm`` extensions, and trigram GIN
  indexes on the same expression (``*_sans_accents_trgm``), so that ``cui_sans_accents(nom) LIKE '%aicha%'`` is an
  index scan at a million conventions.
- SQLite: the same name, registered on each new connection with the Python function ``sans_accents``
  (deterministic).

The searched text is normalised in Python by ``sans_accents``, which follows ``unaccent``'s rules for the letters
a French name holds (accents, cedilla, ligatures œ / æ, typographic apostrophe).
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import CharField, Q, Transform
from django.db.models.lookups import Contains

FONCTION = "cui_sans_accents"
LONGUEUR_MAX = 100  # a longer search is cut (a box, not a document)

# What unaccent writes in more than one letter, or NFKD does not split.
_LETTRES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "’": "'"})


def sans_accents(texte: str | None) -> str | None:
    """« Aïcha Bénali » → « aicha benali » (None stays None, as SQL NULL does)."""
    if texte is None:
        return None
    decompose = unicodedata.normalize("NFKD", str(texte).translate(_LETTRES))
    return "".join(c for c in decompose if not unicodedata.combining(c)).lower()


class SansAccents(Transform):
    """``cui_sans_accents(champ)``: the expression the PostgreSQL indexes are built on."""

    function = FONCTION
    output_field = CharField()


def texte_recherche(valeur) -> str:
    """The box's text, cleaned: without the NUL character PostgreSQL refuses, trimmed, 100 characters at most."""
    return str(valeur or "").replace("\x00", "").strip()[:LONGUEUR_MAX]


def contient(champ: str, texte: str) -> Q:
    """A condition « the field holds the text », whatever the case and the accents (``%`` and ``_`` are taken
    literally, as Django's ``contains`` does)."""
    return Q(Contains(SansAccents(champ), sans_accents(texte)))


def correspond(champs, texte: str) -> Q:
    """One of the fields holds the text (an empty text matches everything)."""
    texte = texte_recherche(texte)
    if not texte:
        return Q()
    condition = Q()
    for champ in champs:
        condition |= contient(champ, texte)
    return condition


class RechercheSansAccentsAdmin:
    """Mixin of a ``ModelAdmin``: its ``search_fields`` (plain field paths) searched each word without case nor
    accents, as the lists of the portal do."""

    def get_search_results(self, request, queryset, search_term):
        texte = texte_recherche(search_term)
        if not texte or not self.search_fields:
            return queryset, False
        for mot in texte.split()[:5]:
            queryset = queryset.filter(correspond(self.search_fields, mot))
        return queryset, any("__" in champ for champ in self.search_fields)


def _enregistrer_sur_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(FONCTION, 1, sans_accents, deterministic=True)


def installer() -> None:
    """Called once at start-up (``referentiels.apps``): SQLite connections learn the function."""
    connection_created.connect(_enregistrer_sur_sqlite, dispatch_uid="cui_sans_accents")
