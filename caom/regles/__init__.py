"""Pure rules of the CAOM (circular DGEFP 2009-42, Annexe 2): the financial envelope and the negotiation steps.

No ORM here. One module a concern: ``chiffrage`` (the CAOM's figures: parameters and envelope), ``negociation``
(its stages: steps, calendar, deletion), ``cofinancement`` (a convention co-financed under it), ``base`` (the
source and the error). Import the names from ``caom.regles``.
"""

from .base import SOURCE, RegleCaomError
from .chiffrage import Enveloppe, LigneEnveloppe, ParametresCaom, enveloppe, nombre_en_aci, verifier_parametres
from .cofinancement import EXCEPTIONNEL, CaomDuCofinancement, erreurs_mode_exceptionnel, regime_au
from .negociation import (
    ACCORD_DE_PRINCIPE,
    DELIBERATION,
    ECHEC,
    EN_NEGOCIATION,
    FINAUX,
    NON_ENGAGEE,
    ORDRE,
    SIGNEE,
    date_rapport,
    echeance_signature,
    raison_de_garder,
    relance_de_decembre,
    verifier_transition,
)

__all__ = [
    "ACCORD_DE_PRINCIPE",
    "DELIBERATION",
    "ECHEC",
    "EN_NEGOCIATION",
    "EXCEPTIONNEL",
    "FINAUX",
    "NON_ENGAGEE",
    "ORDRE",
    "SIGNEE",
    "SOURCE",
    "CaomDuCofinancement",
    "Enveloppe",
    "LigneEnveloppe",
    "ParametresCaom",
    "RegleCaomError",
    "date_rapport",
    "echeance_signature",
    "enveloppe",
    "erreurs_mode_exceptionnel",
    "nombre_en_aci",
    "raison_de_garder",
    "regime_au",
    "relance_de_decembre",
    "verifier_parametres",
    "verifier_transition",
]
