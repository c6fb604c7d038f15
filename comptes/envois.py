"""Creating forms protected against double submits by a one-time token.

A creating form inherits ``EnvoiUnique`` (a hidden ``jeton_envoi``, a fresh UUID on each page shown, kept when the
form comes back with errors); its view saves through ``enregistrer_une_fois``::

    if request.method == "POST" and form.is_valid():
        destination, premier = enregistrer_une_fois(request, form, lambda: creer_et_rendre_l_adresse(form))
        if not premier:
            messages.info(request, DEJA_ENREGISTRE)
        return redirect(destination)

The token is inserted (unique in the database) in the same transaction as the object: of several submissions of
one page, parallel or not, the first creates the object and stores the page to go to; the others wait for its
commit on the unique index, then go to that page without writing anything. Tokens older than
``CONSERVATION_JETONS`` are purged.
"""

import uuid
from collections.abc import Callable
from datetime import timedelta

from django import forms
from django.db import IntegrityError, transaction

from cui_portal import horloge

from .models import EnvoiFormulaire

CONSERVATION_JETONS = timedelta(days=2)  # a page left open longer is shown again: a technical choice
DEJA_ENREGISTRE = "Ce formulaire avait déjà été envoyé : il n'a été enregistré qu'une fois."
EXPIRE = "Ce formulaire a expiré : rechargez la page puis saisissez-le à nouveau."


class EnvoiUnique(forms.Form):
    """The hidden one-time token of a creating form."""

    # Checked in ``clean``: the error of a hidden field would not be shown at a field the person sees.
    jeton_envoi = forms.CharField(widget=forms.HiddenInput, required=False, max_length=36)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(getattr(self, "instance", None), "pk", None):
            del self.fields["jeton_envoi"]  # a change of an existing object: sending it twice changes nothing more
        elif not self.is_bound:
            self.initial.setdefault("jeton_envoi", uuid.uuid4())

    def clean(self):
        donnees = super().clean()
        if protege(self):
            try:
                donnees["jeton_envoi"] = uuid.UUID(donnees.get("jeton_envoi") or "")
            except ValueError:
                self.add_error(None, EXPIRE)
        return donnees


def protege(form) -> bool:
    """The form carries a one-time token (a creating ``EnvoiUnique``)."""
    return "jeton_envoi" in form.fields


def enregistrer_une_fois(request, form: EnvoiUnique, enregistrer: Callable[[], str]) -> tuple[str | None, bool]:
    """Run ``enregistrer`` (it writes and returns the page to go to) once per token; return (page, first time).
    The page is None for a token consumed without a page (another person's, or a failed write): the form is to
    be shown again with ``EXPIRE``."""
    jeton = form.cleaned_data["jeton_envoi"]
    with transaction.atomic():
        try:
            with transaction.atomic():
                envoi = EnvoiFormulaire.objects.create(jeton=jeton, utilisateur=request.user)
        except IntegrityError:
            deja = EnvoiFormulaire.objects.filter(jeton=jeton, utilisateur=request.user).first()
            return (deja.destination or None) if deja else None, False
        destination = enregistrer()
        envoi.destination = destination[:500]
        envoi.save(update_fields=["destination"])
    EnvoiFormulaire.objects.filter(cree_le__lt=horloge.instant_reel() - CONSERVATION_JETONS).delete()
    return destination, True
