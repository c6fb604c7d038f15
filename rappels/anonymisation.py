"""Anonymisation of employees one year after the end of their last convention (R5134-23).

What is erased: name and first name, NIR, numéro d'allocataire, postal address (street, postcode, commune),
the aménagement de peine flag (judicial information), and the same fields in the history tables (the NIR never
entered them). What is kept, for the statistics, on a record that no longer names anyone:
- the civilité (sex), the département of residence, the niveau de formation;
- the year and month of birth, with a day chosen so that the age on each hiring date stays exact (see
  ``regles.date_naissance_anonymisee``): the CAE-jeunes indicator counts the under-26 at hiring;
- the month of registration at Pôle emploi (first day of the month);
- the situation flags the indicators and the CAOM consumption count (RSA, ASS, AAH, ATA, RQTH): without the
  identity they are statistics, not a person's file.
The conventions themselves (dates, contract, rates, aid, financing) are untouched: counts do not move.
A salarié with a convention still open, or a draft prepared within the year, is not anonymised.
"""

from datetime import date

from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce, Least

from cui_portal import horloge

from . import regles

NOM_ANONYME = "ANONYME"


def a_anonymiser(aujourdhui: date):
    """The salariés due for anonymisation today (a queryset)."""
    from conventions.models_parties import Salarie
    from droit.vocabulaire import StatutConvention

    limite = regles.limite_conservation(aujourdhui)
    conclues = ~Q(conventions__statut=StatutConvention.BROUILLON)
    fin = Least(
        Coalesce("conventions__date_rupture", "conventions__date_fin"),
        Coalesce("conventions__date_fin", "conventions__date_rupture"),
    )
    return (
        Salarie.objects.filter(anonymise_le__isnull=True)
        .annotate(
            derniere_fin=Max(fin, filter=conclues),
            ouvertes=Count("conventions", filter=conclues & Q(conventions__date_fin__isnull=True)),
            brouillons_recents=Count(
                "conventions",
                filter=Q(conventions__statut=StatutConvention.BROUILLON, conventions__cree_le__date__gte=limite),
            ),
        )
        .filter(derniere_fin__lt=limite, ouvertes=0, brouillons_recents=0)
        .order_by("pk")
    )


def anonymiser_un(pk: int, aujourdhui: date) -> bool:
    from conventions.models_parties import Salarie

    with transaction.atomic():
        salarie = Salarie.objects.select_for_update().filter(pk=pk, anonymise_le__isnull=True).first()
        if salarie is None:
            return False
        fins = [
            regles.fin_effective(c.date_fin, c.date_rupture)
            for c in salarie.conventions.exclude(statut="brouillon").only("date_fin", "date_rupture")
        ]
        if not regles.anonymisable(fins, aujourdhui):
            return False
        embauches = [d for d in salarie.conventions.values_list("date_embauche", flat=True) if d]
        valeurs = {
            "nom": NOM_ANONYME,
            "prenom": "",
            "numero_allocataire": "",
            "adresse": "",
            "code_postal": "",
            "commune": "",
            "amenagement_de_peine": False,
            "date_naissance": regles.date_naissance_anonymisee(salarie.date_naissance, embauches),
            "inscrit_depuis": salarie.inscrit_depuis.replace(day=1) if salarie.inscrit_depuis else None,
        }
        for champ, valeur in valeurs.items():
            setattr(salarie, champ, valeur)
        salarie.nir = ""
        salarie.anonymise_le = aujourdhui
        salarie.save()
        # The history keeps every earlier version of the record: erase the same fields there.
        Salarie.history.filter(id=salarie.pk).update(**valeurs)
        return True


def anonymiser(aujourdhui: date | None = None, *, dry_run: bool = False) -> list[int]:
    """Anonymise every salarié due; return their ids (with ``dry_run``, those that would be, nothing written)."""
    aujourdhui = aujourdhui or horloge.aujourdhui()
    ids = list(a_anonymiser(aujourdhui).values_list("pk", flat=True))
    if dry_run:
        return ids
    return [pk for pk in ids if anonymiser_un(pk, aujourdhui)]
