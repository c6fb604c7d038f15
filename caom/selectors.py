"""Reads that join the CAOM rows to the legal parameters (SMIC, RSA) of their reference date."""

from referentiels.aide import contribution_cg_maximale
from referentiels.regles import ParametreInconnu
from referentiels.services import rsa_forfaitaire, smic_horaire

from .regles import Enveloppe, ParametresCaom, RegleCaomError, enveloppe

CHAMPS_PARAMETRES = tuple(ParametresCaom.__dataclass_fields__)


def parametres(caom) -> ParametresCaom:
    return ParametresCaom(**{champ: getattr(caom, champ) for champ in CHAMPS_PARAMETRES})


def enveloppe_de(caom) -> Enveloppe:
    """The envelope at the SMIC and RSA in force on the CAOM's reference date (raises ``ParametreInconnu``)."""
    jour = caom.date_reference
    rsa = rsa_forfaitaire(jour)
    return enveloppe(parametres(caom), smic_horaire(jour), contribution_cg_maximale(rsa), rsa_forfaitaire=rsa)


def enveloppe_ou_rien(caom) -> Enveloppe | None:
    try:
        return enveloppe_de(caom)
    except (ParametreInconnu, RegleCaomError):
        return None
