"""Conventions annuelles d'objectifs et de moyens (CAOM) between the State and a conseil général.

Circular DGEFP 2009-42, Annexe 2: one CAOM per département and year fixes the number of CAE and CIE co-financed
for RSA beneficiaries, the conseil général's contribution (88 % of the RSA forfait), the weekly hours taken in
charge (20 to 35 h), the CAE whose rate the conseil général raises and those it funds entirely. It must be signed
before 31 December after a deliberation of the conseil général (commission permanente or assemblée).

The database refuses what cannot be: two CAOM for one département and year, hours outside 20–35, negative
volumes, more raised CAE than co-financed ones, a raised rate above 105 %, a signed CAOM without deliberation.
The order of the negotiation steps is checked in ``regles.py``.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cui_portal.contraintes import refus
from cui_portal.permissions import restreindre
from droit.nombres import (
    DATE_CUI,
    DUREE_MAX_MOIS,
    HEURES_MAX,
    HEURES_MIN,
    PLAFOND_CAE,
    PLAFOND_CAE_ACI,
    PLAFOND_CIE,
    SOURCE_CAOM,
    SOURCE_DUREE_MAX,
    SOURCE_PLAFOND_CAE,
    SOURCE_PLAFOND_CAE_ACI,
    SOURCE_PLAFOND_CIE,
    nombre,
)
from referentiels.models import Departement


class StatutCaom(models.TextChoices):
    NON_ENGAGEE = "non_engagee", "Négociation non engagée"
    EN_NEGOCIATION = "en_negociation", "En négociation"
    ACCORD_DE_PRINCIPE = "accord_de_principe", "Accord de principe"
    DELIBERATION = "deliberation", "Délibérée par le conseil général"
    SIGNEE = "signee", "Signée"
    ECHEC = "echec", "Échec de la négociation"


class InstanceDeliberation(models.TextChoices):
    COMMISSION_PERMANENTE = "commission_permanente", "Commission permanente"
    ASSEMBLEE = "assemblee", "Assemblée du conseil général"


def date_reference_par_defaut(annee: int) -> date:
    """A CAOM for year N is negotiated in the autumn of N-1 with the parameters then in force (Annexe 2)."""
    return date(annee - 1, 11, 5)


class CaomQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, departement="departement_id", region="departement__region_id")

    def non_signees(self):
        return self.exclude(statut=StatutCaom.SIGNEE)


MESSAGE_MAJORES = refus(
    "Les CAE à taux majoré font partie des CAE cofinancés : pas plus de CAE à taux majoré que de CAE cofinancés "
    f"({SOURCE_CAOM})."
)


def _entre(champ: str, minimum, maximum) -> Q:
    return Q(**{f"{champ}__gte": minimum, f"{champ}__lte": maximum})


class Caom(models.Model):
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="caoms"
    )
    annee = models.PositiveSmallIntegerField("année")
    statut = models.CharField(
        "état de la négociation", max_length=20, choices=StatutCaom.choices, default=StatutCaom.NON_ENGAGEE
    )
    date_reference = models.DateField(
        "date des paramètres (SMIC, RSA)",
        help_text="Le SMIC et le RSA en vigueur à cette date servent au calcul de l'enveloppe.",
    )

    # Volumes (Annexe 2)
    nb_cae_cofinances = models.PositiveIntegerField("CAE cofinancés pour des bénéficiaires du RSA", default=0)
    nb_cae_majores = models.PositiveIntegerField("dont CAE à taux majoré par le conseil général", default=0)
    taux_majore = models.DecimalField(
        "taux majoré par le conseil général (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    nb_cae_cg_seul = models.PositiveIntegerField("CAE financés en totalité par le conseil général", default=0)
    nb_cie_cofinances = models.PositiveIntegerField("CIE cofinancés pour des bénéficiaires du RSA", default=0)
    duree_hebdo_cae = models.DecimalField(
        "durée hebdomadaire prise en charge des CAE (heures)", max_digits=4, decimal_places=2, default=Decimal(26)
    )

    # Parameters of the State's contribution (JPE 2010)
    taux_etat_cae = models.DecimalField(
        "taux de l'arrêté régional pour les CAE (%)", max_digits=5, decimal_places=2, default=Decimal(90)
    )
    taux_etat_aci = models.DecimalField(
        "taux de l'arrêté régional en ACI (%)", max_digits=5, decimal_places=2, default=Decimal(105)
    )
    part_aci = models.DecimalField(
        "part des CAE cofinancés conclus en ACI (%)", max_digits=5, decimal_places=2, default=Decimal(0)
    )
    duree_moyenne_cae = models.DecimalField(
        "durée moyenne des CAE (mois)", max_digits=4, decimal_places=2, default=Decimal("8.25")
    )
    taux_cie = models.DecimalField(
        "taux de prise en charge des CIE (%)", max_digits=5, decimal_places=2, default=Decimal("30.7")
    )
    duree_hebdo_cie = models.DecimalField(
        "durée hebdomadaire prise en charge des CIE (heures)", max_digits=4, decimal_places=2, default=Decimal(33)
    )
    duree_moyenne_cie = models.DecimalField(
        "durée moyenne des CIE (mois)", max_digits=4, decimal_places=2, default=Decimal("9.4")
    )

    # Negotiation
    date_deliberation = models.DateField("date de la délibération du conseil général", null=True, blank=True)
    instance_deliberation = models.CharField(
        "instance ayant délibéré", max_length=30, choices=InstanceDeliberation.choices, blank=True
    )
    date_signature = models.DateField("date de signature", null=True, blank=True)
    observations = models.TextField("observations", blank=True)

    # The circular's exceptional mode (annexe 2): a CAOM not formalised by the end of the first quarter, under a
    # specific instruction, pending its signature; an explicit, dated decision of the region, never a default.
    mode_exceptionnel_le = models.DateField(
        "date de la décision de mise en œuvre exceptionnelle", null=True, blank=True
    )
    mode_exceptionnel_instruction = models.CharField("instruction spécifique appliquée", max_length=200, blank=True)
    mode_exceptionnel_motif = models.TextField("motif de la décision", blank=True)
    mode_exceptionnel_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décision enregistrée par",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cree_le = models.DateTimeField("créée le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifiée le", auto_now=True)

    objects = CaomQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "CAOM"
        verbose_name_plural = "CAOM"
        ordering = ["-annee", "departement__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["departement", "annee"],
                name="caom_une_par_departement_et_annee",
                violation_error_message=refus(
                    f"Ce département a déjà une CAOM pour cette année : une seule CAOM par département et par an "
                    f"({SOURCE_CAOM})."
                ),
            ),
            models.CheckConstraint(
                condition=_entre("annee", 2010, 2100),
                name="caom_annee_du_cui",
                violation_error_message=refus(
                    f"L'année d'une CAOM va de {DATE_CUI.year} (entrée en vigueur du contrat unique d'insertion) "
                    "à 2100."
                ),
            ),
            models.CheckConstraint(
                condition=Q(nb_cae_cofinances__gte=0)
                & Q(nb_cae_majores__gte=0)
                & Q(nb_cae_cg_seul__gte=0)
                & Q(nb_cie_cofinances__gte=0),
                name="caom_volumes_positifs",
                violation_error_message=refus("Les nombres de CAE et de CIE d'une CAOM sont positifs ou nuls."),
            ),
            models.CheckConstraint(
                condition=Q(nb_cae_majores__lte=F("nb_cae_cofinances")),
                name="caom_majores_parmi_cofinances",
                violation_error_message=MESSAGE_MAJORES,
            ),
            models.CheckConstraint(
                condition=Q(taux_majore__isnull=True)
                | (Q(taux_majore__gt=F("taux_etat_cae")) & Q(taux_majore__lte=PLAFOND_CAE_ACI)),
                name="caom_taux_majore_borne",
                violation_error_message=refus(
                    "Le taux majoré par le conseil général dépasse le taux de l'arrêté régional pour les CAE, "
                    f"sans aller au-delà de {nombre(PLAFOND_CAE_ACI)} % du SMIC brut ({SOURCE_CAOM} ; "
                    f"{SOURCE_PLAFOND_CAE_ACI})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(nb_cae_majores=0) | Q(taux_majore__isnull=False),
                name="caom_majores_ont_un_taux",
                violation_error_message=refus(
                    "Des CAE à taux majoré appellent le taux majoré par le conseil général : indiquez-le."
                ),
            ),
            models.CheckConstraint(
                condition=_entre("duree_hebdo_cae", HEURES_MIN, HEURES_MAX),
                name="caom_heures_cae_20_35",
                violation_error_message=refus(
                    f"La durée hebdomadaire prise en charge des CAE va de {nombre(HEURES_MIN)} à "
                    f"{nombre(HEURES_MAX)} heures ({SOURCE_CAOM})."
                ),
            ),
            models.CheckConstraint(
                condition=_entre("duree_hebdo_cie", HEURES_MIN, HEURES_MAX),
                name="caom_heures_cie_20_35",
                violation_error_message=refus(
                    f"La durée hebdomadaire prise en charge des CIE va de {nombre(HEURES_MIN)} à "
                    f"{nombre(HEURES_MAX)} heures ({SOURCE_CAOM})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(taux_etat_cae__gt=0) & Q(taux_etat_cae__lte=PLAFOND_CAE),
                name="caom_taux_cae_plafonne",
                violation_error_message=refus(
                    "Le taux de l'arrêté régional pour les CAE est positif et d'au plus "
                    f"{nombre(PLAFOND_CAE)} % du SMIC brut ({SOURCE_PLAFOND_CAE})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(taux_etat_aci__gt=0) & Q(taux_etat_aci__lte=PLAFOND_CAE_ACI),
                name="caom_taux_aci_plafonne",
                violation_error_message=refus(
                    "Le taux de l'arrêté régional en atelier et chantier d'insertion est positif et d'au plus "
                    f"{nombre(PLAFOND_CAE_ACI)} % du SMIC brut ({SOURCE_PLAFOND_CAE_ACI})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(taux_cie__gt=0) & Q(taux_cie__lte=PLAFOND_CIE),
                name="caom_taux_cie_plafonne",
                violation_error_message=refus(
                    f"Le taux de prise en charge des CIE est positif et d'au plus {nombre(PLAFOND_CIE)} % du "
                    f"SMIC brut ({SOURCE_PLAFOND_CIE})."
                ),
            ),
            models.CheckConstraint(
                condition=_entre("part_aci", 0, 100),
                name="caom_part_aci_pourcentage",
                violation_error_message=refus("La part des CAE cofinancés conclus en ACI va de 0 à 100 %."),
            ),
            models.CheckConstraint(
                condition=_entre("duree_moyenne_cae", 1, DUREE_MAX_MOIS)
                & _entre("duree_moyenne_cie", 1, DUREE_MAX_MOIS),
                name="caom_durees_moyennes_1_24_mois",
                violation_error_message=refus(
                    f"La durée moyenne des CAE et des CIE va de 1 à {DUREE_MAX_MOIS} mois ({SOURCE_DUREE_MAX})."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut__in=[StatutCaom.DELIBERATION, StatutCaom.SIGNEE])
                | (Q(date_deliberation__isnull=False) & ~Q(instance_deliberation="")),
                name="caom_deliberation_datee",
                violation_error_message=refus(
                    "Une CAOM délibérée ou signée porte la date de la délibération du conseil général et "
                    f"l'instance qui l'a prise ({SOURCE_CAOM})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mode_exceptionnel_le__isnull=True) | ~Q(mode_exceptionnel_instruction=""),
                name="caom_mode_exceptionnel_sur_instruction",
                violation_error_message=refus(
                    "La mise en œuvre exceptionnelle des CUI cofinancés, dans l'attente de la signature de la CAOM, "
                    f"applique une instruction spécifique : indiquez sa référence ({SOURCE_CAOM})."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut=StatutCaom.SIGNEE) | Q(date_signature__isnull=False),
                name="caom_signature_datee",
                violation_error_message=refus("Une CAOM signée porte sa date de signature."),
            ),
        ]

    def __str__(self):
        return f"CAOM {self.annee} – {self.departement}"

    def save(self, *args, **kwargs):
        if self.date_reference is None and self.annee:
            self.date_reference = date_reference_par_defaut(self.annee)
        super().save(*args, **kwargs)

    @property
    def signee(self) -> bool:
        return self.statut == StatutCaom.SIGNEE

    def pour_le_cofinancement(self):
        """Its plain values for ``regles.regime_au`` (the check of a co-financed convention)."""
        from .regles import CaomDuCofinancement

        return CaomDuCofinancement(
            libelle=str(self),
            departement_id=self.departement_id,
            annee=self.annee,
            date_signature=self.date_signature if self.signee else None,
            mode_exceptionnel_le=self.mode_exceptionnel_le,
            instruction=self.mode_exceptionnel_instruction,
        )

    @property
    def modifiable(self) -> bool:
        """Volumes and parameters change freely until signature; afterwards through an avenant."""
        return self.statut not in (StatutCaom.SIGNEE, StatutCaom.ECHEC)


class EtapeCaom(models.Model):
    """One step of the negotiation: the status reached, its date, who recorded it."""

    caom = models.ForeignKey(Caom, verbose_name="CAOM", on_delete=models.CASCADE, related_name="etapes")
    statut_precedent = models.CharField("état précédent", max_length=20, choices=StatutCaom.choices)
    statut = models.CharField("nouvel état", max_length=20, choices=StatutCaom.choices)
    date_etape = models.DateField("date de l'étape")
    instance_deliberation = models.CharField(
        "instance ayant délibéré", max_length=30, choices=InstanceDeliberation.choices, blank=True
    )
    commentaire = models.TextField("commentaire", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT, null=True, blank=True
    )
    enregistree_le = models.DateTimeField("enregistrée le", auto_now_add=True)

    class Meta:
        verbose_name = "étape de négociation"
        verbose_name_plural = "étapes de négociation"
        ordering = ["caom", "date_etape", "enregistree_le", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(statut=F("statut_precedent")),
                name="caom_etape_change_d_etat",
                violation_error_message=refus(
                    "Une étape de la négociation change l'état de la CAOM : le nouvel état diffère du précédent."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_statut_display()} le {self.date_etape:%d/%m/%Y}"


class AvenantCaom(models.Model):
    """An amendment to a signed CAOM changing its volumes; the values before are kept for the record."""

    caom = models.ForeignKey(Caom, verbose_name="CAOM", on_delete=models.CASCADE, related_name="avenants")
    numero = models.PositiveSmallIntegerField("numéro")
    date_avenant = models.DateField("date de l'avenant")
    objet = models.TextField("objet")
    nb_cae_cofinances = models.PositiveIntegerField("CAE cofinancés")
    nb_cae_majores = models.PositiveIntegerField("dont CAE à taux majoré")
    nb_cae_cg_seul = models.PositiveIntegerField("CAE financés en totalité par le conseil général")
    nb_cie_cofinances = models.PositiveIntegerField("CIE cofinancés")
    avant = models.JSONField("volumes avant l'avenant", default=dict)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.PROTECT, null=True, blank=True
    )
    enregistre_le = models.DateTimeField("enregistré le", auto_now_add=True)

    class Meta:
        verbose_name = "avenant à une CAOM"
        verbose_name_plural = "avenants aux CAOM"
        ordering = ["caom", "numero"]
        constraints = [
            models.UniqueConstraint(
                fields=["caom", "numero"],
                name="caom_avenant_numero_unique",
                violation_error_message=refus("Cette CAOM a déjà un avenant portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(nb_cae_majores__lte=F("nb_cae_cofinances")),
                name="caom_avenant_majores_parmi_cofinances",
                violation_error_message=MESSAGE_MAJORES,
            ),
        ]

    def __str__(self):
        return f"Avenant n° {self.numero} à la {self.caom}"


from .models_avis import AvisCaom, NatureAvis  # noqa: E402, F401  (the conseil général's comments and approval)
