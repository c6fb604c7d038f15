"""Pure rules on reference values: which value of a dated scale applies on a given day."""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from droit.nombres import nombre


class ParametreInconnu(ValueError):
    """No known value of a legal parameter at the date asked."""


@dataclass(frozen=True)
class Valeur:
    date_effet: date
    valeur: Decimal


def valeur_a_la_date(libelle: str, valeurs: Sequence[Valeur], jour: date, connu_jusqu_au: date) -> Decimal:
    """The value in force on ``jour``: the latest one whose effective date is on or before it.

    Raises ``ParametreInconnu`` before the first known value and after ``connu_jusqu_au``.
    """
    ordonnees = sorted(valeurs, key=lambda v: v.date_effet)
    if not ordonnees or jour < ordonnees[0].date_effet:
        debut = f" (première valeur connue au {ordonnees[0].date_effet:%d/%m/%Y})" if ordonnees else ""
        raise ParametreInconnu(f"{libelle} : aucune valeur connue au {jour:%d/%m/%Y}{debut}.")
    en_vigueur = ordonnees[0]
    for valeur in ordonnees:
        if valeur.date_effet <= jour:
            en_vigueur = valeur
        else:
            break
    if jour > connu_jusqu_au:
        derniere = ordonnees[-1]
        raise ParametreInconnu(
            f"{libelle} : valeur non connue au {jour:%d/%m/%Y} (barème connu jusqu'au {connu_jusqu_au:%d/%m/%Y} ; "
            f"dernière valeur connue : {nombre(derniere.valeur)} au {derniere.date_effet:%d/%m/%Y})."
        )
    return en_vigueur.valeur


@dataclass(frozen=True)
class TableDatee:
    """A legal scale by date (SMIC horaire brut, RSA montant forfaitaire), loaded once for many look-ups."""

    libelle: str
    valeurs: tuple[Valeur, ...]
    connu_jusqu_au: date
    _dates: tuple[date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        ordonnees = tuple(sorted(self.valeurs, key=lambda v: v.date_effet))
        object.__setattr__(self, "valeurs", ordonnees)
        object.__setattr__(self, "_dates", tuple(v.date_effet for v in ordonnees))

    def au(self, jour: date) -> tuple[Decimal, bool]:
        """(the value in force on ``jour``, whether it is provisional: ``jour`` after the known range).

        Raises ``ParametreInconnu`` before the first known value."""
        i = bisect_right(self._dates, jour)
        if i == 0:
            debut = f" (première valeur connue au {self._dates[0]:%d/%m/%Y})" if self._dates else ""
            raise ParametreInconnu(f"{self.libelle} : aucune valeur connue au {jour:%d/%m/%Y}{debut}.")
        return self.valeurs[i - 1].valeur, jour > self.connu_jusqu_au
