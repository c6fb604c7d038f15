"""The CAOM's stages: the steps of the negotiation and their order, its calendar (report on 30 November,
signature before 31 December), and why a CAOM may not be deleted (circular DGEFP 2009-42, annexe 2)."""

from datetime import date

from .base import SOURCE, RegleCaomError

NON_ENGAGEE = "non_engagee"
EN_NEGOCIATION = "en_negociation"
ACCORD_DE_PRINCIPE = "accord_de_principe"
DELIBERATION = "deliberation"
SIGNEE = "signee"
ECHEC = "echec"
ORDRE = (NON_ENGAGEE, EN_NEGOCIATION, ACCORD_DE_PRINCIPE, DELIBERATION, SIGNEE)
FINAUX = frozenset({SIGNEE, ECHEC})


def verifier_transition(
    actuel: str,
    cible: str,
    *,
    date_etape: date,
    aujourd_hui: date,
    date_derniere_etape: date | None = None,
    date_deliberation: date | None = None,
    instance_deliberation: str = "",
) -> None:
    """Raise ``RegleCaomError`` when the negotiation may not move from ``actuel`` to ``cible`` on ``date_etape``.

    Steps go forward (intermediate ones may be left out), except that signature needs the conseil général's
    deliberation (its date and body); ``echec`` may be recorded from any step that is not final.
    """
    if cible not in (*ORDRE, ECHEC):
        raise RegleCaomError(f"État de négociation « {cible} » inconnu.")
    if actuel == SIGNEE:
        raise RegleCaomError("La CAOM est signée : toute modification passe désormais par un avenant.")
    if actuel == ECHEC:
        raise RegleCaomError(
            "La négociation a échoué : créez une nouvelle CAOM l'an prochain ou saisissez l'administrateur."
        )
    if cible == actuel:
        raise RegleCaomError("La CAOM est déjà à cette étape.", "statut")
    if date_etape > aujourd_hui:
        raise RegleCaomError(
            f"La date de l'étape ({date_etape:%d/%m/%Y}) ne peut pas être dans le futur.", "date_etape"
        )
    if date_derniere_etape and date_etape < date_derniere_etape:
        raise RegleCaomError(
            f"La date de l'étape ({date_etape:%d/%m/%Y}) précède celle de l'étape précédente "
            f"({date_derniere_etape:%d/%m/%Y}).",
            "date_etape",
        )
    if cible == ECHEC:
        return
    if ORDRE.index(cible) < ORDRE.index(actuel):
        raise RegleCaomError(
            "Une négociation ne revient pas en arrière : enregistrez plutôt un échec si elle échoue.", "statut"
        )
    if cible in (DELIBERATION, SIGNEE):
        if date_deliberation is None or not instance_deliberation:
            raise RegleCaomError(
                "La CAOM ne peut être signée qu'après la délibération du conseil général (commission permanente "
                f"ou assemblée) : indiquez la date et l'instance de la délibération ({SOURCE}).",
                "date_deliberation" if date_deliberation is None else "instance_deliberation",
            )
        if date_deliberation > aujourd_hui:
            raise RegleCaomError(
                f"La date de délibération ({date_deliberation:%d/%m/%Y}) ne peut pas être dans le futur.",
                "date_deliberation",
            )
        if cible == SIGNEE and date_etape < date_deliberation:
            raise RegleCaomError(
                f"La signature ({date_etape:%d/%m/%Y}) ne peut pas précéder la délibération du conseil général "
                f"({date_deliberation:%d/%m/%Y}).",
                "date_etape",
            )


# --- the calendar ---


def date_rapport(annee: int) -> date:
    """The state of the negotiations for year ``annee`` is reported on 30 November of the year before."""
    return date(annee - 1, 11, 30)


def echeance_signature(annee: int) -> date:
    """CAOM for ``annee`` must be signed before 31 December of the year before, to apply from 1 January."""
    return date(annee - 1, 12, 31)


def relance_de_decembre(aujourd_hui: date, annee: int) -> bool:
    """After 30 November, the CAOM not yet signed are listed against the 31 December deadline."""
    return date_rapport(annee) < aujourd_hui


# --- correct and undo ---


def raison_de_garder(statut: str, nombre_conventions: int, mode_exceptionnel: bool) -> str | None:
    """Why a CAOM may not be deleted (None: it is a draft entered by mistake, deleted with its steps). A signed or
    failed negotiation is part of the region's record; a CAOM under which conventions are co-financed, or whose
    exceptional mode was decided, backs those conventions (L. 5134-19-4; circulaire DGEFP 2009-42, annexe 2)."""
    if statut == SIGNEE:
        return "Une CAOM signée ne se supprime pas : ses volumes changent par avenant."
    if statut == ECHEC:
        return "Une négociation en échec reste dans le suivi de la région : elle ne se supprime pas."
    if mode_exceptionnel:
        return (
            "Le mode exceptionnel de cofinancement a été décidé pour cette CAOM (circulaire DGEFP 2009-42, "
            "annexe 2) : elle ne se supprime plus."
        )
    if nombre_conventions:
        return (
            f"{nombre_conventions} convention(s) individuelle(s) sont rattachées à cette CAOM : elle ne se "
            "supprime pas."
        )
    return None
