"""Long work off the request (large exports, batches of PDFs): a registry of kinds and a runner with progress.

A kind is declared with ``enregistrer(type, fonction, libelle=…, autorise=…)`` where
``fonction(parametres, progression) -> (nom_fichier, contenu_bytes)`` and ``progression(pourcentage)`` may be
called as often as wished (it writes at most once per percent). The person's scope at the time of the request
is stored in ``parametres["perimetre"]`` so that the worker exports exactly what they may see.
Another app's page starts a kind by POSTing to ``{% url 'rappels:lancer_travail' type %}`` (its GET/POST
parameters become ``parametres``); the person is sent to the progress page.
"""

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cui_portal.permissions import Perimetre, a_une_habilitation
from cui_portal.taches import envoyer_tache

from .models import StatutTravail, TravailDiffere
from .planification import CONSERVATION_JOURS

logger = logging.getLogger(__name__)

Fonction = Callable[[dict, Callable[[int], None]], tuple[str, bytes]]
REPRISE_APRES = timedelta(minutes=30)  # a worker lost in the middle: another may take the work again


@dataclass(frozen=True)
class TypeTravail:
    type: str
    fonction: Fonction
    libelle: str
    autorise: Callable[[Perimetre], bool]


REGISTRE: dict[str, TypeTravail] = {}


def enregistrer(type_travail: str, fonction: Fonction, *, libelle: str = "", autorise=None) -> None:
    REGISTRE[type_travail] = TypeTravail(
        type_travail, fonction, libelle or type_travail, autorise or a_une_habilitation
    )


def perimetre_depuis(parametres: dict) -> Perimetre:
    return Perimetre(**parametres.get("perimetre", {}))


def lancer(utilisateur, type_travail: str, parametres: dict, perimetre: Perimetre) -> TravailDiffere:
    """Store the work and queue it after the commit (a broker outage leaves it waiting, never fails the page)."""
    if type_travail not in REGISTRE:
        raise KeyError(type_travail)
    travail = TravailDiffere.objects.create(
        proprietaire=utilisateur, type=type_travail, parametres={**parametres, "perimetre": asdict(perimetre)}
    )
    from .tasks import executer_travail

    envoyer_tache(executer_travail, str(travail.pk))
    return travail


def _prendre(pk) -> TravailDiffere | None:
    """Mark the work as started, unless it is finished or being run by another worker."""
    with transaction.atomic():
        travail = TravailDiffere.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if travail is None or travail.fini:
            return None
        maintenant = timezone.now()
        if (
            travail.statut == StatutTravail.EN_COURS
            and travail.commence_le
            and maintenant - travail.commence_le < (REPRISE_APRES)
        ):
            return None
        travail.statut, travail.commence_le, travail.progression = StatutTravail.EN_COURS, maintenant, 0
        travail.save(update_fields=["statut", "commence_le", "progression"])
        return travail


def executer(pk) -> TravailDiffere | None:
    travail = _prendre(pk)
    if travail is None:
        return None
    type_travail = REGISTRE.get(travail.type)
    derniere = [0]

    def progression(pourcentage) -> None:
        pourcentage = max(0, min(99, int(pourcentage)))  # 100 only once the file is stored
        if pourcentage > derniere[0]:
            derniere[0] = pourcentage
            TravailDiffere.objects.filter(pk=travail.pk).update(progression=pourcentage)

    try:
        if type_travail is None:
            raise LookupError(f"Type de travail inconnu : {travail.type}")
        nom_fichier, contenu = type_travail.fonction(travail.parametres, progression)
    except Exception as exc:
        logger.exception("Travail %s (%s) en échec", travail.pk, travail.type)
        travail.statut = StatutTravail.ECHEC
        travail.message_erreur = (
            str(exc) if isinstance(exc, LookupError) else "Une erreur inattendue est survenue pendant le travail."
        )[:300]
        travail.termine_le = timezone.now()
        travail.save(update_fields=["statut", "message_erreur", "termine_le"])
        return travail
    travail.fichier.save(f"{travail.pk}-{nom_fichier}", ContentFile(contenu), save=False)
    travail.nom_fichier = nom_fichier[:150]
    travail.statut, travail.progression, travail.termine_le = StatutTravail.TERMINE, 100, timezone.now()
    travail.save(update_fields=["fichier", "nom_fichier", "statut", "progression", "termine_le"])
    return travail


def reprendre(attente: timedelta = timedelta(minutes=2)) -> int:
    """Run the works left waiting (their message was lost: broker down) or abandoned by a lost worker."""
    maintenant = timezone.now()
    en_souffrance = TravailDiffere.objects.filter(
        Q(statut=StatutTravail.EN_ATTENTE, cree_le__lt=maintenant - attente)
        | Q(statut=StatutTravail.EN_COURS, commence_le__lt=maintenant - REPRISE_APRES)
    ).values_list("pk", flat=True)
    return sum(1 for pk in list(en_souffrance) if executer(pk) is not None)


def nettoyer(jours: int = CONSERVATION_JOURS) -> int:
    """Delete the files of works finished more than ``jours`` days ago (exports may hold personal data)."""
    limite = timezone.now() - timedelta(days=jours)
    nombre = 0
    for travail in TravailDiffere.objects.filter(termine_le__lt=limite):
        if travail.fichier:
            travail.fichier.delete(save=False)
        travail.delete()
        nombre += 1
    return nombre
