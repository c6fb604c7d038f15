"""How conventions are read: scoped to a person, and with their status on a given day."""

from datetime import date

from django.db import models
from django.db.models import Case, F, Q, Value, When

from cui_portal import horloge
from cui_portal.permissions import STATUTS_ACTIFS, restreindre
from droit.vocabulaire import Financement, StatutConvention

# What ``conventions/liste.html`` shows of a convention (``pour_la_liste``): a column added there is added here.
COLONNES_DE_LA_LISTE = (
    "numero",
    "type_contrat",
    "immersion",
    "statut",
    "declaration_tardive",
    "date_conclusion",
    "date_debut",
    "date_fin",
    "aide_mensuelle",
    "departement__code",
    "departement__nom",
    "salarie__prenom",
    "salarie__nom",
    "employeur__raison_sociale",
    "prescripteur__nom",
    "public__libelle",
)


class ConventionQuerySet(models.QuerySet):
    def visibles_par(self, perimetre):
        """Prescripteurs see the conventions their organisation prescribed; regions their region; national
        roles all. A conseil général sees, in its département, the conventions it co-finances or funds alone
        (financement ``etat_cg`` or ``cg``), plus those it prescribed itself (for RSA beneficiaries it funds):
        the conventions funded by the State alone stay the State's business."""
        return restreindre(
            self,
            perimetre,
            organisation="prescripteur_id",
            departement="departement_id",
            region="region_id",
            cofinancement=Q(financement__in=[Financement.ETAT_CG, Financement.CG]),
        )

    def pour_la_liste(self):
        """The columns of the list of conventions and nothing else (a convention has some sixty fields and its
        parties as many: building them whole was a third of the page's time), with its five related rows."""
        return self.select_related("employeur", "salarie", "prescripteur", "departement", "public").only(
            *COLONNES_DE_LA_LISTE
        )

    def avec_statut_du_jour(self, jour: date | None = None):
        """``statut_du_jour``: the status on ``jour`` (the clock's day), computed by the database from the dates
        and the stored events exactly as ``regles.statuts.statut_a_la_date`` does; lists, filters, exports and
        figures read it, so that no status is stale when the daily job has not run."""
        jour = jour or horloge.aujourdhui()
        evenementiel = Q(statut__in=[StatutConvention.BROUILLON, StatutConvention.ROMPUE, StatutConvention.ANNULEE])
        sans_dates = Q(date_debut__isnull=True) | Q(date_fin__isnull=True)
        return self.annotate(
            statut_du_jour=Case(
                When(evenementiel | sans_dates, then=F("statut")),
                When(date_fin__lt=jour, then=Value(StatutConvention.TERMINEE)),
                When(date_debut__gt=jour, then=Value(StatutConvention.CONCLUE)),
                When(statut=StatutConvention.SUSPENDUE, then=Value(StatutConvention.SUSPENDUE)),
                default=Value(StatutConvention.EN_COURS),
                output_field=models.CharField(max_length=12),
            )
        )

    def au_statut(self, *statuts, jour: date | None = None):
        """The conventions whose status on ``jour`` is one of ``statuts``."""
        return self.avec_statut_du_jour(jour).filter(statut_du_jour__in=statuts)

    def actives(self, jour: date | None = None):
        return self.au_statut(*STATUTS_ACTIFS, jour=jour)
