from django import template

from comptes.verrouillage import duree_en_francais

register = template.Library()


@register.filter
def duree_fr(duree) -> str:
    """A ``timedelta`` as French prose: « 1 heure », « 30 minutes »."""
    return duree_en_francais(duree) if duree else ""
