"""Numbers read from a query string, bounded to their real ranges before they reach the database: a year of the
CUI, an identifier within 64 bits. A value out of range, or not a number, is ignored (a filter, not a form)."""

ANNEE_MIN = 2009  # the anticipated prescriptions of late 2009 for the CUI of 2010
ANNEE_MAX = 2030
IDENTIFIANT_MAX = 2**63 - 1  # PostgreSQL's bigint; SQLite's integer


def entier(texte: str | None, minimum: int, maximum: int) -> int | None:
    """``texte`` as a whole number within [minimum, maximum], or None."""
    texte = (texte or "").strip()
    if not (texte.isascii() and texte.isdigit()) or len(texte) > 19:
        return None
    valeur = int(texte)
    return valeur if minimum <= valeur <= maximum else None


def annee(texte: str | None) -> int | None:
    return entier(texte, ANNEE_MIN, ANNEE_MAX)


def identifiant(texte: str | None) -> int | None:
    return entier(texte, 1, IDENTIFIANT_MAX)
