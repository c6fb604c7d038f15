"""Collectors: for each kind of reminder, the ORM queries that turn today's data into reminders to send.

A collector is ``fonction(aujourdhui) -> iterable of Demande``; it asks ``rappels.regles`` which occurrences are
due and ``rappels.destinataires`` who receives them. Kinds register with ``@collecteur(TypeRappel.X)``; a kind
whose models do not exist yet simply has no collector.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from rappels.destinataires import Destinataire
from rappels.models import Rappel
from rappels.regles import Occurrence

Collecteur = Callable[[date], Iterable["Demande"]]
COLLECTEURS: dict[str, Collecteur] = {}


def collecteur(type_rappel: str):
    def enregistrer(fonction: Collecteur) -> Collecteur:
        COLLECTEURS[str(type_rappel)] = fonction
        return fonction

    return enregistrer


@dataclass
class Demande:
    """One reminder that the data calls for today: its unique key, its text and its link."""

    type: str
    cle: str
    destinataire: Destinataire
    occurrence: Occurrence
    sujet: str
    libelle: str
    paragraphes: tuple[str, ...]
    lien: str = ""
    objet: object = None

    @property
    def cle_unique(self) -> tuple:
        return (self.type, self.cle, self.destinataire.email, self.occurrence.echeance, self.occurrence.niveau)

    def rappel(self) -> Rappel:
        content_type = ContentType.objects.get_for_model(self.objet) if self.objet is not None else None
        return Rappel(
            type=self.type,
            cle=self.cle,
            content_type=content_type,
            object_id=str(self.objet.pk) if self.objet is not None else "",
            destinataire=self.destinataire.email,
            utilisateur_id=self.destinataire.utilisateur_id,
            echeance=self.occurrence.echeance,
            niveau=self.occurrence.niveau,
            sujet=self.sujet[:200],
            libelle=self.libelle[:300],
            lien=self.lien[:300],
        )


def cle_objet(objet) -> str:
    return f"{objet._meta.label_lower}:{objet.pk}"


def etendre(
    type_rappel: str,
    occurrences: Iterable[Occurrence],
    publics: dict[str, list[Destinataire]],
    texte: Callable[[Occurrence], tuple[str, str, tuple[str, ...]]],
    *,
    cle: str,
    lien: str = "",
    objet=None,
) -> list[Demande]:
    """One Demande per due occurrence and per recipient of its group; ``texte(o)`` gives (subject, label,
    paragraphs)."""
    demandes = []
    for occurrence in occurrences:
        sujet, libelle, paragraphes = texte(occurrence)
        for destinataire in publics.get(occurrence.public, []):
            demandes.append(
                Demande(str(type_rappel), cle, destinataire, occurrence, sujet, libelle, paragraphes, lien, objet)
            )
    return demandes


def chemin(url_name: str, *args) -> str:
    """The path of a page of another app, for the e-mail's link. A name that does not resolve is a bug: it raises
    (``NoReverseMatch``) rather than sending every recipient to the home page."""
    return reverse(url_name, args=args)


def date_fr(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def rattrapage() -> int:
    return int(getattr(settings, "RAPPEL_RATTRAPAGE_JOURS", 7))


def fenetre(aujourdhui: date, jours: int) -> tuple[date, date]:
    """The days of the catch-up window, both included: a fact dated within them is still told today."""
    return aujourdhui - timedelta(days=jours), aujourdhui


def charger() -> dict[str, Collecteur]:
    """Import every collector module (each registers itself) and return the registry."""
    from . import arretes, bilans, conventions, notifications, operateurs_caom  # noqa: F401

    return COLLECTEURS
