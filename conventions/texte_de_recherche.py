"""The search box of the conventions list in one column: ``Convention.recherche`` holds the convention's number,
the employer's raison sociale and the employee's names (nom, nom d'usage, prénom) in lower case and without
accents, with its trigram index (PostgreSQL, migration ``0014``). The list searches one index, and each word typed
must be found (« rousse marie » finds Marie Rousse, not every Marie): at a million conventions the union of three
indexes, computed twice (count and page), cost a second.

The text is written by the database itself, in one ``UPDATE`` (``rafraichir``), from the rows it is made of:
after any save of a convention, of its employer's record or of its employee's record (``conventions.signaux``),
so an anonymised employee can no longer be found by their name. The column is kept out of the history."""

from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from cui_portal.recherche import SansAccents, sans_accents, texte_recherche

MOTS_MAX = 5  # words of one search (each must be found)
CHAMPS_DE_LA_CONVENTION = frozenset({"numero", "employeur", "employeur_id", "salarie", "salarie_id"})


def _concat(*parties):
    espacees = []
    for partie in parties:
        espacees += [Coalesce(partie, Value(""), output_field=TextField()), Value(" ")]
    return Concat(*espacees[:-1], output_field=TextField())


def expression(employeurs=None, salaries=None):
    """The column's value in SQL, for an ``UPDATE`` of conventions (models given by a migration, else the live
    ones)."""
    if employeurs is None or salaries is None:
        from .models_parties import Employeur, Salarie

        employeurs, salaries = employeurs or Employeur, salaries or Salarie
    employeur = employeurs.objects.filter(pk=OuterRef("employeur_id")).values("raison_sociale")[:1]
    salarie = (
        salaries.objects.filter(pk=OuterRef("salarie_id"))
        .annotate(_noms=_concat(F("nom"), F("nom_usage"), F("prenom")))
        .values("_noms")[:1]
    )
    return SansAccents(_concat(F("numero"), Subquery(employeur), Subquery(salarie)))


def rafraichir(conventions, employeurs=None, salaries=None) -> int:
    """Rewrite the search text of these conventions from their current rows (one query)."""
    return conventions.update(recherche=expression(employeurs, salaries))


def mots(texte) -> list[str]:
    """The words searched, as the column holds them: « Aïcha  BENALI » → [« aicha », « benali »]."""
    return sans_accents(texte_recherche(texte)).split()[:MOTS_MAX]


def condition(texte) -> Q:
    """Every word is in the text (an empty search matches everything)."""
    return Q(*[Q(recherche__contains=mot) for mot in mots(texte)])


def a_rafraichir(update_fields) -> bool:
    """A save of a convention changes its text unless it names only other fields."""
    return update_fields is None or bool(CHAMPS_DE_LA_CONVENTION & set(update_fields))
