"""Run the due reminders: derive them from the data, store each as a row (unique key), send what is unsent.

Idempotent by design: the rows are inserted with ON CONFLICT DO NOTHING on their unique key, then each unsent
row is locked (``select_for_update(skip_locked=True)``) while its e-mail goes out and ``envoye_le`` is set. Two
workers, a retried task or a command run by hand never send the same row twice.
"""

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string

from cui_portal import horloge
from cui_portal.horloge import avis_demonstration

from .collecte import Demande, charger
from .models import Rappel

logger = logging.getLogger(__name__)

TENTATIVES_MAX = 5
LOT = 500


@dataclass
class Resultat:
    aujourdhui: date
    crees: int = 0
    envoyes: int = 0
    echecs: int = 0
    a_envoyer: list[Demande] = field(default_factory=list)


def _par_lots(elements, taille=LOT):
    for i in range(0, len(elements), taille):
        yield elements[i : i + taille]


def _dedoublonner(demandes) -> list[Demande]:
    vues: dict[tuple, Demande] = {}
    for d in demandes:
        vues.setdefault(d.cle_unique, d)
    return list(vues.values())


def _existants(type_rappel: str, demandes: list[Demande], **filtres) -> dict[tuple, int]:
    """The rows already stored for these demandes: unique key -> pk."""
    existants = {}
    for lot in _par_lots(sorted({d.cle for d in demandes})):
        lignes = Rappel.objects.filter(type=type_rappel, cle__in=lot, **filtres).values_list(
            "pk", "type", "cle", "destinataire", "echeance", "niveau"
        )
        for pk, *cle in lignes:
            existants[tuple(cle)] = pk
    return existants


def executer(aujourdhui: date | None = None, *, dry_run: bool = False, types=None, connexion=None) -> Resultat:
    """Create and send today's due reminders (or, with ``dry_run``, only list those that would be sent).

    ``connexion``: the e-mail backend to send them with (default: the settings'); the demonstration records the
    reminders of the days before its own with a backend that mails nobody."""
    aujourdhui = aujourdhui or horloge.aujourdhui()
    resultat = Resultat(aujourdhui)
    for type_rappel, collecter in charger().items():
        if types and type_rappel not in types:
            continue
        demandes = _dedoublonner(collecter(aujourdhui))
        if not demandes:
            continue
        if dry_run:
            envoyes = _existants(type_rappel, demandes, envoye_le__isnull=False)
            resultat.a_envoyer += [d for d in demandes if d.cle_unique not in envoyes]
            continue
        avant = Rappel.objects.filter(type=type_rappel).count()
        Rappel.objects.bulk_create([d.rappel() for d in demandes], ignore_conflicts=True, batch_size=LOT)
        resultat.crees += Rappel.objects.filter(type=type_rappel).count() - avant
        a_envoyer = _existants(type_rappel, demandes, envoye_le__isnull=True, tentatives__lt=TENTATIVES_MAX)
        for demande in demandes:
            pk = a_envoyer.get(demande.cle_unique)
            if pk is None:
                continue
            envoye = envoyer(pk, demande, connexion)
            if envoye is True:
                resultat.envoyes += 1
            elif envoye is False:
                resultat.echecs += 1
    logger.info(
        "Rappels du %s : %s créés, %s envoyés, %s échecs.",
        aujourdhui,
        resultat.crees,
        resultat.envoyes,
        resultat.echecs,
    )
    return resultat


def message(demande: Demande) -> EmailMultiAlternatives:
    contexte = {
        "demande": demande,
        "destinataire": demande.destinataire,
        "paragraphes": demande.paragraphes,
        "lien_absolu": f"{settings.SITE_URL.rstrip('/')}{demande.lien}" if demande.lien else "",
        "notifications": f"{settings.SITE_URL.rstrip('/')}/rappels/",
        "avis_demonstration": avis_demonstration(),
    }
    courriel = EmailMultiAlternatives(
        subject=f"[Portail CUI] {demande.sujet}",
        body=render_to_string("rappels/email.txt", contexte),
        to=[demande.destinataire.email],
    )
    courriel.attach_alternative(render_to_string("rappels/email.html", contexte), "text/html")
    return courriel


def envoyer(pk: int, demande: Demande, connexion=None) -> bool | None:
    """Send one stored reminder if nobody has: True sent, False failed (retried next run), None skipped."""
    with transaction.atomic():
        rappel = Rappel.objects.select_for_update(skip_locked=True).filter(pk=pk, envoye_le__isnull=True).first()
        if rappel is None:
            return None  # sent meanwhile, or being sent by another worker
        rappel.tentatives += 1
        courriel = message(demande)  # a template error is a bug: raised, not retried forever
        courriel.connection = connexion
        try:
            courriel.send()
        except (smtplib.SMTPException, OSError) as exc:  # the e-mail server: retried on the next run
            logger.warning("Rappel %s non envoyé (tentative %s) : %s", pk, rappel.tentatives, exc.__class__.__name__)
            rappel.derniere_erreur = f"{exc.__class__.__name__} : {exc}"[:300]
            rappel.save(update_fields=["tentatives", "derniere_erreur"])
            return False
        rappel.envoye_le = horloge.maintenant()
        rappel.derniere_erreur = ""
        rappel.save(update_fields=["tentatives", "envoye_le", "derniere_erreur"])
        return True
