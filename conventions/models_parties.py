"""The parties to a convention individuelle: the employer (found again by SIRET) and the employee.

The employee's NIR is personal data (R. 5134-23): it is stored compact, never shown in ``__str__``, URLs, logs,
exports or the history (``excluded_fields``); screens use ``nir_masque``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fr import nir as stdnum_nir
from stdnum.fr import siret as stdnum_siret

from cui_portal.contraintes import refus
from droit.vocabulaire import StatutJuridique
from referentiels.models import Departement

from .regles.base import secteur_de


def valider_siret(valeur: str) -> None:
    try:
        stdnum_siret.validate(valeur)
    except StdnumValidationError as exc:
        raise ValidationError(
            "Le SIRET doit compter 14 chiffres et respecter sa clé de contrôle.", code="siret_invalide"
        ) from exc


def valider_nir(valeur: str) -> None:
    if not valeur:
        return
    try:
        stdnum_nir.validate(valeur)
    except StdnumValidationError as exc:
        # The value itself is never repeated in the message (it may end up in a log).
        raise ValidationError(
            "Le NIR doit compter 15 caractères (13 + clé de 2 chiffres) et respecter sa clé de contrôle.",
            code="nir_invalide",
        ) from exc


def compacter_nir(valeur: str) -> str:
    return stdnum_nir.compact(valeur or "")


def masquer_nir(valeur: str) -> str:
    """« 1 84 12 •• ••• ••• •• »: sex, year and month of birth only."""
    if not valeur:
        return ""
    nir = compacter_nir(valeur)
    return f"{nir[0]} {nir[1:3]} {nir[3:5]} •• ••• ••• ••"


class EmployeurQuerySet(models.QuerySet):
    def par_siret(self, siret: str):
        return self.filter(siret=stdnum_siret.compact(siret or ""))


class Employeur(models.Model):
    siret = models.CharField("SIRET", max_length=14, unique=True, validators=[valider_siret])
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
    a_eu_contrats_aides = models.BooleanField(
        "a déjà employé des salariés en contrat aidé",
        default=False,
        help_text="Une nouvelle convention suppose alors un bilan préalable de l'employeur (circulaire 2009-42).",
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
        ]

    def __str__(self):
        return f"{self.raison_sociale} ({self.siret})"

    def save(self, *args, **kwargs):
        self.siret = stdnum_siret.compact(self.siret or "")
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
        return self.filter(nir=nir) if nir else self.none()


class Salarie(models.Model):
    civilite = models.CharField("civilité", max_length=3, choices=Civilite.choices)
    nom = models.CharField("nom", max_length=120)
    prenom = models.CharField("prénom", max_length=120)
    date_naissance = models.DateField("date de naissance")
    nir = models.CharField("NIR (numéro de sécurité sociale)", max_length=15, blank=True, validators=[valider_nir])
    niveau_formation = models.CharField("niveau de formation", max_length=6, choices=NiveauFormation.choices)
    inscrit_pole_emploi = models.BooleanField("inscrit à Pôle emploi", default=False)
    inscrit_depuis = models.DateField("inscrit depuis le", null=True, blank=True)
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

    # The NIR never enters the history (it would outlive the anonymisation).
    history = HistoricalRecords(excluded_fields=["nir", "modifie_le"])
    objects = SalarieQuerySet.as_manager()

    class Meta:
        verbose_name = "salarié"
        ordering = ["nom", "prenom"]
        indexes = [models.Index(fields=["nom", "prenom"], name="salarie_nom_prenom")]
        constraints = [
            models.UniqueConstraint(
                fields=["nir"],
                condition=~Q(nir=""),
                name="salarie_nir_unique",
                violation_error_message=refus(
                    "Ce NIR est déjà celui d'un salarié enregistré : recherchez-le plutôt que de le saisir à nouveau."
                ),
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=Q(inscrit_depuis__isnull=True) | Q(inscrit_pole_emploi=True),
                name="salarie_inscrit_depuis_si_inscrit",
                violation_error_message=refus(
                    "La date d'inscription à Pôle emploi ne se renseigne que pour un salarié inscrit."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.prenom} {self.nom}"

    def save(self, *args, **kwargs):
        self.nir = compacter_nir(self.nir)
        super().save(*args, **kwargs)

    @property
    def nir_masque(self) -> str:
        return masquer_nir(self.nir)

    @property
    def beneficiaire_minima_sociaux(self) -> bool:
        return self.beneficiaire_rsa or self.beneficiaire_ass or self.beneficiaire_aah or self.beneficiaire_ata
