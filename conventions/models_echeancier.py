"""The schedule of the aid: one row per convention and calendar month, written by ``services.echeancier`` from
the pure rules of ``regles.echeancier`` each time the convention's terms change (conclusion, avenant, suspension,
resumption, rupture). Registered with the app through ``conventions.models``."""

from decimal import Decimal

from django.db import models
from django.db.models import ExpressionWrapper, F, Q, Value
from django.db.models.functions import Abs, Greatest, Least, Round
from django.db.models.lookups import LessThan

from cui_portal.contraintes import refus

from .champs import champ_heures, champ_taux


def _montant(libelle):
    return models.DecimalField(libelle, max_digits=9, decimal_places=2)


MONTANT = models.DecimalField(max_digits=9, decimal_places=2)


def _au_centime(expression):
    """Rounded to the cent in SQL: SQLite computes decimals as floating numbers (212,60 − 0 = 212,6000…02)."""
    return Round(ExpressionWrapper(expression, output_field=MONTANT), 2, output_field=MONTANT)


class MoisAideQuerySet(models.QuerySet):
    def de_l_annee(self, annee: int):
        return self.filter(mois__year=annee)

    def echus_au(self, jour):
        """The months whose aid is due on ``jour``: the aid of a month is due once the month is over."""
        return self.filter(mois__lt=jour.replace(day=1))

    def avec_du(self):
        """Each month with what the ASP owes for it: ``du_etat``, ``du_conseil_general`` and ``du`` (their sum).

        ``regles.echeancier.aide_due`` written in SQL, in this one place (the reconciliation, the budgets and the
        « Paiements de l'aide » read it): the aid less the indu, taken off the State's share first, then the
        conseil général's, never below zero. A test checks both sides agree."""
        return self.annotate(**expressions_du()).annotate(du=_au_centime(F("du_etat") + F("du_conseil_general")))


def expressions_du() -> dict:
    """``du_etat`` and ``du_conseil_general`` of a month in SQL (``MoisAideQuerySet.avec_du``; a migration
    annotates its own models with them)."""
    retrait_etat = Least(F("a_rembourser"), F("part_etat"))
    return {
        "du_etat": _au_centime(F("part_etat") - retrait_etat),
        "du_conseil_general": _au_centime(
            Greatest(
                F("part_conseil_general") - (F("a_rembourser") - retrait_etat),
                Value(Decimal("0.00"), output_field=MONTANT),
            )
        ),
    }


class _Territoire(models.Model):
    """The région and département of a row, denormalised from the convention (which never moves), for the
    budgets of a territory."""

    region = models.ForeignKey(
        "referentiels.Region", verbose_name="région", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    departement = models.ForeignKey(
        "referentiels.Departement",
        verbose_name="département",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )

    class Meta:
        abstract = True


class MoisAide(_Territoire):
    convention = models.ForeignKey(
        "conventions.Convention", verbose_name="convention", on_delete=models.CASCADE, related_name="echeancier"
    )
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
    provisoire = models.BooleanField("montant provisoire (barème pas encore connu)", default=False)

    objects = MoisAideQuerySet.as_manager()

    class Meta:
        verbose_name = "mois de l'aide"
        verbose_name_plural = "échéancier de l'aide"
        ordering = ["convention", "mois"]
        indexes = [
            models.Index(fields=["region", "mois"], name="mois_aide_region_mois"),
            models.Index(fields=["departement", "mois"], name="mois_aide_dep_mois"),
            models.Index(fields=["mois"], name="mois_aide_mois"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "mois"],
                name="un_mois_d_aide_par_convention",
                violation_error_message=refus("L'échéancier de la convention a déjà une ligne pour ce mois."),
            ),
            models.CheckConstraint(
                condition=Q(mois__day=1),
                name="mois_aide_premier_du_mois",
                violation_error_message=refus("Une ligne de l'échéancier porte sur un mois : le 1er du mois."),
            ),
            models.CheckConstraint(
                condition=Q(jours_aides__lte=F("jours_du_mois"), jours_du_mois__gte=28, jours_du_mois__lte=31),
                name="mois_aide_jours_du_mois",
                violation_error_message=refus("Les jours aidés d'un mois ne dépassent pas les jours de ce mois."),
            ),
            models.CheckConstraint(
                condition=Q(aide__gte=0, part_etat__gte=0, part_conseil_general__gte=0, a_rembourser__gte=0),
                name="mois_aide_montants_positifs",
                violation_error_message=refus("L'aide d'un mois et ses parts sont positives ou nulles."),
            ),
            models.CheckConstraint(
                condition=Q(LessThan(Abs(F("aide") - F("part_etat") - F("part_conseil_general")), 0.005)),
                name="mois_aide_etat_plus_cg",
                violation_error_message=refus(
                    "L'aide d'un mois est la somme de la part de l'État et de celle du conseil général."
                ),
            ),
            models.CheckConstraint(
                condition=Q(a_rembourser__lte=F("aide")),
                name="mois_aide_indu_borne",
                violation_error_message=refus("L'aide à rembourser d'un mois ne dépasse pas l'aide due ce mois."),
            ),
        ]

    def __str__(self):
        return f"{self.mois:%m/%Y} : {self.aide} €"


def _somme(libelle):
    return models.DecimalField(libelle, max_digits=16, decimal_places=2, default=Decimal("0.00"))


class TotalMensuel(_Territoire):
    """The schedules of one département for one month, summed: what the budget pages of the nation, of a region
    and of a département read (a thousand rows a year, not millions of months). Kept with the schedules, in the
    same transaction, by ``services.totaux_mensuels``; a test checks it equals the sums of ``MoisAide`` after
    every kind of write."""

    mois = models.DateField("mois")
    part_etat = _somme("part de l'État (€)")
    part_conseil_general = _somme("part du conseil général (€)")
    du_etat = _somme("dû par l'État, indu déduit (€)")
    du_conseil_general = _somme("dû par le conseil général, indu déduit (€)")
    a_rembourser = _somme("aide à rembourser (€)")
    lignes = models.IntegerField("mois de conventions", default=0)

    class Meta:
        verbose_name = "total mensuel des échéanciers d'un département"
        verbose_name_plural = "totaux mensuels des échéanciers"
        indexes = [models.Index(fields=["region", "mois"], name="total_mensuel_region_mois")]
        constraints = [
            models.UniqueConstraint(
                fields=["departement", "mois"],
                name="un_total_par_departement_et_mois",
                violation_error_message=refus("Un département n'a qu'un total des échéanciers par mois."),
            ),
        ]

    def __str__(self):
        return f"{self.departement_id} {self.mois:%m/%Y}"
