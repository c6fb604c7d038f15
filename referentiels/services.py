"""Look-ups of legal parameters in the database, through the pure rule of ``regles``."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Min

from .models import Bareme
from .regles import ParametreInconnu, TableDatee, Valeur, valeur_a_la_date


def _valeur(code: str, jour: date) -> Decimal:
    try:
        bareme = Bareme.objects.get(code=code)
    except Bareme.DoesNotExist as exc:
        raise ParametreInconnu(f"Le barème « {Bareme.Code(code).label} » n'est pas chargé.") from exc
    valeurs = [Valeur(v.date_effet, v.valeur) for v in bareme.valeurs.all()]
    return valeur_a_la_date(bareme.get_code_display(), valeurs, jour, bareme.connu_jusqu_au)


def table_datee(code: str) -> TableDatee:
    """A whole scale, loaded once (one query) for many look-ups: the schedules of the aid."""
    try:
        bareme = Bareme.objects.prefetch_related("valeurs").get(code=code)
    except Bareme.DoesNotExist as exc:
        raise ParametreInconnu(f"Le barème « {Bareme.Code(code).label} » n'est pas chargé.") from exc
    valeurs = tuple(Valeur(v.date_effet, v.valeur) for v in bareme.valeurs.all())
    return TableDatee(bareme.get_code_display(), valeurs, bareme.connu_jusqu_au)


def smic_horaire(jour: date) -> Decimal:
    """SMIC horaire brut in force on ``jour``."""
    return _valeur(Bareme.Code.SMIC_HORAIRE, jour)


def rsa_forfaitaire(jour: date) -> Decimal:
    """RSA montant forfaitaire for one person in force on ``jour``."""
    return _valeur(Bareme.Code.RSA_FORFAITAIRE, jour)


@dataclass(frozen=True)
class Etendue:
    libelle: str
    debut: date
    fin: date


def etendue_des_baremes() -> list[Etendue]:
    """Each loaded scale's known range: from its first value to the day it is known until (shown where a date
    is typed, so that a person knows which dates the portal can compute)."""
    baremes = Bareme.objects.annotate(debut=Min("valeurs__date_effet")).order_by("code")
    return [Etendue(b.get_code_display(), b.debut, b.connu_jusqu_au) for b in baremes if b.debut is not None]
