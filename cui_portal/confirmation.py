"""Confirm before the irreversible: a page, without JavaScript, that says what will happen and what cannot be undone.

A view that acts irreversibly on a POST calls, once its form is valid and just before acting::

    page = demander_confirmation(request, Confirmation(titre=…, action=…, consequences=[…], irreversible=…,
                                                       retour=url))
    if page is not None:
        return page

Without ``confirme=1`` in the POST it renders ``confirmation.html``: the text, a form that sends the same fields
again (the one-time tokens of ``comptes.envois`` included) with ``confirme=1``, and a link back. The server
never acts without it: a POST that skips the page (an old form, a script) gets the page, not the action.
"""

from dataclasses import dataclass, field

from django.shortcuts import render

CHAMP = "confirme"
IGNORES = frozenset({"csrfmiddlewaretoken", CHAMP})


@dataclass(frozen=True)
class Confirmation:
    titre: str  # the page's title and heading: « Conclure la convention ? »
    action: str  # the confirming button: « Oui, conclure la convention »
    consequences: list[str]  # what will happen, one sentence each
    irreversible: str  # what cannot be undone
    retour: str  # where « Annuler » leads
    fil: list[tuple[str, str]] = field(default_factory=list)  # the breadcrumb's links before the page
    # (label, value of ``action``): a second button that sends the same fields with that action instead, so that
    # going back keeps what was typed (« Enregistrer le brouillon sans le transmettre »).
    autre_envoi: tuple[str, str] | None = None


def confirme(request) -> bool:
    return request.method == "POST" and request.POST.get(CHAMP) == "1"


def demander_confirmation(request, confirmation: Confirmation):
    """``None`` when the POST carries the confirmation; otherwise the confirmation page (nothing is done)."""
    if confirme(request):
        return None
    champs = [(nom, valeur) for nom, valeurs in request.POST.lists() if nom not in IGNORES for valeur in valeurs]
    return render(
        request,
        "confirmation.html",
        {
            "title": confirmation.titre,
            "confirmation": confirmation,
            "champs": champs,
            "champs_sans_action": [(nom, valeur) for nom, valeur in champs if nom != "action"],
            "champ": CHAMP,
        },
    )
