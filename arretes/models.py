"""Regional arrêtés fixing the State aid of the CUI (circular DGEFP 2009-42, Annexes 3 and 3-bis), and their rates.

The database refuses what the law forbids wherever a constraint can say it: a rate above its ceiling (CAE 95 %,
CAE in an ACI 105 %, CIE 47 %), hours outside 20–35, two rates for one contract and public, two published
arrêtés for one region and year. What needs another table (no CIE rate in a CAE-only arrêté, no change once
published) is checked in ``regles.py``, the forms, the services and ``TauxPriseEnCharge.save``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cui_portal.contraintes import ou, refus
from cui_portal.permissions import restreindre
from droit.nombres import (
    DATE_CUI,
    HEURES_MAX,
    HEURES_MIN,
    PLAFOND_CAE,
    PLAFOND_CAE_ACI,
    PLAFOND_CIE,
    SOURCE_ARRETE,
    SOURCE_HEURES,
    SOURCE_PLAFOND_CAE,
    SOURCE_PLAFOND_CAE_ACI,
    SOURCE_PLAFOND_CIE,
    nombre,
)
from droit.vocabulaire import Contrat
from referentiels.models import PublicPrioritaire, Region

from .regles import CODE_PUBLIC_ACI


class PorteeArrete(models.TextChoices):
    CAE_CIE = "cae_cie", "CAE et CIE (annexe 3)"
    CAE = "cae", "CAE seul (annexe 3-bis)"


class StatutArrete(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    PUBLIE = "publie", "Publié"
    ABROGE = "abroge", "Abrogé"


VISAS_ANNEXE_3 = (
    "Vu la loi n° 2008-1249 du 1er décembre 2008 généralisant le revenu de solidarité active et réformant les "
    "politiques d'insertion ;\n"
    "Vu les articles L. 5134-19-1, L. 5134-20 et L. 5134-65 du code du travail ;\n"
    "Vu le décret n° 2009-1442 du 25 novembre 2009 relatif au contrat unique d'insertion ;\n"
    "Vu la circulaire DGEFP n° 2009-42 du 5 novembre 2009 relative à l'entrée en vigueur du contrat unique "
    "d'insertion ;\n"
    "Vu la circulaire DGEFP relative à la programmation territorialisée des politiques de l'emploi 2010 ;"
)
VISAS_ANNEXE_3_BIS = VISAS_ANNEXE_3.replace(", L. 5134-20 et L. 5134-65", " et L. 5134-20")

TITRES = {
    PorteeArrete.CAE_CIE: "Arrêté fixant le montant de l'aide de l'État pour les contrats d'accompagnement dans "
    "l'emploi (CAE) et les contrats initiative emploi (CIE) du contrat unique d'insertion",
    PorteeArrete.CAE: "Arrêté fixant le montant de l'aide de l'État pour les contrats d'accompagnement dans "
    "l'emploi (CAE) du contrat unique d'insertion",
}


class ArreteQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        """Regional roles see every arrêté of their region, drafts included; national roles and administrators
        see all. Prescripteurs and conseils généraux see the published (and abrogated) arrêtés of the region of
        their organisation: they apply them, they do not prepare them. Anyone else sees nothing."""
        return restreindre(self, perimetre, region="region_id", applicables=~Q(statut=StatutArrete.BROUILLON))

    def publies(self):
        return self.exclude(statut=StatutArrete.BROUILLON)


class Arrete(models.Model):
    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="arretes")
    annee = models.PositiveSmallIntegerField(
        "année d'application", help_text="Contrats de travail prenant effet à partir du 1er janvier de cette année."
    )
    numero = models.CharField("numéro", max_length=60, blank=True, help_text="Obligatoire pour publier.")
    titre = models.CharField("titre", max_length=300)
    portee = models.CharField("portée", max_length=10, choices=PorteeArrete.choices, default=PorteeArrete.CAE_CIE)
    visas = models.TextField("visas", help_text="Un visa par ligne (« Vu … »).")
    date_signature = models.DateField("date de signature", null=True, blank=True)
    date_publication = models.DateField(
        "date de publication", null=True, blank=True, help_text="Au recueil des actes administratifs."
    )
    lieu_signature = models.CharField("fait à", max_length=80, blank=True)
    signataire = models.CharField("signataire", max_length=120, blank=True, help_text="Par exemple : Le préfet.")
    statut = models.CharField("statut", max_length=10, choices=StatutArrete.choices, default=StatutArrete.BROUILLON)
    remplace_par = models.ForeignKey(
        "self",
        verbose_name="remplacé par",
        on_delete=models.PROTECT,
        related_name="arretes_remplaces",
        null=True,
        blank=True,
    )
    date_abrogation = models.DateField("date d'abrogation", null=True, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    history = HistoricalRecords(excluded_fields=["modifie_le"])
    objects = ArreteQuerySet.as_manager()

    class Meta:
        verbose_name = "arrêté régional"
        verbose_name_plural = "arrêtés régionaux"
        ordering = ["-annee", "region__nom", "-date_publication", "-pk"]
        indexes = [models.Index(fields=["region", "annee", "statut"], name="arrete_region_annee_statut")]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "annee"],
                condition=Q(statut="publie"),
                name="un_arrete_publie_par_region_et_annee",
                violation_error_message=refus(
                    "La région a déjà un arrêté publié pour cette année : un seul arrêté en vigueur par région et "
                    f"par an ({SOURCE_ARRETE}). Abrogez d'abord celui qui est publié."
                ),
            ),
            models.UniqueConstraint(
                fields=["region", "numero"],
                condition=~Q(numero=""),
                name="numero_arrete_unique_par_region",
                violation_error_message=refus("La région a déjà un arrêté portant ce numéro."),
            ),
            models.CheckConstraint(
                condition=Q(annee__gte=2010, annee__lte=2100),
                name="arrete_annee_cui",
                violation_error_message=refus(
                    f"L'année d'un arrêté va de {DATE_CUI.year} (entrée en vigueur du contrat unique d'insertion) "
                    "à 2100."
                ),
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutArrete.values),
                name="arrete_statut_connu",
                violation_error_message=refus(f"Un arrêté est {ou(StatutArrete)}."),
            ),
            models.CheckConstraint(
                condition=Q(portee__in=PorteeArrete.values),
                name="arrete_portee_connue",
                violation_error_message=refus(f"La portée d'un arrêté est {ou(PorteeArrete)}."),
            ),
            models.CheckConstraint(
                condition=Q(statut="brouillon") | (Q(date_publication__isnull=False) & ~Q(numero="")),
                name="arrete_publie_a_numero_et_date",
                violation_error_message=refus(
                    f"Un arrêté publié porte un numéro et une date de publication ({SOURCE_ARRETE})."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(statut="abroge") | Q(date_abrogation__isnull=False),
                name="arrete_abroge_a_une_date",
                violation_error_message=refus("Un arrêté abrogé porte sa date d'abrogation."),
            ),
            models.CheckConstraint(
                condition=Q(date_signature__isnull=True)
                | Q(date_publication__isnull=True)
                | Q(date_publication__gte=models.F("date_signature")),
                name="arrete_publie_apres_signature",
                violation_error_message=refus(
                    "Un arrêté est publié après sa signature : la date de publication suit celle de la signature."
                ),
            ),
        ]

    def __str__(self):
        numero = f"n° {self.numero}" if self.numero else "(sans numéro)"
        return f"Arrêté {numero} – {self.region} – {self.annee}"

    @property
    def modifiable(self) -> bool:
        return self.statut == StatutArrete.BROUILLON

    @property
    def avec_cie(self) -> bool:
        return self.portee == PorteeArrete.CAE_CIE

    @property
    def annexe(self) -> str:
        return "3" if self.avec_cie else "3-bis"


class TauxPriseEnCharge(models.Model):
    arrete = models.ForeignKey(Arrete, verbose_name="arrêté", on_delete=models.CASCADE, related_name="taux")
    contrat = models.CharField("contrat", max_length=3, choices=Contrat.choices)
    public = models.ForeignKey(
        PublicPrioritaire, verbose_name="public prioritaire", on_delete=models.PROTECT, related_name="taux"
    )
    taux = models.DecimalField("taux de prise en charge (%)", max_digits=5, decimal_places=2)
    heures_max = models.PositiveSmallIntegerField("durée hebdomadaire maximale prise en charge (heures)")
    # Set from the public in save(): lets the database check the ACI ceiling without a join.
    aci = models.BooleanField("atelier et chantier d'insertion", default=False, editable=False)

    class Meta:
        verbose_name = "taux de prise en charge"
        verbose_name_plural = "taux de prise en charge"
        ordering = ["arrete", "contrat", "public__ordre"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrete", "contrat", "public"],
                name="un_taux_par_arrete_contrat_public",
                violation_error_message=refus("L'arrêté fixe déjà un taux pour ce contrat et ce public."),
            ),
            models.CheckConstraint(
                condition=Q(taux__gt=0),
                name="taux_strictement_positif",
                violation_error_message=refus("Le taux de prise en charge est strictement positif."),
            ),
            models.CheckConstraint(
                condition=(Q(contrat="CAE", aci=False) & Q(taux__lte=PLAFOND_CAE))
                | (Q(contrat="CAE", aci=True) & Q(taux__lte=PLAFOND_CAE_ACI))
                | (Q(contrat="CIE") & Q(taux__lte=PLAFOND_CIE)),
                name="taux_sous_plafond_legal",
                violation_error_message=refus(
                    f"Le taux dépasse son plafond légal : {nombre(PLAFOND_CAE)} % du SMIC brut pour un CAE "
                    f"({SOURCE_PLAFOND_CAE}), {nombre(PLAFOND_CAE_ACI)} % pour un CAE en atelier et chantier "
                    f"d'insertion ({SOURCE_PLAFOND_CAE_ACI}), {nombre(PLAFOND_CIE)} % pour un CIE "
                    f"({SOURCE_PLAFOND_CIE})."
                ),
            ),
            models.CheckConstraint(
                condition=Q(heures_max__gte=HEURES_MIN, heures_max__lte=HEURES_MAX),
                name="heures_entre_20_et_35",
                violation_error_message=refus(
                    f"La durée hebdomadaire prise en charge va de {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} "
                    f"heures ({SOURCE_HEURES})."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.contrat} – {self.public} : {self.taux} % sur {self.heures_max} h"

    def save(self, *args, **kwargs):
        if self.arrete_id and not Arrete.objects.filter(pk=self.arrete_id, statut=StatutArrete.BROUILLON).exists():
            raise ValidationError(
                "Un arrêté publié ne peut plus être modifié : prenez un nouvel arrêté qui le remplace."
            )
        self.aci = PublicPrioritaire.objects.filter(pk=self.public_id, code=CODE_PUBLIC_ACI).exists()
        super().save(*args, **kwargs)


class StatutImport(models.TextChoices):
    EN_COURS = "en_cours", "Vérification en cours"
    VALIDE = "valide", "Prêt à enregistrer"
    INVALIDE = "invalide", "Refusé : à corriger"
    APPLIQUE = "applique", "Enregistré"


class ImportTaux(models.Model):
    """A rates file between its preview and its confirmation: kept server-side, never uploaded twice.

    The file itself is dropped once read; ``lignes`` keeps each row's values and errors for the preview and
    the confirmation. ``traitees``/``total`` give the real progress of the check of a long file."""

    arrete = models.ForeignKey(Arrete, verbose_name="arrêté", on_delete=models.CASCADE, related_name="imports")
    auteur = models.ForeignKey(
        "comptes.Utilisateur", verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nom_fichier = models.CharField("nom du fichier", max_length=200)
    format = models.CharField("format", max_length=4)
    contenu = models.BinaryField("contenu du fichier", blank=True, default=b"")
    statut = models.CharField("statut", max_length=10, choices=StatutImport.choices, default=StatutImport.EN_COURS)
    total = models.PositiveIntegerField("lignes à vérifier", default=0)
    traitees = models.PositiveIntegerField("lignes vérifiées", default=0)
    erreurs_fichier = models.JSONField("erreurs du fichier", default=list, blank=True)
    lignes = models.JSONField("lignes", default=list, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "import de taux"
        verbose_name_plural = "imports de taux"
        ordering = ["-cree_le"]
        constraints = [
            models.CheckConstraint(
                condition=Q(traitees__lte=models.F("total")),
                name="import_progression_bornee",
                violation_error_message=refus("Un import ne vérifie pas plus de lignes que son fichier n'en compte."),
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutImport.values),
                name="import_statut_connu",
                violation_error_message=refus(f"Un import de taux est {ou(StatutImport)}."),
            ),
        ]

    def __str__(self):
        return f"Import « {self.nom_fichier} » ({self.get_statut_display()})"

    @property
    def nb_erreurs(self) -> int:
        return len(self.erreurs_fichier) + sum(1 for ligne in self.lignes if ligne.get("erreurs"))
