"""Reads that join the CAOM rows to the legal parameters (SMIC, RSA) of their reference date."""

from datetime import date
from decimal import Decimal

from referentiels.aide import contribution_cg_maximale
from referentiels.regles import ParametreInconnu
from referentiels.services import rsa_forfaitaire, smic_horaire

from .regles import Enveloppe, ParametresCaom, RegleCaomError, enveloppe

CHAMPS_PARAMETRES = tuple(ParametresCaom.__dataclass_fields__)


def parametres(caom) -> ParametresCaom:
    return ParametresCaom(**{champ: getattr(caom, champ) for champ in CHAMPS_PARAMETRES})


def _legaux(jour: date, cache: dict | None) -> tuple[Decimal, Decimal]:
    """(SMIC horaire, RSA forfaitaire) on ``jour``; ``cache`` spares the look-ups for CAOM sharing a date."""
    if cache is not None and jour in cache:
        return cache[jour]
    valeurs = smic_horaire(jour), rsa_forfaitaire(jour)
    if cache is not None:
        cache[jour] = valeurs
    return valeurs


def enveloppe_de(caom, cache: dict | None = None) -> Enveloppe:
    """The envelope at the SMIC and RSA in force on the CAOM's reference date (raises ``ParametreInconnu``)."""
    smic, rsa = _legaux(caom.date_reference, cache)
    return enveloppe(parametres(caom), smic, contribution_cg_maximale(rsa), rsa_forfaitaire=rsa)


def enveloppe_ou_rien(caom, cache: dict | None = None) -> Enveloppe | None:
    try:
        return enveloppe_de(caom, cache)
    except (ParametreInconnu, RegleCaomError):
        return None
