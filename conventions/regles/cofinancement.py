"""Co-financing by the conseil général, in pure functions: only for a beneficiary of the RSA it funds
(L. 5134-19-1 of the Code du travail), only under that département's CAOM signed on or before the conclusion of
the convention (L. 5134-19-4: the département signs the CAOM *préalablement*; circular 2009-42, annexe 2), or
under the circular's exceptional mode when the region recorded it on that CAOM. Without it, the State alone may
still fund the contract of an RSA beneficiary (annexe 2: « y compris pour les bénéficiaires du RSA socle en
l'absence de CAOM »)."""

from datetime import date

from caom.regles import CaomDuCofinancement, regime_au
from droit.nombres import SOURCE_CAOM_PREALABLE, SOURCE_COFINANCEMENT_RSA
from droit.vocabulaire import Financement
from referentiels.violation import Violation

from .base import Personne

ETAT_SEUL = "Sans CAOM signée, l'État seul peut financer l'aide de ce bénéficiaire du RSA : choisissez « État seul »."


def verifier_cofinancement(
    financement: str,
    personne: Personne | None,
    departement_id: int | None,
    annee: int | None,
    caom: CaomDuCofinancement | None,
    date_conclusion: date | None,
) -> list[Violation]:
    """Why the conseil général may not (co-)finance this convention (``financement`` other than the State
    alone): the person is not an RSA beneficiary, the CAOM is another département's or another year's, or it
    was neither signed nor under the exceptional mode on ``date_conclusion``."""
    if financement == Financement.ETAT:
        return []
    if personne is not None and not personne.beneficiaire_rsa:
        return [
            Violation(
                "financement",
                "Le conseil général ne finance l'aide que pour un bénéficiaire du RSA qu'il finance "
                f"({SOURCE_COFINANCEMENT_RSA}) : le salarié n'est pas indiqué bénéficiaire du RSA. Choisissez "
                "« État seul ».",
            )
        ]
    if caom is not None and departement_id is not None and caom.departement_id != departement_id:
        return [Violation("caom", f"La {caom.libelle} est celle d'un autre département que celui de l'employeur.")]
    if caom is not None and annee is not None and caom.annee != annee:
        return [
            Violation(
                "caom",
                f"La {caom.libelle} ne couvre pas les conventions débutant en {annee} : la CAOM est annuelle "
                f"({SOURCE_CAOM_PREALABLE}).",
            )
        ]
    if date_conclusion is None or (caom is None and annee is None):
        return []  # a draft without its dates yet
    if caom is None:
        return [
            Violation(
                "financement",
                f"Le département n'a pas de CAOM pour {annee} : le conseil général ne cofinance que dans le cadre "
                f"de sa CAOM signée préalablement à la convention ({SOURCE_CAOM_PREALABLE}). {ETAT_SEUL}",
            )
        ]
    if regime_au(caom, date_conclusion) is None:
        signee = f" (signée le {caom.date_signature:%d/%m/%Y})" if caom.date_signature else ""
        return [
            Violation(
                "financement",
                f"La {caom.libelle} n'est pas signée au {date_conclusion:%d/%m/%Y}, date de conclusion{signee}, et "
                "aucune mise en œuvre exceptionnelle n'est décidée par la région à cette date : le conseil général "
                f"ne cofinance que dans le cadre de sa CAOM signée préalablement ({SOURCE_CAOM_PREALABLE}). "
                f"{ETAT_SEUL}",
            )
        ]
    return []
