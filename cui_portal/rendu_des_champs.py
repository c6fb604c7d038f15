"""The fields of the search forms (the filters above every list) written in Python, in the DSFR: the same markup
as ``crispy_dsfr/champ.html`` and Django's widget templates give, without one template per field and per option
(``{{ champ|widget_dsfr }}`` in ``templates/includes/champ_filtre.html``).

A list page renders some fifteen filters, three of them lists of every région, département and public: through
crispy and the widget templates they were half of the page's time. A widget of another kind keeps its template.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from cui_portal.formulaires import CHOIX_VIDE

# The widgets whose template is Django's ``input.html`` with nothing added.
SAISIES = (forms.TextInput, forms.DateInput, forms.NumberInput, forms.EmailInput, forms.HiddenInput)


def est_liste(champ) -> bool:
    """A list (``fr-select``) rather than a box (``fr-input``)."""
    return isinstance(champ.field.widget, forms.Select)


def attributs_dsfr(champ) -> dict:
    """The DSFR class (``fr-select`` or ``fr-input``, ``--error`` when wrong) and the ``aria-describedby`` of the
    field's hint and errors."""
    classe = "fr-select" if est_liste(champ) else "fr-input"
    attrs = {"class": f"{classe} {classe}--error" if champ.errors else classe}
    decrit = [f"{champ.auto_id}_helptext"] if champ.help_text else []
    if champ.errors:
        decrit.append(f"{champ.auto_id}-erreurs")
    if decrit:
        attrs["aria-describedby"] = " ".join(decrit)
    return attrs


def widget_dsfr(champ) -> str:
    widget = champ.field.widget
    attrs = attributs_dsfr(champ)
    if type(widget) is forms.Select:
        return _liste(champ, attrs)
    if type(widget) in SAISIES:
        return _saisie(champ, attrs)
    return champ.as_widget(attrs=attrs)


def _contexte(champ, attrs) -> dict:
    contexte = champ.field.widget.get_context(champ.html_name, champ.value(), champ.build_widget_attrs(attrs))
    widget = contexte["widget"]
    if champ.auto_id and "id" not in widget["attrs"]:
        widget["attrs"]["id"] = champ.auto_id
    return widget


def _saisie(champ, attrs) -> str:
    """``django/forms/widgets/input.html``: type, name, value when there is one, attributes."""
    widget = _contexte(champ, attrs)
    valeur = format_html(' value="{}"', widget["value"]) if widget["value"] is not None else ""
    return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], valeur, _attrs(widget))


def _liste(champ, attrs) -> str:
    """``django/forms/widgets/select.html``: its options (and groups), the empty one read « Sélectionner… »."""
    widget = _contexte(champ, attrs)

    def options(groupe):
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    option["value"] if option["value"] is not None else "",
                    mark_safe(" selected") if option["selected"] else "",
                    CHOIX_VIDE if option["label"] == "---------" else option["label"],
                )
                for option in groupe
            ),
        )

    contenu = format_html_join(
        "",
        "{}",
        (
            (format_html('<optgroup label="{}">{}</optgroup>', nom, options(groupe)) if nom else options(groupe),)
            for nom, groupe, _ in widget["optgroups"]
        ),
    )
    return format_html('<select name="{}"{}>{}</select>', widget["name"], _attrs(widget), contenu)


def _attrs(widget) -> str:
    """``django/forms/widgets/attrs.html``: ``True`` alone, ``False`` left out."""
    attrs = {nom: (nom if valeur is True else valeur) for nom, valeur in widget["attrs"].items() if valeur is not False}
    return flatatt(attrs)
