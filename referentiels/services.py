"""Look-ups of legal parameters in the database, through the pure rule of ``regles``."""

from datetime import date
from decimal import Decimal

from .models import Bareme
from .regles import ParametreInconnu, Valeur, valeur_a_la_date


def _valeur(code: str, jour: date) -> Decimal:
    try:
        bareme = Bareme.objects.get(code=code)
    except Bareme.DoesNotExist as exc:
        raise ParametreInconnu(f"Le barème « {Bareme.Code(code).label} » n'est pas chargé.") from exc
    valeurs = [Valeur(v.date_effet, v.valeur) for v in bareme.valeurs.all()]
    return valeur_a_la_date(bareme.get_code_display(), valeurs, jour, bareme.connu_jusqu_au)


def smic_horaire(jour: date) -> Decimal:
    """SMIC horaire brut in force on ``jour``."""
    return _valeur(Bareme.Code.SMIC_HORAIRE, jour)


def rsa_forfaitaire(jour: date) -> Decimal:
    """RSA montant forfaitaire for one person in force on ``jour``."""
    return _valeur(Bareme.Code.RSA_FORFAITAIRE, jour)
