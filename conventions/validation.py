"""Checking and showing the identifiers of the parties: the SIRET of an establishment and the NIR of a person.

The NIR is personal data (R. 5134-23): a message never repeats it, screens show ``masquer_nir``.
"""

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fr import nir as stdnum_nir
from stdnum.fr import siret as stdnum_siret


def valider_siret(valeur: str) -> None:
    try:
        stdnum_siret.validate(valeur)
    except StdnumValidationError as exc:
        raise ValidationError(
            "Le SIRET doit compter 14 chiffres et respecter sa clé de contrôle.", code="siret_invalide"
        ) from exc


def valider_nir(valeur: str) -> None:
    if not valeur:
        return
    try:
        stdnum_nir.validate(valeur)
    except StdnumValidationError as exc:
        # The value itself is never repeated in the message (it may end up in a log).
        raise ValidationError(
            "Le NIR doit compter 15 caractères (13 + clé de 2 chiffres) et respecter sa clé de contrôle.",
            code="nir_invalide",
        ) from exc


def compacter_nir(valeur: str) -> str:
    return stdnum_nir.compact(valeur or "")


def masquer_nir(valeur: str) -> str:
    """« 1 84 12 •• ••• ••• •• »: sex, year and month of birth only."""
    if not valeur:
        return ""
    nir = compacter_nir(valeur)
    return f"{nir[0]} {nir[1:3]} {nir[3:5]} •• ••• ••• ••"
