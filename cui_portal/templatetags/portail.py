"""The project's template tags (``{% load portail %}``, declared in ``TEMPLATES["OPTIONS"]["libraries"]``: the
project package is not an app): status badges, the query string of the pagination links, « de » before a
territory."""

from decimal import Decimal, InvalidOperation

from django import template
from django.db import models
from django.utils.html import format_html

from cui_portal import badges, noms_de_lieux, rendu_des_champs

register = template.Library()


@register.simple_tag
def badge_statut(valeur, choix: str = "", champ: str = "statut", taille: str = "sm"):
    """A DSFR badge with the label and the colour of a status.

    ``{% badge_statut convention %}`` reads the model's ``statut`` field (``champ="…"`` for another one) and
    finds its set of choices from the field's; ``{% badge_statut ligne.etat "EtatPublication" %}`` names the
    set for a plain value. A value its set does not know shows itself in the set's default colour; without a
    declared set, the badge is neutral."""
    ensemble = badges.choix_de(choix) if choix else None
    if isinstance(valeur, models.Model):
        champ_modele = valeur._meta.get_field(champ)
        ensemble = ensemble or badges.choix_des_valeurs(v for v, _ in champ_modele.flatchoices)
        valeur = getattr(valeur, champ)
    elif isinstance(valeur, models.Choices) and ensemble is None:
        ensemble = badges.choix_de(type(valeur).__name__)
    if valeur is None or valeur == "":
        return "—"
    cle = str(valeur.value if isinstance(valeur, models.Choices) else valeur)
    libelle = ensemble.libelles.get(cle, cle) if ensemble else cle
    couleur = ensemble.couleur(cle) if ensemble else badges.NEUTRE
    classes = " ".join(
        c for c in ("fr-badge", f"fr-badge--{taille}" if taille else "", f"fr-badge--{couleur}" if couleur else "") if c
    )
    return format_html('<span class="{}">{}</span>', classes, libelle)


@register.simple_tag(takes_context=True)
def parametres_sans_page(context) -> str:
    """The current query string without ``page``, URL-encoded (« A&B » stays one search), for pagination links."""
    requete = context.get("request")
    if requete is None:
        return ""
    parametres = requete.GET.copy()
    parametres.pop("page", None)
    return parametres.urlencode()


@register.filter
def de(territoire) -> str:
    """« de » before a territory's name, with its article and elision: ``{{ region|de }}`` gives « d'Île-de-France »,
    ``{{ departement|de }}`` « de la Seine-Saint-Denis » (the ``de_nom`` of ``referentiels``' Region and
    Departement, from INSEE's kind of name); a plain name gets « de », elided before a vowel."""
    if territoire is None or territoire == "":
        return ""
    forme = getattr(territoire, "de_nom", None)
    if forme is not None:
        return forme
    return noms_de_lieux.de(str(territoire))


@register.filter
def pourcent(valeur) -> str:
    """A rate as the pages write it: « 103,5 % », « 95 % », « 90,25 % » (two decimals at most, no trailing zero,
    a no-break space before « % »); nothing gives « — »."""
    if valeur is None or valeur == "":
        return "—"
    try:
        arrondi = Decimal(str(valeur)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(valeur)
    texte = f"{arrondi:f}"
    if "." in texte:
        texte = texte.rstrip("0").rstrip(".")
    return texte.replace(".", ",") + "\u00a0%"


@register.filter
def widget_dsfr(champ) -> str:
    return rendu_des_champs.widget_dsfr(champ)


@register.filter
def est_select(champ) -> bool:
    return rendu_des_champs.est_liste(champ)
