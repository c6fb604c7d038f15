"""More matrix lines of the public aid simulator, added to the ones of ``cas.py``.

The simulator is public (everyone 200, anonymous included). It takes the rate of a region's arrêté only once
published: the 2011 draft of Nord-Pas-de-Calais must not leak through it (the API answers 400, the page shows
the error), whereas the published 2011 arrêté of Île-de-France gives a result.
"""

from tests.matrice.cas import Cas

PUBLIC = "public=jeunes-moins-26-ans&contrat=CAE&heures=26&date=2011-01-03"
ARRETE_PUBLIE = f"region=11&{PUBLIC}"
ARRETE_BROUILLON = f"region=31&{PUBLIC}"

CAS = {
    "simulateur:simulateur": [
        Cas("simulateur au taux de l'arrêté publié d'Île-de-France", requete=ARRETE_PUBLIE, anonyme=200),
        Cas("simulateur sur une région dont l'arrêté est en brouillon", requete=ARRETE_BROUILLON, anonyme=200),
    ],
    "simulateur:resultat": [
        Cas("fragment : taux de l'arrêté publié d'Île-de-France", requete=ARRETE_PUBLIE, anonyme=200),
        Cas("fragment : arrêté en brouillon, erreur affichée", requete=ARRETE_BROUILLON, anonyme=200),
        Cas("fragment sans paramètre (valeurs initiales)", anonyme=200),
    ],
    "api-simulation": [
        Cas("API : taux de l'arrêté publié d'Île-de-France", requete=ARRETE_PUBLIE, anonyme=200),
        Cas(
            "API : en janvier 2011 le Nord-Pas-de-Calais prescrit sur son arrêté 2010, toujours en vigueur (le "
            "brouillon 2011 n'est pas appliqué)",
            requete=ARRETE_BROUILLON,
            defaut=200,
            anonyme=200,
        ),
        Cas(
            "API : entrée refusée (taux au-dessus du plafond CAE)",
            requete="contrat=CAE&taux=99&heures=26&date=2010-02-01",
            defaut=400,
            anonyme=400,
        ),
    ],
}
