"""What the ASP actually paid: its monthly payment statements (relevés), imported by a gestionnaire régional
(or the national role for any region), and each payment of a convention-month they hold. The amounts due come
from the schedule of each convention (``conventions.MoisAide``); the reconciliation compares the two."""

from django.db import models
from django.db.models import Q

from cui_portal.contraintes import ou, refus
from cui_portal.permissions import restreindre


class StatutReleve(models.TextChoices):
    EN_COURS = "en_cours", "Vérification en cours"
    VALIDE = "valide", "Prêt à enregistrer"
    INVALIDE = "invalide", "Refusé : à corriger"
    APPLIQUE = "applique", "Enregistré"
    ECHEC = "echec", "Échec de la vérification"


class ReleveAspQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        """Regional roles see their region's statements, national roles every region's, nobody else any."""
        return restreindre(self, perimetre, region="region_id")


class ReleveAsp(models.Model):
    """One ASP payment statement of one region, between its preview and its confirmation, then once recorded.

    ``lignes`` holds the outcome of each row of the file (``importation.verifier_lignes``): its number in the
    sheet, its four values as typed, its errors by column and, when valid, what will be written."""

    region = models.ForeignKey(
        "referentiels.Region", verbose_name="région", on_delete=models.PROTECT, related_name="releves_asp"
    )
    auteur = models.ForeignKey(
        "comptes.Utilisateur", verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    nom_fichier = models.CharField("nom du fichier", max_length=200)
    format = models.CharField("format", max_length=4)
    empreinte = models.CharField("empreinte du fichier (SHA-256)", max_length=64)
    contenu = models.BinaryField("contenu du fichier", blank=True, default=b"")
    statut = models.CharField("statut", max_length=10, choices=StatutReleve.choices, default=StatutReleve.EN_COURS)
    total = models.PositiveIntegerField("lignes à vérifier", default=0)
    traitees = models.PositiveIntegerField("lignes vérifiées", default=0)
    erreurs_fichier = models.JSONField("erreurs du fichier", default=list, blank=True)
    lignes = models.JSONField("lignes", default=list, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True)
    enregistre_le = models.DateTimeField("enregistré le", null=True, blank=True)

    objects = ReleveAspQuerySet.as_manager()

    class Meta:
        verbose_name = "relevé de paiements de l'ASP"
        verbose_name_plural = "relevés de paiements de l'ASP"
        ordering = ["-cree_le"]
        constraints = [
            models.CheckConstraint(
                condition=Q(traitees__lte=models.F("total")),
                name="releve_progression_bornee",
                violation_error_message=refus("Un relevé ne vérifie pas plus de lignes que son fichier n'en compte."),
            ),
            models.CheckConstraint(
                condition=Q(statut__in=StatutReleve.values),
                name="releve_statut_connu",
                violation_error_message=refus(f"Un relevé de l'ASP est {ou(StatutReleve)}."),
            ),
            models.UniqueConstraint(
                fields=["region", "empreinte"],
                condition=Q(statut="applique"),
                name="releve_enregistre_une_fois",
                violation_error_message=refus("Ce relevé de l'ASP a déjà été enregistré pour cette région."),
            ),
        ]

    def __str__(self):
        return f"Relevé ASP « {self.nom_fichier} » ({self.get_statut_display()})"


class PaiementAsp(models.Model):
    """What the ASP paid for one convention and one month, as its statement says (State and conseil général)."""

    releve = models.ForeignKey(ReleveAsp, verbose_name="relevé", on_delete=models.CASCADE, related_name="paiements")
    convention = models.ForeignKey(
        "conventions.Convention", verbose_name="convention", on_delete=models.PROTECT, related_name="paiements_asp"
    )
    region = models.ForeignKey("referentiels.Region", verbose_name="région", on_delete=models.PROTECT, related_name="+")
    mois = models.DateField("mois")
    montant_etat = models.DecimalField("payé par l'État (€)", max_digits=9, decimal_places=2)
    montant_conseil_general = models.DecimalField("payé par le conseil général (€)", max_digits=9, decimal_places=2)

    class Meta:
        verbose_name = "paiement de l'ASP"
        verbose_name_plural = "paiements de l'ASP"
        ordering = ["convention", "mois"]
        indexes = [
            models.Index(fields=["convention", "mois"], name="paiement_convention_mois"),
            models.Index(fields=["region", "mois"], name="paiement_region_mois"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["releve", "convention", "mois"],
                name="un_paiement_par_mois_et_releve",
                violation_error_message=refus("Le relevé paie déjà ce mois de cette convention : une ligne en double."),
            ),
            models.CheckConstraint(
                condition=Q(mois__day=1),
                name="paiement_premier_du_mois",
                violation_error_message=refus("Un paiement de l'ASP porte sur un mois : le 1er du mois."),
            ),
            models.CheckConstraint(
                condition=Q(montant_etat__gte=0, montant_conseil_general__gte=0),
                name="paiement_montants_positifs",
                violation_error_message=refus("Les montants payés par l'ASP sont positifs ou nuls."),
            ),
        ]

    def __str__(self):
        return f"{self.convention_id} {self.mois:%m/%Y} : {self.montant_etat} € + {self.montant_conseil_general} €"
