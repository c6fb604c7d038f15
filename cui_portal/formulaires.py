"""Dates and amounts typed the same way in every form: a date in a text box « jj/mm/aaaa » with the DSFR hint
(the DSFR's advice, the same with the keyboard alone), never the browser's native date field whose format depends
on the browser; an amount or a rate with a comma (« 1 043,38 », « 90,5 »), never refused for it."""

from django import forms

FORMATS_DATE = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]
AIDE_DATE = "Format attendu : jj/mm/aaaa."
CHOIX_VIDE = "Sélectionner…"  # the empty choice of a list, never « --------- » (also in select_option.html)
DATE_INVALIDE = "Saisissez une date valide au format jj/mm/aaaa."


def saisie_date(widget: forms.DateInput) -> forms.DateInput:
    """The widget as a text box « jj/mm/aaaa » (its other attributes kept)."""
    widget.input_type = "text"
    widget.format = "%d/%m/%Y"
    widget.attrs.pop("type", None)
    widget.attrs.setdefault("placeholder", "jj/mm/aaaa")
    widget.attrs.setdefault("autocomplete", "off")
    return widget


class DatesEnTexte:
    """Mixin of a form: each date field typed as « jj/mm/aaaa » text, with the hint and a French error; each
    decimal field read and shown the French way (comma, spaces between thousands)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for champ in self.fields.values():
            if isinstance(champ, forms.DateField) and isinstance(champ.widget, forms.DateInput):
                saisie_date(champ.widget)
                champ.input_formats = FORMATS_DATE
                if AIDE_DATE not in (champ.help_text or ""):
                    champ.help_text = f"{champ.help_text or ''} {AIDE_DATE}".strip()
                champ.error_messages["invalid"] = DATE_INVALIDE
            elif isinstance(champ, forms.DecimalField) and isinstance(champ.widget, forms.NumberInput):
                # A model's decimal (the browser's number box, a point only): read and shown with a comma.
                champ.localize = True
                champ.widget.is_localized = True
                champ.widget.input_type = "text"
                champ.widget.attrs.setdefault("inputmode", "decimal")
