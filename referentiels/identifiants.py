"""Valid SIRET and NIR made up for the demonstration, the tests and the benchmarks: the check digits are
computed by python-stdnum (Luhn for the SIREN and the SIRET, the key modulo 97 for the NIR), never by hand.
Pure functions, no database."""

from stdnum import luhn
from stdnum.fr import nir as stdnum_nir


def siren(numero: int) -> str:
    """The 9-digit SIREN made of ``numero`` (8 digits) and its Luhn key."""
    base = f"{numero:08d}"
    return base + luhn.calc_check_digit(base)


def siret(numero_siren: int, etablissement: int = 1) -> str:
    """The 14-digit SIRET of the establishment ``etablissement`` (4 digits) of ``siren(numero_siren)``."""
    base = f"{siren(numero_siren)}{etablissement:04d}"
    return base + luhn.calc_check_digit(base)


def nir(sexe: int, annee: int, mois: int, departement: str = "75", commune: int = 56, ordre: int = 1) -> str:
    """A 15-character NIR: sex (1 or 2), year and month of birth, département and commune of birth, order
    number, then its two-digit key."""
    corps = f"{sexe}{annee % 100:02d}{mois:02d}{departement}{commune:03d}{ordre:03d}"
    return corps + stdnum_nir.calc_check_digits(corps)
