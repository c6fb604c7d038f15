"""The parties to a convention individuelle, as that convention holds them: one ``Employeur`` and one ``Salarie``
record per convention (``Convention.employeur`` and ``Convention.salarie`` are one-to-one).

Each record is what the convention's organisation typed, kept for that convention only: a draft's records change
at each step of the entry; from the conclusion they are the convention's snapshot (avenants and events never
change them), which its page, its Cerfa and its attestation show. The shared identity behind them (the NIR of a
person, the SIRET and public identity of an establishment) is in ``models_identites``: another organisation's
entry never reads these records nor overwrites them. The NIR is on the identity only (never in the history).
"""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords
from stdnum.fr import siret as stdnum_siret

from cui_portal.contraintes import ou, refus
from droit.vocabulaire import StatutJuridique
from referentiels.models import Departement

from .models_identites import Etablissement, IdentiteSalarie
from .regles.base import secteur_de
from .validation import compacter_nir, masquer_nir, valider_nir, valider_siret  # noqa: F401  (imported from here)


class AssuranceChomage(models.TextChoices):
    """How the employer insures its employees against unemployment (Cerfa n° 13998*01)."""

    UNEDIC = "unedic", "Adhésion au régime d'assurance chômage (Unédic)"
    AUTO_ASSURANCE = "auto_assurance", "Auto-assurance (employeur public)"
    CONVENTION_GESTION = "convention_gestion", "Convention de gestion avec Pôle emploi (employeur public)"


class EmployeurQuerySet(models.QuerySet):
    def par_siret(self, siret: str):
        return self.filter(siret=stdnum_siret.compact(siret or ""))


class Employeur(models.Model):
    """The employer as one convention holds it (its organisation's entry), on the shared establishment."""

    etablissement = models.ForeignKey(
        Etablissement, verbose_name="établissement", on_delete=models.PROTECT, related_name="fiches"
    )
    siret = models.CharField("SIRET", max_length=14, validators=[valider_siret])
    raison_sociale = models.CharField("raison sociale", max_length=200)
    code_naf = models.CharField("code NAF", max_length=6, blank=True)
    statut_juridique = models.CharField("statut juridique", max_length=30, choices=StatutJuridique.choices)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=120, blank=True)
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="employeurs_cui"
    )
    effectif = models.PositiveIntegerField("effectif", null=True, blank=True)
    contact_nom = models.CharField("nom du contact", max_length=120, blank=True)
    contact_email = models.EmailField("adresse électronique du contact", blank=True)
    contact_telephone = models.CharField("téléphone du contact", max_length=20, blank=True)
    numero_urssaf_msa = models.CharField("n° d'affiliation à l'URSSAF ou à la MSA", max_length=20, blank=True)
    assurance_chomage = models.CharField(
        "assurance chômage", max_length=20, choices=AssuranceChomage.choices, blank=True
    )
    numero_annexe_financiere = models.CharField(
        "n° de l'annexe financière (atelier et chantier d'insertion)", max_length=30, blank=True
    )
    # Derived from the establishment's earlier conventions (same SIRET, any organisation, concluded): written by the
    # services at each write of a draft, then kept as signed (``services.historique.a_eu_contrats_aides``).
    a_eu_contrats_aides = models.BooleanField(
        "a déjà employé des salariés en contrat aidé",
        default=False,
        help_text="D'après ses conventions antérieures : une nouvelle convention suppose alors un bilan préalable de "
        "l'employeur (circulaire 2009-42).",
    )
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    history = HistoricalRecords(excluded_fields=["modifie_le"])
    objects = EmployeurQuerySet.as_manager()

    class Meta:
        verbose_name = "employeur"
        ordering = ["raison_sociale"]
        constraints = [
            models.CheckConstraint(
                condition=Q(statut_juridique__in=StatutJuridique.values),
                name="employeur_statut_connu",
                violation_error_message=refus("Statut juridique inconnu : choisissez celui de l'employeur."),
            ),
            models.CheckConstraint(
                condition=Q(assurance_chomage="") | Q(assurance_chomage__in=AssuranceChomage.values),
                name="employeur_assurance_chomage_connue",
                violation_error_message=refus(f"L'assurance chômage de l'employeur est {ou(AssuranceChomage)}."),
            ),
            models.CheckConstraint(
                condition=Q(numero_annexe_financiere="") | Q(statut_juridique=StatutJuridique.ACI),
                name="employeur_annexe_financiere_aci",
                violation_error_message=refus(
                    "Seul un atelier et chantier d'insertion a une annexe financière (conventionnement IAE)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.raison_sociale} ({self.siret})"

    def save(self, *args, **kwargs):
        self.siret = self.etablissement.siret if self.etablissement_id else stdnum_siret.compact(self.siret or "")
        super().save(*args, **kwargs)

    @property
    def secteur(self) -> str:
        return secteur_de(self.statut_juridique)

    @property
    def est_aci(self) -> bool:
        return self.statut_juridique == StatutJuridique.ACI


class Civilite(models.TextChoices):
    MADAME = "mme", "Madame"
    MONSIEUR = "m", "Monsieur"


class NiveauFormation(models.TextChoices):
    """The levels of the 2009 Cerfa (nomenclature de 1969)."""

    NIVEAU_I_II = "I_II", "Niveaux I et II (bac + 3 et plus)"
    NIVEAU_III = "III", "Niveau III (bac + 2)"
    NIVEAU_IV = "IV", "Niveau IV (baccalauréat)"
    NIVEAU_V = "V", "Niveau V (CAP, BEP)"
    NIVEAU_V_BIS = "V_bis", "Niveau V bis (sortie avant l'année terminale de CAP ou BEP)"
    NIVEAU_VI = "VI", "Niveau VI (sans qualification)"


class SalarieQuerySet(models.QuerySet):
    def par_nir(self, nir: str):
        nir = compacter_nir(nir)
        return self.filter(identite__nir=nir) if nir else self.none()


class Salarie(models.Model):
    """The employee as one convention holds them (its organisation's entry), on the person's shared identity."""

    identite = models.ForeignKey(
        IdentiteSalarie,
        verbose_name="identité (NIR)",
        on_delete=models.PROTECT,
        related_name="fiches",
        null=True,
        blank=True,
        help_text="Vide une fois le salarié anonymisé.",
    )
    civilite = models.CharField("civilité", max_length=3, choices=Civilite.choices)
    nom = models.CharField("nom", max_length=120)
    nom_usage = models.CharField("nom d'usage", max_length=120, blank=True)
    prenom = models.CharField("prénom", max_length=120)
    date_naissance = models.DateField("date de naissance")
    niveau_formation = models.CharField("niveau de formation", max_length=6, choices=NiveauFormation.choices)
    inscrit_pole_emploi = models.BooleanField("inscrit à Pôle emploi", default=False)
    inscrit_depuis = models.DateField("inscrit depuis le", null=True, blank=True)
    identifiant_pole_emploi = models.CharField("identifiant Pôle emploi", max_length=11, blank=True)
    beneficiaire_rsa = models.BooleanField("bénéficiaire du RSA", default=False)
    numero_allocataire = models.CharField("numéro d'allocataire", max_length=20, blank=True)
    beneficiaire_ass = models.BooleanField("bénéficiaire de l'ASS", default=False)
    beneficiaire_aah = models.BooleanField("bénéficiaire de l'AAH", default=False)
    beneficiaire_ata = models.BooleanField("bénéficiaire de l'ATA", default=False)
    rqth = models.BooleanField("reconnu travailleur handicapé (RQTH)", default=False)
    amenagement_de_peine = models.BooleanField("sous main de justice (aménagement de peine)", default=False)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=120, blank=True)
    departement = models.ForeignKey(
        Departement,
        verbose_name="département de résidence",
        on_delete=models.PROTECT,
        related_name="salaries_cui",
        null=True,
        blank=True,
    )
    anonymise_le = models.DateField("anonymisé le", null=True, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    # The NIR is on the identity, never in the history (it would outlive the anonymisation).
    history = HistoricalRecords(excluded_fields=["modifie_le"])
    objects = SalarieQuerySet.as_manager()

    class Meta:
        verbose_name = "salarié"
        ordering = ["nom", "prenom"]
        indexes = [models.Index(fields=["nom", "prenom"], name="salarie_nom_prenom")]
        constraints = [
            models.CheckConstraint(
                condition=Q(inscrit_depuis__isnull=True) | Q(inscrit_pole_emploi=True),
                name="salarie_inscrit_depuis_si_inscrit",
                violation_error_message=refus(
                    "La date d'inscription à Pôle emploi ne se renseigne que pour un salarié inscrit."
                ),
            ),
            models.CheckConstraint(
                condition=Q(identifiant_pole_emploi="") | Q(inscrit_pole_emploi=True),
                name="salarie_identifiant_si_inscrit",
                violation_error_message=refus("L'identifiant Pôle emploi ne se renseigne que pour un salarié inscrit."),
            ),
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom}"

    @property
    def nir(self) -> str:
        return self.identite.nir if self.identite_id else ""

    @property
    def nir_masque(self) -> str:
        return masquer_nir(self.nir)

    @property
    def beneficiaire_minima_sociaux(self) -> bool:
        return self.beneficiaire_rsa or self.beneficiaire_ass or self.beneficiaire_aah or self.beneficiaire_ata
