"""Reference data: the territory of 2009, organisations, priority publics and legal parameters by date."""

from django.db import models
from django.db.models import Q

from cui_portal.contraintes import refus
from cui_portal.noms_de_lieux import TypeNom, avec_article, de
from cui_portal.permissions import restreindre


class CorrespondantMip(models.Model):
    """A DGEFP / Mission insertion professionnelle correspondent (Annexe 2 of circular 2009-38)."""

    nom = models.CharField("nom", max_length=120)
    email = models.EmailField("adresse électronique", unique=True)

    class Meta:
        verbose_name = "correspondant MIP"
        verbose_name_plural = "correspondants MIP"
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class Region(models.Model):
    code_insee = models.CharField("code INSEE", max_length=2, unique=True)
    nom = models.CharField("nom", max_length=80, unique=True)
    outre_mer = models.BooleanField("outre-mer", default=False)
    tncc = models.PositiveSmallIntegerField(
        "type de nom (INSEE)",
        choices=TypeNom.choices,
        default=TypeNom.SANS_ARTICLE,
        help_text="Article et charnière du nom, selon le code officiel géographique de l'INSEE.",
    )
    correspondant_mip = models.ForeignKey(
        CorrespondantMip,
        verbose_name="correspondant MIP",
        on_delete=models.PROTECT,
        related_name="regions",
        null=True,
    )

    class Meta:
        verbose_name = "région"
        ordering = ["nom"]

    def __str__(self):
        return self.nom

    @property
    def nom_avec_article(self) -> str:
        """« l'Essonne », « la Seine-Saint-Denis », « Île-de-France »."""
        return avec_article(self.nom, self.tncc)

    @property
    def de_nom(self) -> str:
        """« de l'Essonne », « du Val-de-Marne », « d'Île-de-France », « de La Réunion »."""
        return de(self.nom, self.tncc)


class Departement(models.Model):
    code = models.CharField("code", max_length=3, unique=True)
    nom = models.CharField("nom", max_length=80)
    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="departements")
    tncc = models.PositiveSmallIntegerField(
        "type de nom (INSEE)",
        choices=TypeNom.choices,
        default=TypeNom.SANS_ARTICLE,
        help_text="Article et charnière du nom, selon le code officiel géographique de l'INSEE.",
    )

    class Meta:
        verbose_name = "département"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} – {self.nom}"

    @property
    def nom_avec_article(self) -> str:
        """« l'Essonne », « la Seine-Saint-Denis », « Île-de-France »."""
        return avec_article(self.nom, self.tncc)

    @property
    def de_nom(self) -> str:
        """« de l'Essonne », « du Val-de-Marne », « d'Île-de-France », « de La Réunion »."""
        return de(self.nom, self.tncc)


class TypeOrganisation(models.TextChoices):
    AGENCE_POLE_EMPLOI = "pole_emploi", "Agence Pôle emploi"
    MISSION_LOCALE = "mission_locale", "Mission locale"
    CAP_EMPLOI = "cap_emploi", "Cap emploi"
    CONSEIL_GENERAL = "conseil_general", "Conseil général"
    DIRECCTE = "direccte", "DIRECCTE / DRTEFP (région)"
    DDTEFP = "ddtefp", "DDTEFP (département)"
    DGEFP = "dgefp", "DGEFP / MIP (national)"
    ASP = "asp", "Agence de services et de paiement"
    OPERATEUR = "operateur", "Opérateur (prestataire, CNFPT…)"


# Where an organisation sits: national ones nowhere, regional ones in a region, the others in a département.
NIVEAU_PAR_TYPE = {
    TypeOrganisation.DGEFP: "national",
    TypeOrganisation.ASP: "national",
    TypeOrganisation.DIRECCTE: "region",
    TypeOrganisation.OPERATEUR: "region",
}


class OrganisationQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        return restreindre(self, perimetre, organisation="pk", departement="departement_id", region="region_id")

    def prescripteurs(self):
        return self.filter(
            type__in=[
                TypeOrganisation.AGENCE_POLE_EMPLOI,
                TypeOrganisation.MISSION_LOCALE,
                TypeOrganisation.CAP_EMPLOI,
                TypeOrganisation.CONSEIL_GENERAL,
            ]
        )


class Organisation(models.Model):
    nom = models.CharField("nom", max_length=200)
    type = models.CharField("type", max_length=20, choices=TypeOrganisation.choices)
    region = models.ForeignKey(
        Region, verbose_name="région", on_delete=models.PROTECT, related_name="organisations", null=True, blank=True
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name="département",
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
    )
    email = models.EmailField("adresse électronique", blank=True)
    telephone = models.CharField("téléphone", max_length=20, blank=True)
    adresse = models.CharField("adresse", max_length=250, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "organisation"
        ordering = ["nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["type", "nom"],
                name="organisation_nom_unique_par_type",
                violation_error_message=refus("Une organisation de ce type porte déjà ce nom."),
            ),
            # A conseil général is the council of one département, and only one per département.
            models.UniqueConstraint(
                fields=["departement"],
                condition=Q(type="conseil_general"),
                name="un_conseil_general_par_departement",
                violation_error_message=refus("Ce département a déjà son conseil général : un seul par département."),
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=~Q(type__in=["conseil_general", "ddtefp"]) | Q(departement__isnull=False),
                name="organisation_departementale_a_un_departement",
                violation_error_message=refus(
                    "Un conseil général ou une DDTEFP est l'organisation d'un département : indiquez-le."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(type__in=["direccte", "operateur"]) | Q(region__isnull=False),
                name="organisation_regionale_a_une_region",
                violation_error_message=refus(
                    "Une DIRECCTE ou un opérateur est l'organisation d'une région : indiquez-la."
                ),
            ),
        ]

    def __str__(self):
        return self.nom

    def save(self, *args, **kwargs):
        # The region follows from the département: one source of truth for scoping.
        if self.departement_id and not self.region_id:
            self.region_id = Departement.objects.only("region_id").get(pk=self.departement_id).region_id
        super().save(*args, **kwargs)


class PublicPrioritaire(models.Model):
    """A priority public of the regional arrêtés; the list can be extended by administrators."""

    code = models.SlugField("code", max_length=40, unique=True)
    libelle = models.CharField("libellé", max_length=120, unique=True)
    ordre = models.PositiveSmallIntegerField("ordre d'affichage", default=100)
    actif = models.BooleanField("actif", default=True)

    class Meta:
        verbose_name = "public prioritaire"
        verbose_name_plural = "publics prioritaires"
        ordering = ["ordre", "libelle"]

    def __str__(self):
        return self.libelle


class Bareme(models.Model):
    """A legal parameter that changes by date (SMIC horaire brut, RSA montant forfaitaire)."""

    class Code(models.TextChoices):
        SMIC_HORAIRE = "smic_horaire", "SMIC horaire brut"
        RSA_FORFAITAIRE = "rsa_forfaitaire", "RSA montant forfaitaire (personne seule)"

    code = models.CharField("code", max_length=30, choices=Code.choices, unique=True)
    connu_jusqu_au = models.DateField(
        "valeurs connues jusqu'au", help_text="Au-delà de cette date, le barème n'est pas encore connu."
    )
    source = models.CharField("source", max_length=200, blank=True)

    class Meta:
        verbose_name = "barème légal"
        verbose_name_plural = "barèmes légaux"

    def __str__(self):
        return self.get_code_display()


class ValeurBareme(models.Model):
    bareme = models.ForeignKey(Bareme, on_delete=models.CASCADE, related_name="valeurs")
    date_effet = models.DateField("en vigueur à compter du")
    valeur = models.DecimalField("valeur (€)", max_digits=9, decimal_places=2)

    class Meta:
        verbose_name = "valeur d'un barème"
        verbose_name_plural = "valeurs des barèmes"
        ordering = ["bareme", "date_effet"]
        constraints = [
            models.UniqueConstraint(
                fields=["bareme", "date_effet"],
                name="une_valeur_par_bareme_et_date",
                violation_error_message=refus("Ce barème a déjà une valeur à cette date d'effet."),
            ),
            models.CheckConstraint(
                condition=Q(valeur__gt=0),
                name="valeur_bareme_positive",
                violation_error_message=refus("La valeur d'un barème (SMIC horaire, RSA) est strictement positive."),
            ),
        ]

    def __str__(self):
        return f"{self.bareme} au {self.date_effet:%d/%m/%Y} : {self.valeur} €"
