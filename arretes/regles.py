"""The rules of the regional arrêtés, in pure functions (no ORM): which arrêté applies to a convention, what a
rate may be, when an arrêté may be published, and whether a region is late for next year.

Sources: circular DGEFP 2009-42 (Annexes 3 and 3-bis: « Les dispositions du présent arrêté s'appliquent aux
nouvelles conventions conclues à compter de la date de sa publication, pour des contrats de travail prenant
effet à partir du 1er janvier N »; arrêtés ready by the end of November), L. 5134-30 and L. 5134-72 of the
Code du travail for the ceilings (``referentiels.aide``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from cui_portal.tableurs import extrait
from droit.nombres import HEURES_MAX, HEURES_MIN, SOURCE_ARRETE
from droit.vocabulaire import Contrat
from referentiels.aide import RegleAideError, verifier_taux

CODE_PUBLIC_ACI = "salaries-aci"
CONTRATS = tuple(Contrat)


class AucunArreteApplicable(ValueError):
    """No published arrêté of the region fixes the rate asked for this convention."""


class RegleArreteError(ValueError):
    """A value or an action the rules of the arrêtés do not allow; the message says why."""


# --- which arrêté applies ------------------------------------------------------------------------


@dataclass(frozen=True)
class ArreteDate:
    """What the look-up needs to know of an arrêté: its year and the period it applies to conventions."""

    id: int
    annee: int
    date_publication: date
    date_abrogation: date | None = None  # the publication date of the arrêté that replaced it


def arrete_applicable(arretes: Iterable[ArreteDate], date_conclusion: date, date_debut_contrat: date):
    """The arrêté that fixes the rate of a convention concluded on ``date_conclusion`` for a contract starting on
    ``date_debut_contrat``, or ``None``: the region's latest published arrêté, not yet replaced on the conclusion
    date, whose year is at most the year of the hire.

    The model arrêté applies « aux nouvelles conventions conclues à compter de la date de sa publication, pour des
    contrats de travail prenant effet à partir du 1er janvier » of its year and sets no end (circular 2009-42,
    annexes 3 and 3-bis): it stays in force until the region publishes the next one. Hence:

    - anticipated prescription: in December N, once the arrêté N+1 is published, a hire of January N+1 takes it,
      while a hire of December N keeps the arrêté N (the arrêté N+1 covers only contracts from 1 January N+1);
    - a region whose arrêté N+1 is late keeps prescribing in January N+1 on its arrêté N;
    - an arrêté replaced for its year (``date_abrogation``: the publication of its replacement) still applies to
      the conventions concluded before that date: a convention keeps its rate.
    """
    candidats = [
        a
        for a in arretes
        if a.annee <= date_debut_contrat.year
        and a.date_publication <= date_conclusion
        and (a.date_abrogation is None or date_conclusion < a.date_abrogation)
    ]
    if not candidats:
        return None
    return max(candidats, key=lambda a: (a.annee, a.date_publication, a.id))


def prescrit_sur_l_arrete_precedent(arretes: Iterable[ArreteDate], annee: int, jour: date) -> ArreteDate | None:
    """The arrêté of an earlier year a region prescribes on, on ``jour``, for hires of ``annee`` (its arrêté
    ``annee`` not published yet), or None when the region has its arrêté ``annee`` or none at all."""
    applicable = arrete_applicable(arretes, jour, date(annee, 1, 1))
    if applicable is None or applicable.annee >= annee:
        return None
    return applicable


def message_aucun_arrete(contrat: str, public: str, region: str, annee: int, date_conclusion: date) -> str:
    return (
        f"Aucun arrêté régional publié ne fixe le taux de prise en charge {contrat} pour le public « {public} » "
        f"en région {region} pour des contrats prenant effet en {annee} (convention conclue le "
        f"{date_conclusion:%d/%m/%Y}) : aucun arrêté de {annee} ou d'une année antérieure n'est publié à cette date. "
        "L'arrêté de la région s'applique aux conventions conclues à compter de sa publication au recueil des actes "
        "administratifs, pour des contrats prenant effet à partir du 1er janvier de son année "
        f"({SOURCE_ARRETE})."
    )


# --- rates ---------------------------------------------------------------------------------------


def lire_decimal(valeur) -> Decimal:
    """A number typed by a person: ``90``, ``90,5``, ``90.5``, ``90 %``. Raises ``RegleArreteError``."""
    if isinstance(valeur, bool):
        raise RegleArreteError("Nombre attendu.")
    if isinstance(valeur, int | float | Decimal):
        valeur = str(valeur)
    texte = str(valeur or "").strip().replace("\u00a0", "").replace(" ", "").rstrip("%").replace(",", ".")
    if not texte:
        raise RegleArreteError("Valeur manquante.")
    try:
        nombre = Decimal(texte)
    except InvalidOperation:
        raise RegleArreteError(f"« {extrait(valeur)} » n'est pas un nombre (exemple attendu : 90 ou 90,5).") from None
    if not nombre.is_finite():
        raise RegleArreteError(f"« {extrait(valeur)} » n'est pas un nombre.")
    if nombre.adjusted() > 5:
        raise RegleArreteError(f"« {extrait(valeur)} » est un nombre bien trop grand.")
    return nombre


def verifier_heures(heures) -> None:
    if heures != int(heures):
        raise RegleArreteError("La durée hebdomadaire prise en charge est un nombre entier d'heures.")
    if not HEURES_MIN <= heures <= HEURES_MAX:
        raise RegleArreteError(
            f"La durée hebdomadaire prise en charge doit être comprise entre {HEURES_MIN} et {HEURES_MAX} heures "
            f"(circulaire DGEFP 2009-42) : {heures} h n'est pas possible."
        )


def erreurs_taux(contrat: str, code_public: str, taux: Decimal, heures, avec_cie: bool = True) -> dict[str, str]:
    """The errors of one rate, by field (``contrat``, ``taux``, ``heures_max``); empty when the rate is lawful."""
    erreurs: dict[str, str] = {}
    if contrat not in CONTRATS:
        erreurs["contrat"] = f"Contrat « {contrat} » inconnu : CAE ou CIE attendu."
    elif contrat == "CIE" and not avec_cie:
        erreurs["contrat"] = "Cet arrêté ne concerne que les CAE (annexe 3-bis) : il ne fixe pas de taux CIE."
    else:
        try:
            verifier_taux(contrat, taux, aci=code_public == CODE_PUBLIC_ACI)
        except RegleAideError as exc:
            erreurs["taux"] = str(exc)
    try:
        verifier_heures(heures)
    except RegleArreteError as exc:
        erreurs["heures_max"] = str(exc)
    return erreurs


# --- publication ---------------------------------------------------------------------------------


def erreurs_publication(
    *,
    numero: str,
    date_signature: date | None,
    date_publication: date | None,
    avec_cie: bool,
    taux: Sequence[tuple[str, str]],
    publics: Sequence[tuple[str, str]],
) -> list[str]:
    """Why an arrêté may not be published yet. ``taux``: (contrat, public code) of its rates; ``publics``: (code,
    label) of the active priority publics, each of which must have a rate for each contract of the arrêté."""
    erreurs = []
    if not numero.strip():
        erreurs.append("Le numéro de l'arrêté est obligatoire pour le publier.")
    if date_signature is None:
        erreurs.append("La date de signature est obligatoire pour publier l'arrêté.")
    if date_publication is None:
        erreurs.append("La date de publication au recueil des actes administratifs est obligatoire.")
    elif date_signature and date_publication < date_signature:
        erreurs.append(
            f"La date de publication ({date_publication:%d/%m/%Y}) ne peut pas précéder la date de signature "
            f"({date_signature:%d/%m/%Y})."
        )
    presents = set(taux)
    for contrat in CONTRATS if avec_cie else ("CAE",):
        manquants = [libelle for code, libelle in publics if (contrat, code) not in presents]
        if manquants:
            erreurs.append(f"Il manque le taux {contrat} pour : {', '.join(manquants)}.")
    if not avec_cie and any(contrat == "CIE" for contrat, _ in taux):
        erreurs.append("Un arrêté limité aux CAE (annexe 3-bis) ne peut pas fixer de taux CIE.")
    return erreurs


# --- national follow-up: is each region's arrêté for next year ready? ----------------------------


class EtatPublication:
    PUBLIE = "publie"
    BROUILLON = "brouillon"
    EN_RETARD = "en_retard"
    A_VENIR = "a_venir"

    LIBELLES = {
        PUBLIE: "Publié",
        BROUILLON: "Brouillon en cours",
        EN_RETARD: "En retard",
        A_VENIR: "À venir",
    }


def date_limite_publication(annee: int) -> date:
    """Arrêtés for year N must be ready by 30 November N-1 (circular 2009-42)."""
    return date(annee - 1, 11, 30)


def etat_publication(annee: int, aujourd_hui: date, publie: bool, brouillon: bool) -> str:
    if publie:
        return EtatPublication.PUBLIE
    if aujourd_hui > date_limite_publication(annee):
        return EtatPublication.EN_RETARD
    if brouillon:
        return EtatPublication.BROUILLON
    return EtatPublication.A_VENIR
