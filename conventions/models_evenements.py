"""What happens to a convention after its conclusion: avenants, immersion periods; and the numbering sequences.
Registered with the app through ``conventions.models``."""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cui_portal.contraintes import ou, refus
from droit.nombres import DELAI_DECLARATION_JOURS, HEURES_MAX, TAUX_MAX
from droit.vocabulaire import TypeContrat
from referentiels.models import Departement

from .champs import MESSAGE_HEURES_PRISES_EN_CHARGE, MESSAGE_TAUX, champ_heures, champ_montant, champ_taux


class MotifSuspension(models.TextChoices):
    """An immersion is an avenant (``TypeAvenant.IMMERSION``), not a suspension: the former « immersion »
    suspensions are « autre » since the migration 0009."""

    MALADIE = "maladie", "Maladie ou accident"
    MATERNITE = "maternite", "Congé de maternité, de paternité ou d'adoption"
    EVALUATION = "evaluation", "Évaluation en milieu de travail ou période d'essai chez un autre employeur"
    AUTRE = "autre", "Autre motif"


class MotifRupture(models.TextChoices):
    """The motives of an early end, each with its case of the law (``regles.evenements`` checks they fit the work
    contract): a CDD ends early only by L. 1243-1, L. 1243-2, L. 5134-28 (CAE) or L. 5134-70 (CIE)."""

    EMBAUCHE = (
        "embauche",
        "Départ du salarié pour une embauche en CDI ou en CDD d'au moins six mois (L. 1243-2 ; L. 5134-28, L. 5134-70)",
    )
    FORMATION = "formation", "Départ du salarié pour une formation qualifiante (L. 5134-28, L. 5134-70)"
    PERIODE_ESSAI = (
        "periode_essai",
        "Rupture pendant la période d'essai (L. 1242-10 pour un CDD, L. 1221-19 pour un CDI)",
    )
    ACCORD_COMMUN = "accord_commun", "Rupture d'un commun accord (L. 1243-1 ; rupture conventionnelle d'un CDI)"
    FAUTE_GRAVE = "faute_grave", "Faute grave du salarié (L. 1243-1)"
    FORCE_MAJEURE = "force_majeure", "Force majeure (L. 1243-1)"
    INAPTITUDE = (
        "inaptitude",
        "Inaptitude constatée par le médecin du travail (pour un CDD : L. 1243-1, à partir du 19/05/2011)",
    )
    DEMISSION = "demission", "Démission (CDI)"
    LICENCIEMENT = "licenciement", "Licenciement pour cause réelle et sérieuse (CDI)"
    DEPART_SALARIE = (
        "depart_salarie",
        "Départ anticipé du salarié hors des cas prévus par la loi (CDD, L. 1243-3)",
    )
    HORS_CAS_LEGAUX = (
        "hors_cas_legaux",
        "Rupture par l'employeur hors des cas prévus par la loi (l'aide versée est à rembourser)",
    )


class TypeAvenant(models.TextChoices):
    RENOUVELLEMENT = "renouvellement", "Renouvellement (prolongation)"
    MODIFICATION = "modification", "Modification"
    IMMERSION = "immersion", "Période d'immersion"


class PeriodeImmersion(models.Model):
    convention = models.ForeignKey(
        "conventions.Convention",
        verbose_name="convention",
        on_delete=models.CASCADE,
        related_name="periodes_immersion",
    )
    employeur_accueil = models.CharField("employeur d'accueil", max_length=200)
    siret_accueil = models.CharField("SIRET de l'employeur d'accueil", max_length=14, blank=True)
    date_debut = models.DateField("début")
    date_fin = models.DateField("fin (incluse)")
    objet = models.TextField("objet", blank=True)
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "période d'immersion"
        verbose_name_plural = "périodes d'immersion"
        ordering = ["convention", "date_debut"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__gte=F("date_debut")),
                name="immersion_fin_apres_debut",
                violation_error_message=refus("Une période d'immersion finit le jour de son début ou après."),
            ),
        ]

    def __str__(self):
        return f"Immersion chez {self.employeur_accueil} du {self.date_debut:%d/%m/%Y} au {self.date_fin:%d/%m/%Y}"


class Avenant(models.Model):
    convention = models.ForeignKey(
        "conventions.Convention", verbose_name="convention", on_delete=models.CASCADE, related_name="avenants"
    )
    type = models.CharField("type", max_length=16, choices=TypeAvenant.choices)
    numero = models.PositiveSmallIntegerField("numéro")
    date = models.DateField("date de signature")
    date_effet = models.DateField("date d'effet")
    ancienne_date_fin = models.DateField("fin de la convention avant l'avenant", null=True, blank=True)
    # The terms before the avenant: the schedule keeps them for the months before its effective date.
    ancien_taux = champ_taux("taux de prise en charge avant l'avenant (%)")
    ancienne_duree_hebdo_prise_en_charge = champ_heures("durée hebdomadaire prise en charge avant l'avenant (h)")
    date_fin = models.DateField("nouvelle fin de la convention", null=True, blank=True)
    date_fin_contrat_travail = models.DateField("nouvelle fin du contrat de travail", null=True, blank=True)
    duree_hebdo_travail = champ_heures("nouvelle durée hebdomadaire de travail (h)")
    duree_hebdo_prise_en_charge = champ_heures("nouvelle durée hebdomadaire prise en charge (h)")
    taux = champ_taux("nouveau taux de prise en charge (%)")
    aide_mensuelle = champ_montant("aide mensuelle après l'avenant (€)")
    part_etat = champ_montant("part de l'État après l'avenant (€)")
    part_conseil_general = champ_montant("part du conseil général après l'avenant (€)")
    bilan_employeur_fourni = models.BooleanField("bilan préalable de l'employeur fourni", default=False)
    formation_en_cours = models.BooleanField("pour achever une formation en cours", default=False)
    date_fin_formation = models.DateField("fin de la formation en cours", null=True, blank=True)
    motif = models.TextField("motif", blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "avenant"
        ordering = ["convention", "numero"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "numero"],
                name="avenant_numero_unique_par_convention",
                violation_error_message=refus("La convention a déjà un avenant portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(numero__gte=1),
                name="avenant_numero_positif",
                violation_error_message=refus("Les avenants d'une convention sont numérotés à partir de 1."),
            ),
            models.CheckConstraint(
                condition=Q(type__in=TypeAvenant.values),
                name="avenant_type_connu",
                violation_error_message=refus(f"Un avenant est {ou(TypeAvenant)}."),
            ),
            models.CheckConstraint(
                condition=~Q(type="renouvellement") | Q(date_fin__isnull=False),
                name="avenant_renouvellement_a_une_fin",
                violation_error_message=refus("Un avenant de renouvellement fixe la nouvelle fin de la convention."),
            ),
            models.CheckConstraint(
                condition=Q(taux__isnull=True) | Q(taux__gt=0, taux__lte=TAUX_MAX),
                name="avenant_taux_0_105",
                violation_error_message=MESSAGE_TAUX,
            ),
            models.CheckConstraint(
                condition=Q(duree_hebdo_prise_en_charge__isnull=True)
                | Q(duree_hebdo_prise_en_charge__gt=0, duree_hebdo_prise_en_charge__lte=HEURES_MAX),
                name="avenant_heures_prises_en_charge_0_35",
                violation_error_message=MESSAGE_HEURES_PRISES_EN_CHARGE,
            ),
        ]

    def __str__(self):
        return f"Avenant n° {self.numero} ({self.get_type_display()})"


class Suspension(models.Model):
    """A suspension of the work contract, from its start to its resumption (``date_fin`` empty while it runs).
    Without pay, the aid stops for its days (``regles.echeancier``)."""

    convention = models.ForeignKey(
        "conventions.Convention", verbose_name="convention", on_delete=models.CASCADE, related_name="suspensions"
    )
    date_debut = models.DateField("début de la suspension")
    date_fin = models.DateField("dernier jour de la suspension", null=True, blank=True)
    motif = models.CharField("motif", max_length=12, choices=MotifSuspension.choices)
    remuneration_maintenue = models.BooleanField(
        "rémunération maintenue par l'employeur",
        default=False,
        help_text="Si l'employeur maintient le salaire, l'aide continue d'être versée pendant la suspension.",
    )
    date_declaration = models.DateField("date de la déclaration")
    declaration_tardive = models.BooleanField(f"déclaration tardive (plus de {DELAI_DECLARATION_JOURS} jours)")
    date_declaration_reprise = models.DateField("date de la déclaration de la reprise", null=True, blank=True)
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "suspension"
        ordering = ["convention", "date_debut"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__isnull=True) | Q(date_fin__gte=F("date_debut")),
                name="suspension_fin_apres_debut",
                violation_error_message=refus("Une suspension finit le jour de son début ou après."),
            ),
            models.UniqueConstraint(
                fields=["convention"],
                condition=Q(date_fin__isnull=True),
                name="une_suspension_ouverte_par_convention",
                violation_error_message=refus(
                    "La convention est déjà suspendue : enregistrez la reprise avant une nouvelle suspension."
                ),
            ),
            models.CheckConstraint(
                condition=Q(motif__in=MotifSuspension.values),
                name="suspension_motif_connu",
                violation_error_message=refus(f"Le motif d'une suspension est {ou(MotifSuspension)}."),
            ),
        ]

    def __str__(self):
        fin = f" au {self.date_fin:%d/%m/%Y}" if self.date_fin else " (en cours)"
        return f"Suspension du {self.date_debut:%d/%m/%Y}{fin}"

    @property
    def sans_aide(self) -> bool:
        return not self.remuneration_maintenue


class SequenceNumero(models.Model):
    """The last number given for one (contract, département, year); locked with ``select_for_update``."""

    type_contrat = models.CharField("contrat", max_length=8, choices=TypeContrat.choices)
    departement = models.ForeignKey(Departement, on_delete=models.PROTECT, related_name="+")
    annee = models.PositiveSmallIntegerField("année")
    dernier = models.PositiveIntegerField("dernier numéro attribué", default=0)

    class Meta:
        verbose_name = "séquence de numérotation"
        verbose_name_plural = "séquences de numérotation"
        constraints = [
            models.UniqueConstraint(
                fields=["type_contrat", "departement", "annee"],
                name="sequence_unique",
                violation_error_message=refus(
                    "La numérotation de ce contrat a déjà sa séquence pour ce département et cette année."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.type_contrat}-{self.departement_id}-{self.annee} : {self.dernier}"
