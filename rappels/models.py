"""Reminders and deferred work.

A reminder is a row before it is an e-mail: its unique key (type, object, recipient, due date, level) makes
sending idempotent. Collectors derive the rows from the data each time they run, so a lost message or a broker
outage loses nothing: the next run creates what is missing and sends what has not been sent.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from cui_portal.contraintes import ou, refus


class TypeRappel(models.TextChoices):
    BILAN_ETAPE = "bilan_etape", "Bilan d'étape CAE-jeunes"
    ARRETE_ANNUEL = "arrete_annuel", "Arrêté régional de l'année suivante"
    CAOM_NEGOCIATION = "caom_negociation", "État des négociations CAOM"
    CAOM_SIGNATURE = "caom_signature", "CAOM non signée"
    PAIEMENT_OPERATEUR = "paiement_operateur", "Paiement d'un opérateur"
    CONVENTION_ATTESTATION = "convention_attestation", "Attestation d'expérience professionnelle"
    CONVENTION_BILAN = "convention_bilan", "Bilan préalable au renouvellement"
    CONVENTION_DECLARATION_TARDIVE = "convention_declaration_tardive", "Déclaration tardive"
    BILAN_COMMENTAIRE = "bilan_commentaire", "Commentaire de la DGEFP sur un bilan d'étape"
    BILAN_TRANSMIS = "bilan_transmis", "Bilan d'étape transmis à la DGEFP"
    CAOM_ETAPE = "caom_etape", "Étape de la négociation d'une CAOM"
    PAIEMENT_ASP_SIGNALE = "paiement_asp_signale", "Paiement de l'aide signalé par le rapprochement avec l'ASP"


class RappelQuerySet(models.QuerySet):
    def pour(self, utilisateur):
        """The reminders sent to this person, by account or by e-mail address."""
        # Addresses are stored in lower case (a constraint): an exact match uses the index.
        return self.filter(envoye_le__isnull=False).filter(
            Q(utilisateur=utilisateur) | Q(destinataire=utilisateur.email.lower())
        )

    def non_lus(self):
        return self.filter(lu_le__isnull=True)


class Rappel(models.Model):
    type = models.CharField("type", max_length=40, choices=TypeRappel.choices)
    # The object: a model row (content type + id) and always a string key, which is what the unique key uses.
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.CharField("identifiant de l'objet", max_length=64, blank=True)
    objet = GenericForeignKey("content_type", "object_id")
    cle = models.CharField("clé de l'objet", max_length=120)
    destinataire = models.EmailField("destinataire")
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="utilisateur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rappels",
    )
    echeance = models.DateField("échéance")
    niveau = models.CharField("niveau", max_length=20, help_text="Par exemple j-3, jour_j, retard.")
    sujet = models.CharField("objet du message", max_length=200)
    libelle = models.CharField("libellé", max_length=300, help_text="Ce que la personne voit dans ses notifications.")
    lien = models.CharField("lien", max_length=300, blank=True, help_text="Chemin de la page concernée.")
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    envoye_le = models.DateTimeField("envoyé le", null=True, blank=True)
    lu_le = models.DateTimeField("lu le", null=True, blank=True)
    tentatives = models.PositiveSmallIntegerField("tentatives d'envoi", default=0)
    derniere_erreur = models.CharField("dernière erreur", max_length=300, blank=True)

    objects = RappelQuerySet.as_manager()

    class Meta:
        verbose_name = "rappel"
        ordering = ["-envoye_le", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["type", "cle", "destinataire", "echeance", "niveau"],
                name="un_rappel_par_occurrence",
                violation_error_message=refus(
                    "Ce rappel est déjà enregistré pour ce destinataire, cette échéance et ce niveau : il n'est "
                    "envoyé qu'une fois."
                ),
            ),
            models.CheckConstraint(
                condition=Q(type__in=TypeRappel.values),
                name="rappel_type_connu",
                violation_error_message=refus("Type de rappel inconnu : il n'est pas dans la liste des rappels."),
            ),
            models.CheckConstraint(
                condition=Q(destinataire=Lower("destinataire")),
                name="rappel_email_minuscule",
                violation_error_message=refus("L'adresse du destinataire d'un rappel s'écrit en minuscules."),
            ),
        ]
        indexes = [
            models.Index(fields=["type", "envoye_le"], name="rappel_type_envoi"),
            models.Index(fields=["utilisateur", "lu_le"], name="rappel_utilisateur_lu"),
            models.Index(fields=["destinataire"], name="rappel_destinataire"),
        ]

    def __str__(self):
        return f"{self.get_type_display()} – {self.niveau} – {self.destinataire}"


class StatutTravail(models.TextChoices):
    EN_ATTENTE = "en_attente", "En attente"
    EN_COURS = "en_cours", "En cours"
    TERMINE = "termine", "Terminé"
    ECHEC = "echec", "Échec"


class TravailDiffere(models.Model):
    """Long work run by a worker (large export, batch of PDFs): its progress, its file, its owner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    proprietaire = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="demandé par", on_delete=models.CASCADE, related_name="travaux"
    )
    type = models.CharField("type", max_length=60)
    parametres = models.JSONField("paramètres", default=dict, blank=True)
    statut = models.CharField("statut", max_length=12, choices=StatutTravail.choices, default=StatutTravail.EN_ATTENTE)
    progression = models.PositiveSmallIntegerField("progression (%)", default=0)
    fichier = models.FileField("fichier", upload_to="travaux/", blank=True)
    nom_fichier = models.CharField("nom du fichier", max_length=150, blank=True)
    message_erreur = models.CharField("message d'erreur", max_length=300, blank=True)
    cree_le = models.DateTimeField("demandé le", auto_now_add=True)
    commence_le = models.DateTimeField("commencé le", null=True, blank=True)
    termine_le = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "travail différé"
        verbose_name_plural = "travaux différés"
        ordering = ["-cree_le"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progression__lte=100),
                name="travail_progression_au_plus_100",
                violation_error_message=refus("La progression d'un travail va de 0 à 100 %."),
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutTravail.values),
                name="travail_statut_connu",
                violation_error_message=refus(f"Un travail différé est {ou(StatutTravail)}."),
            ),
        ]

    def __str__(self):
        return f"{self.type} ({self.get_statut_display()})"

    @property
    def fini(self) -> bool:
        return self.statut in (StatutTravail.TERMINE, StatutTravail.ECHEC)
