"""Anonymisation of employees one year after the end of their last convention (R5134-23).

What is erased: name (of birth and of use) and first name, NIR, Pôle emploi identifier, numéro d'allocataire,
postal address (street, postcode, commune),
the aménagement de peine flag (judicial information), and the same fields in the history tables (the NIR never
entered them). What is kept, for the statistics, on a record that no longer names anyone:
- the civilité (sex), the département of residence, the niveau de formation;
- the year and month of birth, with a day chosen so that the age on each hiring date stays exact (see
  ``regles.date_naissance_anonymisee``): the CAE-jeunes indicator counts the under-26 at hiring;
- the month of registration at Pôle emploi (first day of the month);
- the situation flags the indicators and the CAOM consumption count (RSA, ASS, AAH, ATA, RQTH): without the
  identity they are statistics, not a person's file.
The conventions themselves (dates, contract, rates, aid, financing) are untouched: counts do not move.
A salarié with a convention still open, or a draft prepared within the year, is not anonymised. A convention
ends on its date of end, of rupture or of annulment, whichever comes first (``regles.fin_effective``): an annulled
convention keeps its person's data one year after its annulment, not after the term it would have run to.
A person has one record per convention (each organisation's entry, ``conventions.models_parties``), linked by
the NIR: the person is anonymised as a whole, every record on that NIR at once, a year after their last convention
whatever its organisation; the NIR is then erased (its identity row deleted).
"""

from datetime import date

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, Least

from cui_portal import horloge

from . import regles

NOM_ANONYME = "ANONYME"


def _fin(prefixe: str = ""):
    """``regles.fin_effective`` in SQL: the earliest of the end, the rupture and the annulment (each coalesced
    with the others, as SQLite's MIN() of a NULL is NULL where PostgreSQL's LEAST() ignores it)."""
    champs = [f"{prefixe}{champ}" for champ in ("date_fin", "date_rupture", "date_annulation")]
    return Least(*(Coalesce(*champs[i:], *champs[:i]) for i in range(len(champs))))


def _conventions_a_garder(limite: date):
    """The conventions that keep their person's data: still open, ended within the year, or a recent draft."""
    from conventions.models import Convention
    from droit.vocabulaire import StatutConvention

    fin = _fin()
    brouillon = Q(statut=StatutConvention.BROUILLON)
    return Convention.objects.annotate(_fin=fin).filter(
        (~brouillon & (Q(_fin__isnull=True) | Q(_fin__gte=limite))) | (brouillon & Q(cree_le__date__gte=limite))
    )


def a_anonymiser(aujourdhui: date):
    """The salariés' records due for anonymisation today (a queryset): a concluded convention's record whose
    person (every record on the same NIR, whatever the organisation) has no convention to keep."""
    from conventions.models_parties import Salarie
    from droit.vocabulaire import StatutConvention

    a_garder = _conventions_a_garder(regles.limite_conservation(aujourdhui)).values("pk")
    fin = _fin("convention__")
    return (
        Salarie.objects.filter(anonymise_le__isnull=True, convention__isnull=False)
        .annotate(derniere_fin=fin)
        .exclude(convention__statut=StatutConvention.BROUILLON)
        .exclude(convention__in=a_garder)
        .exclude(identite__fiches__convention__in=a_garder)
        .order_by("pk")
    )


def anonymiser_un(pk: int, aujourdhui: date) -> list[int]:
    """The person of this record anonymised: every record on the same NIR (one per convention), then the NIR
    itself erased. The ids of the records anonymised (none when the person is no longer due)."""
    from conventions.models import Convention
    from conventions.models_identites import IdentiteSalarie
    from conventions.models_parties import Salarie

    with transaction.atomic():
        salarie = Salarie.objects.select_for_update().filter(pk=pk, anonymise_le__isnull=True).first()
        if salarie is None:
            return []
        identite = salarie.identite
        groupe = Salarie.objects.filter(identite=identite) if identite is not None else Salarie.objects.filter(pk=pk)
        groupe = list(groupe.select_for_update().filter(anonymise_le__isnull=True).order_by("pk"))
        conventions = Convention.objects.filter(salarie__in=groupe)
        fins = [
            regles.fin_effective(c.date_fin, c.date_rupture, c.date_annulation)
            for c in conventions.exclude(statut="brouillon").only("date_fin", "date_rupture", "date_annulation")
        ]
        limite = regles.limite_conservation(aujourdhui)
        if not regles.anonymisable(fins, aujourdhui) or _conventions_a_garder(limite).filter(salarie__in=groupe):
            return []
        embauches = [d for d in conventions.values_list("date_embauche", flat=True) if d]
        for fiche in groupe:
            _anonymiser_fiche(fiche, embauches, aujourdhui)
        if identite is not None:
            IdentiteSalarie.objects.filter(pk=identite.pk).delete()  # the NIR itself, once no record holds it
        return [f.pk for f in groupe]


def _anonymiser_fiche(salarie, embauches: list[date], aujourdhui: date) -> None:
    from conventions.models_parties import Salarie

    valeurs = {
        "nom": NOM_ANONYME,
        "nom_usage": "",
        "prenom": "",
        "identifiant_pole_emploi": "",
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
    salarie.identite = None
    salarie.anonymise_le = aujourdhui
    salarie.save()
    # The history keeps every earlier version of the record: erase the same fields there (and the link to the NIR).
    Salarie.history.filter(id=salarie.pk).update(identite=None, **valeurs)


def anonymiser(aujourdhui: date | None = None, *, dry_run: bool = False) -> list[int]:
    """Anonymise every salarié due; return their ids (with ``dry_run``, those that would be, nothing written)."""
    aujourdhui = aujourdhui or horloge.aujourdhui()
    ids = list(a_anonymiser(aujourdhui).values_list("pk", flat=True))
    if dry_run:
        return ids
    faits: list[int] = []
    for pk in ids:
        if pk not in faits:
            faits += anonymiser_un(pk, aujourdhui)
    return sorted(faits)
