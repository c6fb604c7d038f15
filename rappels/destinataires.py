"""Who receives a reminder: people holding a role in an organisation (habilitations), and the MIP correspondents."""

from collections import defaultdict
from dataclasses import dataclass

from comptes.models import Habilitation, Utilisateur
from droit.vocabulaire import Role
from referentiels.models import Region


@dataclass(frozen=True)
class Destinataire:
    email: str
    utilisateur_id: int | None = None
    nom: str = ""


def _habilitations(role: str):
    return (
        Habilitation.objects.filter(role=role, actif=True, utilisateur__is_active=True)
        .select_related("utilisateur", "organisation")
        .order_by("utilisateur__email")
    )


def _destinataire(utilisateur) -> Destinataire:
    return Destinataire(utilisateur.email.lower(), utilisateur.pk, utilisateur.get_full_name())


def par_region(role: str) -> dict[int, list[Destinataire]]:
    """The active holders of ``role`` in each region (organisations of the region and of its départements)."""
    resultat: dict[int, list[Destinataire]] = defaultdict(list)
    for h in _habilitations(role).filter(organisation__region__isnull=False):
        d = _destinataire(h.utilisateur)
        if d not in resultat[h.organisation.region_id]:
            resultat[h.organisation.region_id].append(d)
    return resultat


def par_departement(role: str) -> dict[int, list[Destinataire]]:
    resultat: dict[int, list[Destinataire]] = defaultdict(list)
    for h in _habilitations(role).filter(organisation__departement__isnull=False):
        d = _destinataire(h.utilisateur)
        if d not in resultat[h.organisation.departement_id]:
            resultat[h.organisation.departement_id].append(d)
    return resultat


def par_organisation(role: str) -> dict[int, list[Destinataire]]:
    resultat: dict[int, list[Destinataire]] = defaultdict(list)
    for h in _habilitations(role):
        d = _destinataire(h.utilisateur)
        if d not in resultat[h.organisation_id]:
            resultat[h.organisation_id].append(d)
    return resultat


def nationaux() -> list[Destinataire]:
    vus: dict[str, Destinataire] = {}
    for h in _habilitations(Role.NATIONAL):
        vus.setdefault(h.utilisateur.email.lower(), _destinataire(h.utilisateur))
    return list(vus.values())


def dgefp() -> list[Destinataire]:
    """The DGEFP's people: national users and administrators (both act on the national scope)."""
    vus: dict[str, Destinataire] = {}
    for role in (Role.NATIONAL, Role.ADMINISTRATEUR):
        for h in _habilitations(role):
            vus.setdefault(h.utilisateur.email.lower(), _destinataire(h.utilisateur))
    return list(vus.values())


def correspondants_mip() -> dict[int, list[Destinataire]]:
    """Each region's MIP correspondent at the DGEFP (circular 2009-38, Annexe 2), linked to an account if any."""
    regions = Region.objects.filter(correspondant_mip__isnull=False).select_related("correspondant_mip")
    emails = {r.correspondant_mip.email.lower() for r in regions}
    comptes = {u.email.lower(): u for u in Utilisateur.objects.filter(email__in=emails, is_active=True)}
    resultat = {}
    for region in regions:
        email = region.correspondant_mip.email.lower()
        compte = comptes.get(email)
        resultat[region.pk] = [Destinataire(email, compte.pk if compte else None, region.correspondant_mip.nom)]
    return resultat


def adresse(email: str, nom: str = "") -> list[Destinataire]:
    """A bare address (an employer's contact, an organisation's mailbox), linked to an account if one exists."""
    email = (email or "").strip().lower()
    if not email:
        return []
    compte = Utilisateur.objects.filter(email__iexact=email, is_active=True).only("pk").first()
    return [Destinataire(email, compte.pk if compte else None, nom)]
