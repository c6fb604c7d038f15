"""The national recomputation of the schedules split into blocks run by several Celery workers
(``services.echeancier_blocs``): one ``RecalculEcheanciers`` per run, one ``BlocRecalcul`` per block of
conventions, and the computed rows kept aside (``MoisAideCalcule``, ``EngagementCalcule``) until every block is
done; the last block to finish swaps them in, in one transaction (all or nothing). Registered with the app
through ``conventions.models``."""

from django.db import models

from cui_portal.contraintes import refus

from .champs import champ_heures, champ_taux


def _montant(libelle, null=False):
    return models.DecimalField(libelle, max_digits=9, decimal_places=2, null=null, blank=null)


class StatutRecalcul(models.TextChoices):
    EN_COURS = "en_cours", "En cours"
    TERMINE = "termine", "Terminé"
    ECHEC = "echec", "En échec (rien n'a été modifié)"


class RecalculEcheanciers(models.Model):
    cree_le = models.DateTimeField("lancé le")
    statut = models.CharField("statut", max_length=10, choices=StatutRecalcul.choices, default=StatutRecalcul.EN_COURS)
    blocs = models.PositiveIntegerField("nombre de blocs")
    conventions = models.PositiveIntegerField("conventions à recalculer")
    ecrites = models.PositiveIntegerField("conventions réécrites", default=0)
    termine_le = models.DateTimeField("terminé le", null=True, blank=True)
    message = models.CharField("message", max_length=300, blank=True)

    class Meta:
        verbose_name = "recalcul national des échéanciers"
        verbose_name_plural = "recalculs nationaux des échéanciers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(statut__in=StatutRecalcul.values),
                name="recalcul_statut_connu",
                violation_error_message=refus("Le statut d'un recalcul est en cours, terminé ou en échec."),
            )
        ]

    def __str__(self):
        return f"Recalcul du {self.cree_le:%d/%m/%Y %H:%M} ({self.get_statut_display().lower()})"


class BlocRecalcul(models.Model):
    """The conventions whose pk is in ``]debut, fin]``."""

    recalcul = models.ForeignKey(RecalculEcheanciers, on_delete=models.CASCADE, related_name="blocs_du_recalcul")
    debut = models.BigIntegerField("après la convention n°")
    fin = models.BigIntegerField("jusqu'à la convention n°")
    fait_le = models.DateTimeField("calculé le", null=True, blank=True)

    class Meta:
        verbose_name = "bloc d'un recalcul"
        verbose_name_plural = "blocs d'un recalcul"
        constraints = [
            models.UniqueConstraint(
                fields=["recalcul", "debut"],
                name="bloc_recalcul_unique",
                violation_error_message=refus("Un bloc d'un recalcul n'existe qu'une fois."),
            ),
            models.CheckConstraint(
                condition=models.Q(fin__gt=models.F("debut")),
                name="bloc_recalcul_borne",
                violation_error_message=refus("Un bloc d'un recalcul finit après son début."),
            ),
        ]

    def __str__(self):
        return f"Conventions n° {self.debut + 1} à {self.fin}"


class MoisAideCalcule(models.Model):
    """A monthly row computed by a block, not yet swapped in (the columns of ``MoisAide``; no foreign key, so
    that writing it aside costs only the ``COPY``)."""

    recalcul = models.ForeignKey(RecalculEcheanciers, on_delete=models.CASCADE, related_name="+", db_index=False)
    convention_id = models.BigIntegerField("convention")
    region_id = models.BigIntegerField("région")
    departement_id = models.BigIntegerField("département")
    mois = models.DateField("mois")
    jours_aides = models.PositiveSmallIntegerField("jours aidés")
    jours_du_mois = models.PositiveSmallIntegerField("jours du mois")
    taux = champ_taux("taux de prise en charge (%)")
    heures = champ_heures("durée hebdomadaire prise en charge (h)")
    smic_horaire = _montant("SMIC horaire brut du mois (€)")
    aide = _montant("aide due (€)")
    part_etat = _montant("part de l'État (€)")
    part_conseil_general = _montant("part du conseil général (€)")
    a_rembourser = _montant("aide à rembourser (€)")
    fractionne = models.BooleanField("mois partagé par un avenant", default=False)
    provisoire = models.BooleanField("montant provisoire", default=False)

    class Meta:
        verbose_name = "mois calculé d'un recalcul"
        verbose_name_plural = "mois calculés d'un recalcul"
        indexes = [models.Index(fields=["recalcul", "convention_id"], name="mois_calcule_recalcul")]

    def __str__(self):
        return f"Convention n° {self.convention_id}, {self.mois:%m/%Y}"


class EngagementCalcule(models.Model):
    recalcul = models.ForeignKey(RecalculEcheanciers, on_delete=models.CASCADE, related_name="+", db_index=False)
    convention_id = models.BigIntegerField("convention")
    duree_mois = models.DecimalField("durée prévue (mois)", max_digits=5, decimal_places=2, null=True, blank=True)
    engagement_etat = _montant("engagement de l'État sur la durée (€)", null=True)
    engagement_conseil_general = _montant("engagement du conseil général sur la durée (€)", null=True)

    class Meta:
        verbose_name = "engagement calculé d'un recalcul"
        verbose_name_plural = "engagements calculés d'un recalcul"
        indexes = [models.Index(fields=["recalcul", "convention_id"], name="engagement_calcule_recalcul")]

    def __str__(self):
        return f"Convention n° {self.convention_id}"
