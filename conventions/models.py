"""Conventions individuelles CAE/CIE of the contrat unique d'insertion, their avenants and immersion periods.

The database refuses what the law forbids wherever one row can say it (hours, dates, rates, the split of the
aid, a CDD's end). What needs the history or other rows (total length across renewals, the 25 % of immersion,
the age condition) is in the ``regles`` package, applied by the services.
A draft (``brouillon``) may be incomplete; any other status has its number, dates, rate and aid. The employer and
the employee are in ``models_parties``, avenants, immersion periods and numbering in ``models_evenements``; this
module imports them so that the app registers every model.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Abs
from django.db.models.lookups import LessThan
from simple_history.models import HistoricalRecords

from cui_portal import horloge
from cui_portal.contraintes import ou, refus
from droit.nombres import (
    DELAI_DECLARATION_JOURS,
    HEURES_MAX,
    HEURES_MIN,
    SOURCE_DECLARATION,
    SOURCE_HEURES,
    SOURCE_PLAFOND_CAE_ACI,
    TAUX_MAX,
    nombre,
)
from droit.vocabulaire import Financement, StatutConvention, TypeContrat
from referentiels.models import Departement, Organisation, PublicPrioritaire, Region

from .champs import MESSAGE_HEURES_PRISES_EN_CHARGE, MESSAGE_TAUX, champ_heures, champ_montant, champ_taux
from .models_cerfa import CONTRAINTES_CERFA, RubriquesCerfa
from .models_echeancier import MoisAide, TotalMensuel  # noqa: F401  (registered with the app here)
from .models_evenements import (  # noqa: F401  (registered with the app here)
    Avenant,
    MotifRupture,
    MotifSuspension,
    PeriodeImmersion,
    SequenceNumero,
    Suspension,
)
from .models_parties import Employeur, Salarie
from .models_recalcul import (  # noqa: F401  (registered with the app here)
    BlocRecalcul,
    EngagementCalcule,
    MoisAideCalcule,
    RecalculEcheanciers,
)
from .querysets import ConventionQuerySet
from .regles.statuts import statut_a_la_date


class Nature(models.TextChoices):
    INITIALE = "initiale", "Convention initiale"
    RENOUVELLEMENT = "renouvellement", "Renouvellement"
    TRANSITION_PCS = (
        "transition_pcs",
        "Nouvelle convention initiale CUI après une convention du plan de cohésion sociale",
    )


class TypeContratTravail(models.TextChoices):
    CDD = "CDD", "Contrat à durée déterminée"
    CDI = "CDI", "Contrat à durée indéterminée"


class Convention(RubriquesCerfa):
    numero = models.CharField("numéro", max_length=30, null=True, blank=True, editable=False)
    type_contrat = models.CharField("contrat", max_length=8, choices=TypeContrat.choices)
    nature = models.CharField("nature", max_length=16, choices=Nature.choices, default=Nature.INITIALE)
    convention_precedente = models.ForeignKey(
        "self",
        verbose_name="convention précédente",
        on_delete=models.PROTECT,
        related_name="suites",
        null=True,
        blank=True,
    )
    mois_deja_effectues = models.PositiveSmallIntegerField(
        "mois déjà effectués (convention du plan de cohésion sociale)",
        default=0,
        help_text="Pour une nouvelle convention CUI prolongeant un contrat du plan de cohésion sociale.",
    )
    statut = models.CharField(
        "statut", max_length=10, choices=StatutConvention.choices, default=StatutConvention.BROUILLON
    )

    # Parties
    prescripteur = models.ForeignKey(
        Organisation, verbose_name="prescripteur", on_delete=models.PROTECT, related_name="conventions_prescrites"
    )
    referent_nom = models.CharField(
        "référent", max_length=160, blank=True, help_text="Par défaut : le prescripteur (R. 5134-37, R. 5134-60)."
    )
    # The tutor (R. 5134-38 for the CAE, R. 5134-61 for the CIE; ``regles.tuteur``): never filled silently.
    tuteur_nom = models.CharField(
        "tuteur", max_length=160, blank=True, help_text="Un salarié qualifié et volontaire désigné par l'employeur."
    )
    tuteur_fonction = models.CharField("fonction du tuteur", max_length=120, blank=True)
    tuteur_volontaire = models.BooleanField("le tuteur est un salarié qualifié et volontaire", default=False)
    tuteur_experience_mois = models.PositiveSmallIntegerField(
        "expérience professionnelle du tuteur (mois)", null=True, blank=True
    )
    tuteur_est_employeur = models.BooleanField(
        "l'employeur assure lui-même le tutorat (à titre exceptionnel, autorisé par le prescripteur)", default=False
    )
    motif_chevauchement = models.TextField(
        "raison d'une seconde convention en même temps",
        blank=True,
        help_text="Quand la personne a déjà une convention en cours pendant cette période.",
    )
    # The convention's own records of its parties (its snapshot), on their shared identities (``models_parties``).
    employeur = models.OneToOneField(
        Employeur, verbose_name="employeur", on_delete=models.PROTECT, related_name="convention"
    )
    salarie = models.OneToOneField(Salarie, verbose_name="salarié", on_delete=models.PROTECT, related_name="convention")
    # Denormalised from the employer, for scoping and regional aggregates.
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="conventions"
    )
    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="conventions")

    # Work contract
    type_contrat_travail = models.CharField(
        "contrat de travail", max_length=3, choices=TypeContratTravail.choices, default=TypeContratTravail.CDD
    )
    date_conclusion = models.DateField("date de conclusion", null=True, blank=True)
    date_embauche = models.DateField("date d'embauche", null=True, blank=True)
    date_fin_contrat_travail = models.DateField(
        "fin du contrat de travail", null=True, blank=True, help_text="Sans objet pour un CDI."
    )
    date_debut = models.DateField("début de la convention (début de l'aide)", null=True, blank=True)
    date_fin = models.DateField("fin de la convention (fin de l'aide)", null=True, blank=True)
    duree_hebdo_travail = champ_heures("durée hebdomadaire de travail (h)")
    duree_hebdo_prise_en_charge = champ_heures("durée hebdomadaire prise en charge (h)")
    difficultes_particulieres = models.BooleanField(
        f"difficultés particulières (CAE de moins de {nombre(HEURES_MIN)} h)",
        default=False,
        help_text=f"Permet à un CAE une durée hebdomadaire inférieure à {nombre(HEURES_MIN)} heures (L. 5134-26).",
    )

    # Aid
    public = models.ForeignKey(
        PublicPrioritaire,
        verbose_name="public prioritaire",
        on_delete=models.PROTECT,
        related_name="conventions",
        null=True,
        blank=True,
    )
    aci = models.BooleanField("atelier et chantier d'insertion", default=False)
    taux = champ_taux("taux de prise en charge (%)")
    taux_arrete = champ_taux("taux de l'arrêté régional (%)")
    arrete = models.ForeignKey(
        "arretes.Arrete",
        verbose_name="arrêté régional appliqué",
        on_delete=models.PROTECT,
        related_name="conventions",
        null=True,
        blank=True,
    )
    financement = models.CharField("financement", max_length=8, choices=Financement.choices, default=Financement.ETAT)
    caom = models.ForeignKey(
        "caom.Caom",
        verbose_name="CAOM",
        on_delete=models.PROTECT,
        related_name="conventions",
        null=True,
        blank=True,
        help_text="La convention annuelle d'objectifs et de moyens sous laquelle le conseil général cofinance.",
    )
    smic_horaire = champ_montant("SMIC horaire brut retenu (€)")
    contribution_cg_max = champ_montant("contribution maximale du conseil général (€)")
    aide_mensuelle = champ_montant("aide mensuelle (€)")
    part_etat = champ_montant("part de l'État (€)")
    part_conseil_general = champ_montant("part du conseil général (€)")
    # Planned length and the amounts it commits (monthly share × length), kept for the CAOM consumption.
    duree_mois = models.DecimalField("durée prévue (mois)", max_digits=5, decimal_places=2, null=True, blank=True)
    engagement_etat = champ_montant("engagement de l'État sur la durée (€)")
    engagement_conseil_general = champ_montant("engagement du conseil général sur la durée (€)")

    # Support
    immersion = models.BooleanField("immersion (rubrique du Cerfa)", default=False)
    actions_accompagnement = models.TextField("actions d'accompagnement", blank=True)
    actions_formation = models.TextField("actions de formation", blank=True)
    bilan_employeur_fourni = models.BooleanField("bilan préalable de l'employeur fourni", default=False)
    formation_en_cours = models.BooleanField("formation en cours à achever", default=False)
    date_fin_formation = models.DateField("fin de la formation en cours", null=True, blank=True)

    # Events
    date_suspension = models.DateField("date de suspension", null=True, blank=True)
    motif_suspension = models.CharField(
        "motif de suspension", max_length=12, choices=MotifSuspension.choices, blank=True
    )
    date_rupture = models.DateField("date de rupture", null=True, blank=True)
    motif_rupture = models.CharField("motif de rupture", max_length=16, choices=MotifRupture.choices, blank=True)
    date_declaration_evenement = models.DateField("date de déclaration de l'événement", null=True, blank=True)
    declaration_tardive = models.BooleanField(
        f"déclaration tardive (plus de {DELAI_DECLARATION_JOURS} jours)", default=False
    )

    # Annulment of a convention concluded by mistake (``services.annulation``): its reason stays in the history.
    date_annulation = models.DateField("date d'annulation", null=True, blank=True)
    motif_annulation = models.TextField("motif de l'annulation", blank=True)

    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)
    # The search box's text (``texte_de_recherche``): written by the database from the parties' rows, never typed,
    # never in the history (it holds the employee's names, which the anonymisation erases).
    recherche = models.TextField("texte de recherche", blank=True, default="", db_default="", editable=False)

    history = HistoricalRecords(excluded_fields=["recherche"])
    objects = ConventionQuerySet.as_manager()

    class Meta:
        verbose_name = "convention individuelle"
        verbose_name_plural = "conventions individuelles"
        ordering = ["-date_conclusion", "-pk"]
        indexes = [
            # The lists sort by (-date_conclusion, -id): one index per scope, so a deep page is an index walk.
            models.Index(fields=["prescripteur", "-date_conclusion", "-id"], name="convention_prescr_recentes"),
            models.Index(fields=["region", "-date_conclusion", "-id"], name="convention_region_recentes"),
            models.Index(fields=["-date_conclusion", "-id"], name="convention_recentes"),
            models.Index(fields=["region", "date_conclusion"], name="convention_region_date"),
            models.Index(fields=["departement", "date_conclusion"], name="convention_dep_date"),
            models.Index(fields=["statut"], name="convention_statut"),
            # The entries of a year by region (``paiements.budgets.entrees_par_region``) read this index alone
            # (PostgreSQL; SQLite has no covering index): a year is a fifth of the conventions.
            models.Index(
                fields=["date_debut"],
                include=["region", "type_contrat", "nature", "statut", "date_rupture"],
                name="convention_entrees",
            ),
        ]
        constraints = [
            *CONTRAINTES_CERFA,
            models.UniqueConstraint(
                fields=["numero"],
                name="convention_numero_unique",
                violation_error_message=refus("Ce numéro de convention est déjà attribué."),
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=Q(type_contrat__in=TypeContrat.values),
                name="convention_type_connu",
                violation_error_message=refus(f"Le contrat est {ou(TypeContrat)}."),
            ),
            models.CheckConstraint(
                condition=Q(nature__in=Nature.values),
                name="convention_nature_connue",
                violation_error_message=refus(f"La nature de la convention est {ou(Nature)}."),
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutConvention.values),
                name="convention_statut_connu",
                violation_error_message=refus(f"Le statut de la convention est {ou(StatutConvention)}."),
            ),
            models.CheckConstraint(
                condition=Q(financement__in=Financement.values),
                name="convention_financement_connu",
                violation_error_message=refus(f"Le financement de l'aide est {ou(Financement)}."),
            ),
            models.CheckConstraint(
                condition=Q(nature="initiale")
                | Q(convention_precedente__isnull=False)
                | Q(nature="transition_pcs", mois_deja_effectues__gt=0),
                name="convention_suite_a_une_precedente",
                violation_error_message=refus(
                    "Un renouvellement prolonge une convention précédente : indiquez-la (après une convention du plan "
                    "de cohésion sociale, indiquez les mois déjà effectués)."
                ),
            ),
            # A draft may be incomplete; a concluded convention has its number, dates, hours, rate and aid.
            models.CheckConstraint(
                condition=Q(statut="brouillon")
                | Q(
                    numero__isnull=False,
                    date_conclusion__isnull=False,
                    date_embauche__isnull=False,
                    date_debut__isnull=False,
                    date_fin__isnull=False,
                    duree_hebdo_travail__isnull=False,
                    duree_hebdo_prise_en_charge__isnull=False,
                    taux__isnull=False,
                    aide_mensuelle__isnull=False,
                ),
                name="convention_conclue_complete",
                violation_error_message=refus(
                    "Une convention conclue a son numéro, ses dates (conclusion, embauche, début, fin), ses durées "
                    "hebdomadaires, son taux et son aide mensuelle."
                ),
            ),
            models.CheckConstraint(
                condition=Q(date_debut__isnull=True) | Q(date_fin__isnull=True) | Q(date_fin__gt=F("date_debut")),
                name="convention_fin_apres_debut",
                violation_error_message=refus("La fin de la convention suit son début."),
            ),
            # Weekly hours: 20 to 35 h; under 20 h only for a CAE (or old CAE / CAV) with particular difficulties.
            models.CheckConstraint(
                condition=Q(duree_hebdo_travail__isnull=True)
                | Q(duree_hebdo_travail__gt=0, duree_hebdo_travail__lte=HEURES_MAX)
                & (
                    Q(duree_hebdo_travail__gte=HEURES_MIN)
                    | Q(difficultes_particulieres=True, type_contrat__in=["CAE", "CAE_PCS", "CAV"])
                ),
                name="convention_duree_hebdo_travail",
                violation_error_message=refus(
                    f"La durée hebdomadaire de travail va de {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} heures ; "
                    f"moins de {nombre(HEURES_MIN)} heures seulement pour un CAE dont le salarié rencontre des "
                    f"difficultés particulières (L. 5134-26 du code du travail ; {SOURCE_HEURES})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(duree_hebdo_prise_en_charge__isnull=True)
                | Q(duree_hebdo_prise_en_charge__gt=0, duree_hebdo_prise_en_charge__lte=HEURES_MAX),
                name="convention_heures_prises_en_charge_0_35",
                violation_error_message=MESSAGE_HEURES_PRISES_EN_CHARGE,
            ),
            models.CheckConstraint(
                condition=Q(duree_hebdo_prise_en_charge__isnull=True)
                | Q(duree_hebdo_travail__isnull=True)
                | Q(duree_hebdo_prise_en_charge__lte=F("duree_hebdo_travail")),
                name="convention_heures_prises_en_charge_travaillees",
                violation_error_message=refus(
                    "La durée hebdomadaire prise en charge ne dépasse pas la durée hebdomadaire de travail."
                ),
            ),
            models.CheckConstraint(
                condition=Q(taux__isnull=True) | Q(taux__gt=0, taux__lte=TAUX_MAX),
                name="convention_taux_0_105",
                violation_error_message=MESSAGE_TAUX,
            ),
            models.CheckConstraint(
                condition=Q(taux_arrete__isnull=True) | Q(taux_arrete__gt=0, taux_arrete__lte=TAUX_MAX),
                name="convention_taux_arrete_0_105",
                violation_error_message=refus(
                    f"Le taux de l'arrêté régional est positif et d'au plus {nombre(TAUX_MAX)} % du SMIC brut, le "
                    f"plus haut des plafonds (CAE en atelier et chantier d'insertion, {SOURCE_PLAFOND_CAE_ACI})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(aide_mensuelle__isnull=True)
                | Q(aide_mensuelle__gte=0, part_etat__gte=0, part_conseil_general__gte=0),
                name="convention_aide_positive",
                violation_error_message=refus(
                    "L'aide mensuelle et ses parts (État, conseil général) sont positives ou nulles."
                ),
            ),
            # aide = État + conseil général (to the half-cent: SQLite keeps decimals as floating numbers).
            models.CheckConstraint(
                condition=Q(aide_mensuelle__isnull=True)
                | Q(
                    LessThan(
                        Abs(F("aide_mensuelle") - F("part_etat") - F("part_conseil_general")),
                        0.005,
                    )
                ),
                name="convention_aide_etat_plus_cg",
                violation_error_message=refus(
                    "L'aide mensuelle est la somme de la part de l'État et de celle du conseil général."
                ),
            ),
            models.CheckConstraint(
                condition=Q(type_contrat_travail="CDI", date_fin_contrat_travail__isnull=True)
                | Q(type_contrat_travail="CDD") & (Q(statut="brouillon") | Q(date_fin_contrat_travail__isnull=False)),
                name="convention_cdd_a_une_fin",
                violation_error_message=refus(
                    "Un contrat de travail à durée déterminée a une date de fin ; un CDI n'en a pas."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut="rompue") | Q(date_rupture__isnull=False, motif_rupture__gt=""),
                name="convention_rompue_a_date_et_motif",
                violation_error_message=refus(
                    f"Une convention rompue a la date et le motif de la rupture, déclarés dans les "
                    f"{DELAI_DECLARATION_JOURS} jours ({SOURCE_DECLARATION})."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut="suspendue") | Q(date_suspension__isnull=False),
                name="convention_suspendue_a_une_date",
                violation_error_message=refus(
                    f"Une convention suspendue a la date de la suspension, déclarée dans les "
                    f"{DELAI_DECLARATION_JOURS} jours ({SOURCE_DECLARATION})."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut="annulee") | Q(date_annulation__isnull=False, motif_annulation__gt=""),
                name="convention_annulee_a_date_et_motif",
                violation_error_message=refus(
                    "Une convention annulée a la date et le motif de son annulation (ils restent dans l'historique)."
                ),
            ),
        ]

    def __str__(self):
        return f"Convention {self.numero or '(brouillon)'} – {self.get_type_contrat_display()}"

    @property
    def statut_actuel(self) -> str:
        """The status on the clock's day (``statut_du_jour`` when the queryset computed it), never a stale one."""
        calcule = getattr(self, "statut_du_jour", None)
        if calcule is not None:
            return calcule
        return statut_a_la_date(self.statut, self.date_debut, self.date_fin, horloge.aujourdhui())

    def get_statut_actuel_display(self) -> str:
        return StatutConvention(self.statut_actuel).label

    @property
    def est_cui(self) -> bool:
        return self.type_contrat in (TypeContrat.CAE, TypeContrat.CIE)

    @property
    def aide_a_rembourser(self) -> bool:
        return self.motif_rupture == MotifRupture.HORS_CAS_LEGAUX

    @property
    def referent(self) -> str:
        return self.referent_nom or (str(self.prescripteur) if self.prescripteur_id else "")

    @property
    def tuteur(self) -> str:
        """The tutor named; the employer only when the form says so (``tuteur_est_employeur``)."""
        if self.tuteur_nom or not self.tuteur_est_employeur:
            return self.tuteur_nom
        return self.employeur.raison_sociale if self.employeur_id else ""

    @property
    def cofinancee_en_mode_exceptionnel(self) -> bool:
        """Concluded under the circular's exceptional mode its CAOM records (not yet signed on that day)."""
        from caom.regles import EXCEPTIONNEL, regime_au

        if self.financement == Financement.ETAT or self.caom_id is None or self.date_conclusion is None:
            return False
        return regime_au(self.caom.pour_le_cofinancement(), self.date_conclusion) == EXCEPTIONNEL
