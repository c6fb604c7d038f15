"""Territory names as French writes them: with their article and elision (« l'Essonne », « les Yvelines »), after
« de » (« de l'Essonne », « des Yvelines », « du Val-de-Marne », « de la Seine-Saint-Denis », « d'Île-de-France »,
« de La Réunion »). The kind of name is the INSEE's « type de nom en clair » (TNCC) of the code officiel
géographique, kept with each region and département in ``fixtures/referentiels.json``. Pure functions."""

from django.db import models


class TypeNom(models.IntegerChoices):
    """INSEE's TNCC: the article of the name and the « charnière » that follows « de »."""

    SANS_ARTICLE = 0, "sans article, « de » (Paris, La Réunion)"
    SANS_ARTICLE_VOYELLE = 1, "sans article, « d' » (Île-de-France)"
    LE = 2, "« le », « du » (le Val-de-Marne)"
    LA = 3, "« la », « de la » (la Seine-Saint-Denis)"
    LES = 4, "« les », « des » (les Yvelines)"
    L_APOSTROPHE = 5, "« l' », « de l' » (l'Essonne)"
    AUX = 6, "« aux », « des »"


# (INSEE's kinds 7 and 8, « las » and « los », name only communes.)
ARTICLES = {0: "", 1: "", 2: "le ", 3: "la ", 4: "les ", 5: "l'", 6: "aux "}
CHARNIERES = {0: "de ", 1: "d'", 2: "du ", 3: "de la ", 4: "des ", 5: "de l'", 6: "des "}
VOYELLES = "aeiouàâäéèêëîïôöùûüœæ"  # h and y are not sure: the TNCC says


def avec_article(nom: str, tncc: int | None) -> str:
    """« Essonne », 5 → « l'Essonne »."""
    return f"{ARTICLES.get(tncc, '')}{nom}"


def de(nom: str, tncc: int | None = None) -> str:
    """« Essonne », 5 → « de l'Essonne »; without a known kind, « de » elided before a vowel."""
    if tncc in CHARNIERES:
        return f"{CHARNIERES[tncc]}{nom}"
    return f"d'{nom}" if nom[:1].lower() in VOYELLES else f"de {nom}"
