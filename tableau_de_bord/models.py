"""The CAE-jeunes programme (circular DGEFP 2009-38): fortnightly bilans d'étape, regional objectives and the
aggregate indicators the dashboards read. Operators, payments and comités de pilotage: ``models_operateurs``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cui_portal.contraintes import refus
from cui_portal.permissions import restreindre
from droit.nombres import SOURCE_CAE_JEUNES
from referentiels.models import Departement, Region


class Quinzaine(models.Model):
    """One fortnight of the national calendar of the bilans d'étape (see ``regles.quinzaines_de_l_annee``)."""

    annee = models.PositiveSmallIntegerField("année")
    numero = models.PositiveSmallIntegerField("numéro dans l'année")
    date_debut = models.DateField("début", unique=True)
    date_fin = models.DateField("fin")
    date_echeance = models.DateField("date d'échéance du bilan")

    class Meta:
        verbose_name = "quinzaine"
        ordering = ["date_debut"]
        constraints = [
            models.UniqueConstraint(
                fields=["annee", "numero"],
                name="quinzaine_unique_par_annee",
                violation_error_message=refus("Cette année a déjà une quinzaine portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(date_fin__gte=models.F("date_debut")),
                name="quinzaine_fin_apres_debut",
                violation_error_message=refus("Une quinzaine finit le jour de son début ou après."),
            ),
            models.CheckConstraint(
                condition=Q(date_echeance__gt=models.F("date_fin")),
                name="quinzaine_echeance_apres_fin",
                violation_error_message=refus(
                    f"Le bilan d'étape d'une quinzaine est attendu après la fin de celle-ci ({SOURCE_CAE_JEUNES})."
                ),
            ),
        ]

    def __str__(self):
        return f"du {self.date_debut:%d/%m/%Y} au {self.date_fin:%d/%m/%Y}"

    @property
    def libelle_du_bilan(self) -> str:
        """The fortnight in the dashboards' list: « Bilan au 15/01/2010 (échéance le 18/01/2010) »."""
        return f"Bilan au {self.date_fin:%d/%m/%Y} (échéance le {self.date_echeance:%d/%m/%Y})"


class Fonction(models.TextChoices):
    """The six functions of the programme: the rows of Annexe 1 of circular 2009-38."""

    PRESCRIPTION = "prescription", "Prescription"
    INFORMATION = "information", "Information des collectivités territoriales et des entreprises"
    PROSPECTION = "prospection", "Prospection des entreprises et construction des fiches de poste"
    IMMERSION = "immersion", "Organisation des périodes d'immersion"
    ANIMATION = "animation", "Animation du programme"
    SORTIES = "sorties", "Préparation des sorties"


class StatutBilan(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    SOUMIS = "soumis", "Transmis à la DGEFP"
    LU = "lu", "Lu par la DGEFP"


class BilanEtapeQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, region="region_id")


class BilanEtape(models.Model):
    """The bilan d'étape a region sends the DGEFP every fortnight (Annexe 1 of circular 2009-38)."""

    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="bilans_etape")
    quinzaine = models.ForeignKey(Quinzaine, verbose_name="quinzaine", on_delete=models.PROTECT, related_name="bilans")
    statut = models.CharField("statut", max_length=10, choices=StatutBilan.choices, default=StatutBilan.BROUILLON)
    # Optimistic locking: every write is ``filter(pk=…, version=v).update(version=v + 1, …)``.
    version = models.PositiveIntegerField("version", default=1)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    cree_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    modifie_le = models.DateTimeField("modifié le", null=True, blank=True)
    modifie_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="modifié par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    soumis_le = models.DateTimeField("transmis le", null=True, blank=True)
    soumis_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="transmis par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lu_le = models.DateTimeField("lu le", null=True, blank=True)
    lu_par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lu par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    commentaire_mip = models.TextField("commentaire de la DGEFP (MIP)", blank=True)

    history = HistoricalRecords()
    objects = BilanEtapeQuerySet.as_manager()

    class Meta:
        verbose_name = "bilan d'étape"
        verbose_name_plural = "bilans d'étape"
        ordering = ["-quinzaine__date_debut", "region__nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "quinzaine"],
                name="un_bilan_par_region_et_quinzaine",
                violation_error_message=refus(
                    f"La région a déjà un bilan d'étape pour cette quinzaine : un bilan par quinzaine "
                    f"({SOURCE_CAE_JEUNES})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(statut="brouillon") | Q(soumis_le__isnull=False),
                name="bilan_transmis_a_une_date",
                violation_error_message=refus("Un bilan d'étape transmis porte sa date de transmission."),
            ),
            models.CheckConstraint(
                condition=~Q(statut="lu") | Q(lu_le__isnull=False),
                name="bilan_lu_a_une_date",
                violation_error_message=refus("Un bilan d'étape lu porte sa date de lecture."),
            ),
        ]

    def __str__(self):
        return f"Bilan d'étape au {self.quinzaine.date_fin:%d/%m/%Y} – {self.region}"

    @property
    def titre(self):
        return f"Bilan d'étape au {self.quinzaine.date_fin:%d/%m/%Y}"

    @property
    def modifiable(self):
        return self.statut == StatutBilan.BROUILLON


class LigneBilan(models.Model):
    """One row of the Annexe 1 grid: a programme function and its five columns."""

    bilan = models.ForeignKey(BilanEtape, on_delete=models.CASCADE, related_name="lignes")
    fonction = models.CharField("fonction du programme", max_length=20, choices=Fonction.choices)
    operateur = models.ForeignKey(
        "tableau_de_bord.Operateur",
        verbose_name="opérateur responsable",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lignes_bilan",
    )
    objectifs = models.TextField("objectifs cibles fixés avec l'opérateur", blank=True)
    calendrier = models.TextField("calendrier / état d'avancement", blank=True)
    freins = models.TextField("freins identifiés", blank=True)
    points_particuliers = models.TextField(
        "points particuliers",
        blank=True,
        help_text="Bonne pratique, site expérimental, partenariat exemplaire…",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ligne du bilan d'étape"
        verbose_name_plural = "lignes du bilan d'étape"
        constraints = [
            models.UniqueConstraint(
                fields=["bilan", "fonction"],
                name="une_ligne_par_fonction",
                violation_error_message=refus("Ce bilan d'étape a déjà une ligne pour cette fonction."),
            )
        ]

    def __str__(self):
        return self.get_fonction_display()


class ObjectifRegional(models.Model):
    """The region's share of the national programming (JPE 2010: 360 000 CAE, 50 000 CIE)."""

    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="objectifs")
    annee = models.PositiveSmallIntegerField("année")
    objectif_cae = models.PositiveIntegerField("objectif d'entrées en CAE")
    objectif_cie = models.PositiveIntegerField("objectif d'entrées en CIE")
    objectif_cae_jeunes = models.PositiveIntegerField("objectif de CAE-jeunes", default=0)
    enveloppe_etat = models.DecimalField(
        "enveloppe de l'État (€)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Crédits de l'État pour l'aide des conventions de la région sur l'année.",
    )

    class Meta:
        verbose_name = "objectif régional"
        verbose_name_plural = "objectifs régionaux"
        ordering = ["annee", "region__nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "annee"],
                name="un_objectif_par_region_et_annee",
                violation_error_message=refus("La région a déjà ses objectifs pour cette année."),
            ),
            models.CheckConstraint(
                condition=Q(enveloppe_etat__isnull=True) | Q(enveloppe_etat__gte=0),
                name="enveloppe_regionale_positive",
                violation_error_message=refus("L'enveloppe de l'État d'une région est positive ou nulle."),
            ),
        ]

    def __str__(self):
        return f"Objectifs {self.annee} – {self.region}"


class IndicateurQuinzaine(models.Model):
    """Aggregate of the conventions concluded in one fortnight, by département and contract type.

    Kept up to date by ``services_indicateurs.rafraichir_indicateurs`` (Celery task, and after a convention is
    concluded) so that no dashboard rescans the conventions. A fortnight (1st–15th, 16th–end) is the programme's
    unit: bilans read one, and months or years are sums of them. Sums (not averages) are stored so that any
    grouping gives exact averages.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    departement = models.ForeignKey(Departement, on_delete=models.CASCADE, related_name="+")
    debut_periode = models.DateField("début de la quinzaine")
    type_contrat = models.CharField("type de contrat", max_length=10)
    entrees = models.PositiveIntegerField("conventions conclues", default=0)
    cae_jeunes = models.PositiveIntegerField("CAE-jeunes", default=0)
    cae_jeunes_immersion = models.PositiveIntegerField("CAE-jeunes avec la rubrique immersion", default=0)
    periodes_immersion = models.PositiveIntegerField("périodes d'immersion (CAE-jeunes)", default=0)
    somme_taux = models.DecimalField("somme des taux", max_digits=14, decimal_places=2, default=0)
    somme_heures = models.DecimalField("somme des heures hebdomadaires", max_digits=14, decimal_places=2, default=0)
    somme_duree_mois = models.DecimalField("somme des durées (mois)", max_digits=14, decimal_places=2, default=0)
    nb_mesures = models.PositiveIntegerField("conventions comptées dans les moyennes", default=0)

    class Meta:
        verbose_name = "indicateur par quinzaine"
        verbose_name_plural = "indicateurs par quinzaine"
        constraints = [
            models.UniqueConstraint(
                fields=["departement", "debut_periode", "type_contrat"],
                name="un_indicateur_par_dep_periode_contrat",
                violation_error_message=refus(
                    "Un indicateur existe déjà pour ce département, cette quinzaine et ce type de contrat."
                ),
            )
        ]
        indexes = [models.Index(fields=["debut_periode", "region"], name="indicateur_periode_region")]

    def __str__(self):
        return f"{self.type_contrat} – {self.departement_id} – quinzaine du {self.debut_periode:%d/%m/%Y}"


class RafraichissementIndicateurs(models.Model):
    """When the aggregates were last computed (shown as "données à jour au …" on the dashboards)."""

    fait_le = models.DateTimeField("calculé le", db_index=True)
    portee = models.CharField("portée", max_length=200, blank=True)
    lignes = models.PositiveIntegerField("lignes écrites", default=0)

    class Meta:
        verbose_name = "rafraîchissement des indicateurs"
        verbose_name_plural = "rafraîchissements des indicateurs"
        ordering = ["-fait_le"]

    def __str__(self):
        return f"Indicateurs calculés le {self.fait_le:%d/%m/%Y %H:%M}"


class RectificationBilan(models.Model):
    """A dated rectification of a bilan the DGEFP has read (the bilan itself no longer changes)."""

    bilan = models.ForeignKey(
        BilanEtape, verbose_name="bilan d'étape", on_delete=models.CASCADE, related_name="rectifications"
    )
    date = models.DateField("date de la rectification")
    texte = models.TextField("rectification")
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "rectification d'un bilan d'étape"
        verbose_name_plural = "rectifications des bilans d'étape"
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(texte=""),
                name="rectification_a_un_texte",
                violation_error_message=refus("Une rectification dit ce qui est corrigé."),
            ),
        ]

    def __str__(self):
        return f"Rectification du {self.date:%d/%m/%Y} – {self.bilan}"


from .models_operateurs import (  # noqa: E402, F401  (models of this app declared in a second module)
    ComitePilotage,
    ConventionOperateur,
    CreditIngenierie,
    DemandePaiement,
    NatureOperateur,
    Operateur,
)
