"""The French messages of the database constraints, and where a form shows them.

A person never reads a constraint's name: every ``CheckConstraint`` / ``UniqueConstraint`` carries a
``violation_error_message`` that says the limit and its source (``refus``). Django shows a failed constraint at the
top of a ``ModelForm``; ``ContraintesAuxChamps`` moves it to the field it concerns when that field is clear.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import CheckConstraint, UniqueConstraint


def refus(texte: str) -> str:
    """A constraint's message: Django formats it with ``% {"name": …}``, so a « % » of the text is doubled."""
    return texte.replace("%", "%%")


def ou(choix) -> str:
    """« Brouillon », « Publié » ou « Abrogé »: the labels of a ``TextChoices``, for a message."""
    libelles = [f"« {libelle} »" for libelle in choix.labels]
    return libelles[0] if len(libelles) == 1 else f"{', '.join(libelles[:-1])} ou {libelles[-1]}"


def message_de(modele, nom: str) -> str:
    """The French message of the constraint ``nom`` of ``modele`` (for a form that checks it itself)."""
    for contrainte in modele._meta.constraints:
        if contrainte.name == nom:
            return contrainte.get_violation_error_message()
    raise LookupError(f"{modele.__name__} n'a pas de contrainte « {nom} ».")


def message_d_integrite(modele, erreur) -> str:
    """The French message of the constraint of ``modele`` a database error names (a race past the form's checks);
    an error naming none of them is not ours to hide and is raised again."""
    texte = str(erreur)
    for contrainte in modele._meta.constraints:
        if contrainte.name in texte:
            return contrainte.get_violation_error_message()
    raise erreur


def champs_de(contrainte) -> set[str]:
    """The model fields a constraint reads."""
    champs = set(getattr(contrainte, "fields", ()) or ())
    condition = getattr(contrainte, "condition", None)
    if isinstance(contrainte, CheckConstraint) or (isinstance(contrainte, UniqueConstraint) and not champs):
        champs |= set(condition.referenced_base_fields) if condition is not None else set()
    return champs


class ContraintesAuxChamps:
    """``ModelForm`` mixin: a failed constraint's message goes to its field rather than to the top of the form.

    The field is the only one of the form the constraint reads, or the one named in ``champs_des_contraintes``
    (constraint name -> field) when it reads several."""

    champs_des_contraintes: dict[str, str] = {}

    def _champ_de(self, contrainte) -> str | None:
        if contrainte.name in self.champs_des_contraintes:
            return self.champs_des_contraintes[contrainte.name]
        dans_le_formulaire = [c for c in champs_de(contrainte) if c in self.fields]
        return dans_le_formulaire[0] if len(dans_le_formulaire) == 1 else None

    def _post_clean(self):
        super()._post_clean()
        generales = self._errors.get(NON_FIELD_ERRORS)
        if not generales:
            return
        champ_par_message = {}
        for contrainte in self._meta.model._meta.constraints:
            champ = self._champ_de(contrainte)
            if champ:
                champ_par_message[contrainte.get_violation_error_message()] = champ
        a_deplacer = [(e, champ_par_message.get(e.message)) for e in generales.as_data()]
        a_deplacer = [(e, champ) for e, champ in a_deplacer if champ]
        if not a_deplacer:
            return
        restantes = [e for e in generales.as_data() if e not in [d for d, _ in a_deplacer]]
        if restantes:
            self._errors[NON_FIELD_ERRORS] = self.error_class(restantes, error_class="nonfield", renderer=self.renderer)
        else:
            del self._errors[NON_FIELD_ERRORS]
        for erreur, champ in a_deplacer:
            self.add_error(champ, erreur)
