"""The person's history across organisations, as the length caps read it (pure, no ORM).

A person's conventions are linked by the NIR only (``models_identites.IdentiteSalarie``); what another
organisation's convention holds (names, numbers, employer, address) is never read here. The rules see, for each
earlier convention of the same person outside this convention's own chain, its contract, its dates and whether
another prescripteur concluded it; they disclose only the total: « Cette personne a déjà 18 mois de CUI
(2 conventions, d'autres prescripteurs). »

Our reading (to be confirmed by the DGEFP): the total length of the aided path, renewals included (24 months, 60
by derogation; L. 5134-23-1, circular 2009-42, annexe 1, question 4), counts the months the person has already
spent in aided contracts before this convention's chain started, whichever organisation prescribed them; after a
plan de cohésion sociale contract (question 2), the months already served are those typed, or those of the
portal's history of the old contracts when it knows more. The ACI derogation without limit is unchanged.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from droit.nombres import SOURCE_DUREE_MAX
from droit.vocabulaire import CONTRATS_PCS
from referentiels.violation import Violation

from .base import Personne
from .duree import date_fin_pour, duree_en_mois, plafond_total_mois


@dataclass(frozen=True)
class Anterieure:
    """An earlier convention of the same person, as the rules may read it (nothing that names anyone)."""

    type_contrat: str
    debut: date
    fin: date  # its effective end (the rupture when broken)
    autre_prescripteur: bool


@dataclass(frozen=True)
class Historique:
    mois: int = 0  # months of aided contract before this convention's chain (overlaps counted once)
    mois_pcs: int = 0  # of which under a plan de cohésion sociale contract
    conventions: int = 0
    autres_prescripteurs: int = 0  # how many of them another prescripteur concluded

    @property
    def vide(self) -> bool:
        return self.mois == 0


def fin_effective(date_fin: date | None, date_rupture: date | None) -> date | None:
    """A broken convention ends on its rupture."""
    if date_rupture is not None and (date_fin is None or date_rupture < date_fin):
        return date_rupture
    return date_fin


def _mois_sans_doublon(periodes: list[tuple[date, date]]) -> int:
    """Whole months of the union of the periods (two conventions at once count once)."""
    total, courante = 0, None
    for debut, fin in sorted(periodes):
        if courante and debut <= courante[1] + timedelta(days=1):
            courante = (courante[0], max(courante[1], fin))
            continue
        if courante:
            total += duree_en_mois(*courante)
        courante = (debut, fin)
    if courante:
        total += duree_en_mois(*courante)
    return total


def historique_avant(anterieures: list[Anterieure], debut: date | None) -> Historique:
    """What the earlier conventions add up to before ``debut`` (the start of this convention's chain); the part
    of a convention after ``debut`` is not counted (it does not come before). Without a start yet (a draft at
    step 2), every earlier convention counts."""
    if debut is None:
        retenues = [(a, a.fin) for a in anterieures]
    else:
        retenues = [(a, min(a.fin, debut - timedelta(days=1))) for a in anterieures if a.debut < debut]
    retenues = [(a, fin) for a, fin in retenues if fin >= a.debut]
    return Historique(
        mois=_mois_sans_doublon([(a.debut, fin) for a, fin in retenues]),
        mois_pcs=_mois_sans_doublon([(a.debut, fin) for a, fin in retenues if a.type_contrat in CONTRATS_PCS]),
        conventions=len(retenues),
        autres_prescripteurs=sum(1 for a, _ in retenues if a.autre_prescripteur),
    )


def message_historique(h: Historique) -> str:
    """« Cette personne a déjà 18 mois de CUI (2 conventions, d'autres prescripteurs). », and nothing more."""
    quoi = "de contrat aidé" if h.mois_pcs else "de CUI"
    conventions = f"{h.conventions} convention{'s' if h.conventions > 1 else ''}"
    if h.autres_prescripteurs == h.conventions:
        qui = ", d'autres prescripteurs" if h.conventions > 1 else ", un autre prescripteur"
    elif h.autres_prescripteurs:
        qui = f", dont {h.autres_prescripteurs} d'autres prescripteurs"
    else:
        qui = ""
    return f"Cette personne a déjà {h.mois} mois {quoi} ({conventions}{qui})."


def verifier_historique(
    h: Historique, type_contrat: str, aci: bool, personne: Personne, debut_chaine: date, fin: date
) -> list[Violation]:
    """The months already spent count within the total cap of the path (24, 60 or none)."""
    if h.vide:
        return []
    plafond = plafond_total_mois(type_contrat, aci, personne, debut_chaine)
    if plafond is None:
        return []
    restants = plafond - h.mois
    if restants <= 0:
        return [
            Violation(
                "date_fin",
                f"{message_historique(h)} Le plafond de {plafond} mois au total, renouvellements compris, est "
                f"atteint : aucune nouvelle convention n'est possible ({SOURCE_DUREE_MAX}).",
            )
        ]
    fin_max = date_fin_pour(debut_chaine, restants)
    if fin <= fin_max:
        return []
    total = h.mois + duree_en_mois(debut_chaine, fin)
    return [
        Violation(
            "date_fin",
            f"{message_historique(h)} Avec cette convention, {total} mois au total : {plafond} mois au plus, "
            f"renouvellements compris ({SOURCE_DUREE_MAX}). Fin au plus tard le {fin_max:%d/%m/%Y}.",
        )
    ]


def mois_effectues_pcs(h: Historique | None, mois_saisis: int) -> int:
    """After a plan de cohésion sociale contract: the months typed, or the portal's history of the old contracts
    when it knows more (circular 2009-42, annexe 1, question 2)."""
    return max(mois_saisis, h.mois_pcs if h else 0)


# --- a second convention at the same time ------------------------------------------------------------


@dataclass(frozen=True)
class Chevauchement:
    conventions: int = 0  # the person's other conventions running during this one's period
    autres_prescripteurs: int = 0


def chevauchement(anterieures: list[Anterieure], debut: date | None, fin: date | None) -> Chevauchement:
    """The person's other conventions (any organisation, their effective end) running on a day of [debut, fin]."""
    if debut is None or fin is None:
        return Chevauchement()
    en_meme_temps = [a for a in anterieures if a.debut <= fin and a.fin >= debut]
    return Chevauchement(len(en_meme_temps), sum(1 for a in en_meme_temps if a.autre_prescripteur))


def verifier_chevauchement(c: Chevauchement, motif: str) -> list[Violation]:
    """A second convention for the same person while another one runs is refused unless the prescripteur states
    why (a rule of the portal, issue 16: the aid is for one path of one person). The message tells how many and
    whether another prescripteur holds them, nothing more."""
    if c.conventions == 0 or motif.strip():
        return []
    if c.autres_prescripteurs == c.conventions:
        qui = " d'un autre prescripteur" if c.conventions == 1 else " d'autres prescripteurs"
    elif c.autres_prescripteurs:
        qui = f", dont {c.autres_prescripteurs} d'un autre prescripteur"
    else:
        qui = ""
    combien = "une convention" if c.conventions == 1 else f"{c.conventions} conventions"
    return [
        Violation(
            "motif_chevauchement",
            f"Cette personne a déjà {combien}{qui} en cours pendant cette période : indiquez pourquoi une seconde "
            "convention est conclue en même temps (elle est gardée dans l'historique).",
        )
    ]
