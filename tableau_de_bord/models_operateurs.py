"""Operators of the CAE-jeunes programme, their agreements and ASP payments, engineering credits, comités de
pilotage (circular DGEFP 2009-38, I and II)."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cui_portal import horloge
from cui_portal.contraintes import refus
from cui_portal.permissions import restreindre
from droit.nombres import DELAI_PAIEMENT_OPERATEUR_JOURS, SOURCE_PAIEMENT_OPERATEUR
from referentiels.models import Organisation, Region

from . import regles

MESSAGE_OPERATEUR_EN_DOUBLE = refus("Cet organisme est déjà un opérateur de la région.")


class NatureOperateur(models.TextChoices):
    MISSION_LOCALE = "mission_locale", "Mission locale"
    POLE_EMPLOI = "pole_emploi", "Pôle emploi"
    CNFPT = "cnfpt", "CNFPT (établissement public)"
    PRESTATAIRE = "prestataire", "Prestataire retenu par marché public"
    AUTRE = "autre", "Autre opérateur"


class OperateurQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, region="region_id")


class Operateur(models.Model):
    """An organisation a region mobilises for the programme (a mission locale may be prescripteur elsewhere)."""

    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="operateurs")
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", on_delete=models.PROTECT, related_name="operations_cae_jeunes"
    )
    nature = models.CharField("nature de l'opérateur", max_length=20, choices=NatureOperateur.choices)
    actif = models.BooleanField("actif", default=True)

    objects = OperateurQuerySet.as_manager()

    class Meta:
        verbose_name = "opérateur"
        ordering = ["organisation__nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "organisation"],
                name="un_operateur_par_region",
                violation_error_message=MESSAGE_OPERATEUR_EN_DOUBLE,
            )
        ]

    def __str__(self):
        return self.organisation.nom


class ConventionOperateurQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, region="operateur__region_id")


class ConventionOperateur(models.Model):
    """The agreement (convention or public contract) binding the region and an operator, sent to the ASP."""

    operateur = models.ForeignKey(
        Operateur, verbose_name="opérateur", on_delete=models.PROTECT, related_name="conventions"
    )
    objet = models.CharField("objet", max_length=250)
    montant = models.DecimalField("montant (€)", max_digits=12, decimal_places=2)
    signee_le = models.DateField("signée le")
    transmise_asp_le = models.DateField("transmise à l'ASP le", null=True, blank=True)

    history = HistoricalRecords()
    objects = ConventionOperateurQuerySet.as_manager()

    class Meta:
        verbose_name = "convention avec un opérateur"
        verbose_name_plural = "conventions avec les opérateurs"
        ordering = ["-signee_le"]
        constraints = [
            models.CheckConstraint(
                condition=Q(montant__gt=0),
                name="convention_operateur_montant_positif",
                violation_error_message=refus("Le montant d'une convention avec un opérateur est strictement positif."),
            ),
            models.CheckConstraint(
                condition=Q(transmise_asp_le__isnull=True) | Q(transmise_asp_le__gte=models.F("signee_le")),
                name="convention_operateur_transmise_apres_signature",
                violation_error_message=refus(
                    f"La convention est transmise à l'ASP dès sa signature, pas avant ({SOURCE_PAIEMENT_OPERATEUR})."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.operateur} – {self.objet}"


class CreditIngenierie(models.Model):
    """Engineering credits notified to a region for the programme."""

    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="credits")
    annee = models.PositiveSmallIntegerField("année")
    montant_notifie = models.DecimalField("montant notifié (€)", max_digits=12, decimal_places=2)
    notifie_le = models.DateField("notifié le", null=True, blank=True)

    class Meta:
        verbose_name = "crédit d'ingénierie"
        verbose_name_plural = "crédits d'ingénierie"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "annee"],
                name="un_credit_par_region_et_annee",
                violation_error_message=refus(
                    "Les crédits d'ingénierie de cette année sont déjà enregistrés pour la région : modifiez-les."
                ),
            ),
            models.CheckConstraint(
                condition=Q(montant_notifie__gte=0),
                name="credit_montant_positif",
                violation_error_message=refus("Le montant notifié des crédits d'ingénierie est positif ou nul."),
            ),
        ]

    def __str__(self):
        return f"Crédits {self.annee} – {self.region}"


class DemandePaiementQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, region="convention__operateur__region_id")

    def en_retard(self, aujourd_hui: date):
        """Unpaid, with a complete file received more than 25 days ago."""
        limite = aujourd_hui - timedelta(days=DELAI_PAIEMENT_OPERATEUR_JOURS)
        return self.filter(payee_le__isnull=True, date_dossier_complet__lt=limite)

    def a_payer(self, aujourd_hui: date):
        """Unpaid, with a complete file, and the ASP's 25 days not yet past (its deadline is today or later)."""
        limite = aujourd_hui - timedelta(days=DELAI_PAIEMENT_OPERATEUR_JOURS)
        return self.filter(payee_le__isnull=True, date_dossier_complet__gte=limite)

    def filtrer(self, paiement: str, aujourd_hui: date):
        """The ``paiement`` filter of the operators' page: ``en_retard``, ``a_payer``, or everything."""
        if paiement == "en_retard":
            return self.en_retard(aujourd_hui)
        if paiement == "a_payer":
            return self.a_payer(aujourd_hui)
        return self


class DemandePaiement(models.Model):
    """An advance asked by an operator; the ASP pays within 25 days of the complete file."""

    convention = models.ForeignKey(
        ConventionOperateur, verbose_name="convention", on_delete=models.PROTECT, related_name="demandes"
    )
    montant = models.DecimalField("montant demandé (€)", max_digits=12, decimal_places=2)
    compte_rendu_recu_le = models.DateField("compte rendu d'exécution reçu le", null=True, blank=True)
    attestation_recue_le = models.DateField("attestation de service fait reçue le", null=True, blank=True)
    # Stored (computed in save) so that overdue requests are found by an indexed query.
    date_dossier_complet = models.DateField("dossier complet le", null=True, blank=True, editable=False)
    payee_le = models.DateField("payée le", null=True, blank=True)

    history = HistoricalRecords()
    objects = DemandePaiementQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de paiement"
        verbose_name_plural = "demandes de paiement"
        ordering = ["-date_dossier_complet", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(montant__gt=0),
                name="demande_paiement_montant_positif",
                violation_error_message=refus("Le montant d'une demande de paiement est strictement positif."),
            ),
            models.CheckConstraint(
                condition=Q(payee_le__isnull=True) | Q(date_dossier_complet__isnull=False),
                name="paiement_apres_dossier_complet",
                violation_error_message=refus(
                    "L'ASP ne paie qu'au vu du compte rendu d'exécution et de l'attestation de service fait "
                    f"({SOURCE_PAIEMENT_OPERATEUR}) : renseignez d'abord leurs dates de réception."
                ),
            ),
            models.CheckConstraint(
                condition=Q(payee_le__isnull=True) | Q(payee_le__gte=models.F("date_dossier_complet")),
                name="paiement_pas_avant_le_dossier_complet",
                violation_error_message=refus(
                    "Le paiement ne peut précéder le dossier complet : l'ASP paie dès réception de l'ensemble des "
                    f"documents ({SOURCE_PAIEMENT_OPERATEUR})."
                ),
            ),
        ]

    def __str__(self):
        return f"Demande de {self.montant} € – {self.convention}"

    def save(self, *args, **kwargs):
        self.date_dossier_complet = regles.date_dossier_complet(self.compte_rendu_recu_le, self.attestation_recue_le)
        super().save(*args, **kwargs)

    def clean(self):
        """``regles.erreurs_demande_paiement`` for every form that writes it (the region's page, the admin): the
        agreement sent to the ASP, within what remains of it, paid only after the complete file."""
        super().clean()
        if self.convention_id is None:
            return
        convention = self.convention
        deja = convention.demandes.exclude(pk=self.pk).aggregate(total=models.Sum("montant"))["total"]
        erreurs = regles.erreurs_demande_paiement(
            montant=self.montant,
            montant_convention=convention.montant,
            deja_demande=deja or Decimal(0),
            transmise_asp_le=convention.transmise_asp_le,
            date_complet=regles.date_dossier_complet(self.compte_rendu_recu_le, self.attestation_recue_le),
            payee_le=self.payee_le,
            aujourd_hui=horloge.aujourdhui(),
        )
        if erreurs:
            raise ValidationError(erreurs)

    @property
    def echeance(self):
        return regles.echeance_paiement(self.date_dossier_complet) if self.date_dossier_complet else None

    def en_retard(self, aujourd_hui: date) -> bool:
        return regles.paiement_en_retard(self.date_dossier_complet, self.payee_le, aujourd_hui)


class ComitePilotageQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, region="region_id")


class ComitePilotage(models.Model):
    """A regional steering committee; its date is sent to the DGEFP so that its staff may attend."""

    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="comites")
    date = models.DateField("date")
    heure = models.TimeField("heure", null=True, blank=True)
    lieu = models.CharField("lieu", max_length=200)
    ordre_du_jour = models.TextField("ordre du jour")
    participants = models.TextField("participants", blank=True)
    transmis_dgefp_le = models.DateField("date transmise à la DGEFP le", null=True, blank=True)
    # A cancelled committee stays in the calendar (the DGEFP's staff planned to attend), with its reason.
    annule_le = models.DateField("annulé le", null=True, blank=True)
    motif_annulation = models.TextField("motif de l'annulation", blank=True)

    history = HistoricalRecords()
    objects = ComitePilotageQuerySet.as_manager()

    class Meta:
        verbose_name = "comité de pilotage"
        verbose_name_plural = "comités de pilotage"
        ordering = ["date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(annule_le__isnull=True) | ~Q(motif_annulation=""),
                name="comite_annule_a_un_motif",
                violation_error_message=refus(
                    "Un comité de pilotage annulé a le motif de son annulation (la DGEFP en est informée)."
                ),
            ),
        ]

    def __str__(self):
        return f"Comité de pilotage du {self.date:%d/%m/%Y} – {self.region}"

    @property
    def annule(self) -> bool:
        return self.annule_le is not None
