"""Running the long work declared in ``cui_portal.travaux`` (its registry of kinds): each request is stored as a
``TravailDiffere`` row, queued after the commit, run by a worker with its progress, and its file kept for its
owner. A work lost by the broker or by a worker is taken again by ``reprendre`` (beat, every few minutes).
"""

import logging
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.db.models import Q

from cui_portal import horloge
from cui_portal.permissions import Perimetre
from cui_portal.taches import envoyer_tache
from cui_portal.travaux import type_de

from .models import StatutTravail, TravailDiffere
from .planification import CONSERVATION_JOURS

logger = logging.getLogger(__name__)

REPRISE_APRES = timedelta(minutes=30)  # a worker lost in the middle: another may take the work again


def lancer(utilisateur, type_travail: str, parametres: dict, perimetre: Perimetre) -> TravailDiffere:
    """Store the work and queue it after the commit (a broker outage leaves it waiting, never fails the page)."""
    if (type_ := type_de(type_travail)) is None:
        raise KeyError(type_travail)
    travail = TravailDiffere.objects.create(
        proprietaire=utilisateur,
        type=type_travail,
        parametres={**type_.preparer(parametres), "perimetre": asdict(perimetre)},
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
        maintenant = horloge.instant_reel()
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
    type_travail = type_de(travail.type)
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
        travail.termine_le = horloge.instant_reel()
        travail.save(update_fields=["statut", "message_erreur", "termine_le"])
        return travail
    _stocker(travail, nom_fichier, contenu)
    travail.nom_fichier = nom_fichier[:150]
    travail.statut, travail.progression, travail.termine_le = StatutTravail.TERMINE, 100, horloge.instant_reel()
    travail.save(update_fields=["fichier", "nom_fichier", "statut", "progression", "termine_le"])
    return travail


def _stocker(travail: TravailDiffere, nom_fichier: str, contenu: bytes | Path) -> None:
    """Store the file: bytes as they are, a temporary file (a streamed export) copied by chunks then deleted."""
    if not isinstance(contenu, Path):
        travail.fichier.save(f"{travail.pk}-{nom_fichier}", ContentFile(contenu), save=False)
        return
    try:
        with contenu.open("rb") as source:
            travail.fichier.save(f"{travail.pk}-{nom_fichier}", File(source), save=False)
    finally:
        contenu.unlink(missing_ok=True)


def reprendre(attente: timedelta = timedelta(minutes=2)) -> int:
    """Run the works left waiting (their message was lost: broker down) or abandoned by a lost worker."""
    maintenant = horloge.instant_reel()
    en_souffrance = TravailDiffere.objects.filter(
        Q(statut=StatutTravail.EN_ATTENTE, cree_le__lt=maintenant - attente)
        | Q(statut=StatutTravail.EN_COURS, commence_le__lt=maintenant - REPRISE_APRES)
    ).values_list("pk", flat=True)
    return sum(1 for pk in list(en_souffrance) if executer(pk) is not None)


def nettoyer(jours: int = CONSERVATION_JOURS) -> int:
    """Delete the files of works finished more than ``jours`` days ago (exports may hold personal data)."""
    limite = horloge.instant_reel() - timedelta(days=jours)
    nombre = 0
    for travail in TravailDiffere.objects.filter(termine_le__lt=limite):
        if travail.fichier:
            travail.fichier.delete(save=False)
        travail.delete()
        nombre += 1
    return nombre
