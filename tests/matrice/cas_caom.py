"""More matrix lines of the CAOM (issue 5; demo: caom/demo.py), added to the ones of ``cas.py``.

Demo data (2010): Seine-Saint-Denis (93) signed, Paris (75) en négociation, Nord (59) accord de principe,
Pas-de-Calais (62) non engagée.

Rules: a conseil général sees its own département's CAOM only, a region its départements, the DGEFP all
(read-only: 403 on writes). Writes: the region's gestionnaire and administrators. Prescripteurs have no CAOM
page (403); a CAOM outside one's scope is a 404.
"""

from dataclasses import dataclass

from tests.matrice.cas import Cas, tous_sauf


def _caom(code: str):
    def kwargs(ctx):
        from caom.models import Caom

        return {"pk": Caom.objects.get(departement__code=code, annee=2010).pk}

    return kwargs


def _lecteurs(code: str) -> dict:
    if code in ("75", "93"):
        attendu = tous_sauf(404, correspondant=200, gestionnaire=200, national=200, admin=200)
    else:
        attendu = tous_sauf(404, correspondant_nord=200, gestionnaire_nord=200, national=200, admin=200)
    conseil = {"93": "cg93", "59": "cg59"}.get(code)
    if conseil:
        attendu[conseil] = 200
    return attendu


def _ecriture(code: str, succes: int) -> dict:
    """Those who see the CAOM but may not write it: 403; the region's gestionnaire and admin: ``succes``."""
    attendu = {role: 403 if statut == 200 else statut for role, statut in _lecteurs(code).items()}
    attendu["gestionnaire" if code in ("75", "93") else "gestionnaire_nord"] = attendu["admin"] = succes
    return attendu


def _creation(code: str, succes: int) -> dict:
    """Creating a CAOM of ``code``: prescripteurs have no CAOM page (403), the rest as a write."""
    return {**_ecriture(code, succes), "prescripteur": 403, "prescripteur_nord": 403}


def _avis(code: str, succes: int) -> dict:
    """The conseil général's word on its CAOM: its own conseil général only; other readers 403 (the region and
    the DGEFP see the CAOM but do not speak for the département), everyone else 404."""
    attendu = {role: 403 if statut == 200 else statut for role, statut in _lecteurs(code).items()}
    attendu[{"93": "cg93", "59": "cg59"}[code]] = succes
    return attendu


def _etape(code: str):
    def kwargs(ctx):
        from caom.models import Caom

        caom = Caom.objects.get(departement__code=code, annee=2010)
        return {"pk": caom.pk, "etape": caom.etapes.order_by("pk").first().pk}

    return kwargs


CAS = {
    "caom:approuver_texte": [
        Cas(
            "approuver le texte de la CAOM 2010 du Nord (accord de principe)",
            kwargs=_caom("59"),
            methode="post",
            attendu=_avis("59", 302),
        ),
        Cas(
            "approuver le texte de la CAOM signée du 93 : refusé (message)",
            kwargs=_caom("93"),
            methode="post",
            attendu=_avis("93", 302),
        ),
    ],
    "caom:commenter_etape": [
        Cas(
            "commenter une étape de la CAOM 2010 du Nord (texte vide : message, retour au détail)",
            kwargs=_etape("59"),
            methode="post",
            attendu=_avis("59", 302),
        ),
    ],
    "caom:detail": [
        Cas("CAOM 2010 de Paris (pas celle du conseil général du 93)", kwargs=_caom("75"), attendu=_lecteurs("75")),
        Cas("CAOM 2010 du Nord", kwargs=_caom("59"), attendu=_lecteurs("59")),
        Cas("CAOM 2010 du Pas-de-Calais (non engagée)", kwargs=_caom("62"), attendu=_lecteurs("62")),
    ],
    "caom:pdf": [
        Cas("PDF de la CAOM 2010 du Nord", kwargs=_caom("59"), attendu=_lecteurs("59")),
        Cas("PDF de la CAOM 2010 de Paris", kwargs=_caom("75"), attendu=_lecteurs("75")),
    ],
    "caom:modifier": [
        Cas("modifier la CAOM 2010 du Nord", kwargs=_caom("59"), attendu=_ecriture("59", 200)),
        Cas(
            "modifier la CAOM signée du 93 : retour au détail (avenant seulement)",
            kwargs=_caom("93"),
            attendu=_ecriture("93", 302),
        ),
    ],
    "caom:supprimer": [
        Cas(
            "supprimer la CAOM du Pas-de-Calais, non engagée (page de confirmation)",
            kwargs=_caom("62"),
            attendu=_ecriture("62", 200),
        ),
        Cas("supprimer la CAOM signée du 93 : retour au détail", kwargs=_caom("93"), attendu=_ecriture("93", 302)),
    ],
    "caom:etape": [
        Cas(
            "étape de la CAOM du Nord (formulaire vide : message, retour au détail)",
            kwargs=_caom("59"),
            methode="post",
            attendu=_ecriture("59", 302),
        ),
        Cas(
            "étape de la CAOM signée du 93",
            kwargs=_caom("93"),
            methode="post",
            attendu=_ecriture("93", 302),
        ),
    ],
    "caom:avenant": [
        Cas(
            "avenant à la CAOM non signée du Nord : retour au détail",
            kwargs=_caom("59"),
            attendu=_ecriture("59", 302),
        ),
    ],
    "caom:mode_exceptionnel": [
        Cas(
            "mode exceptionnel sur la CAOM 2010 de Paris (formulaire vide : refusé au champ)",
            kwargs=_caom("75"),
            methode="post",
            attendu=_ecriture("75", 400),
        ),
    ],
}


@dataclass
class CasCreation(Cas):
    """``caom:creer`` takes the département's pk in the query string: known only once the data exist, so the
    query string is built when the test reads it."""

    departement: str = ""
    annee: int = 2011

    @property
    def requete(self) -> str:
        from referentiels.models import Departement

        return f"annee={self.annee}&departement={Departement.objects.get(code=self.departement).pk}"

    @requete.setter
    def requete(self, valeur) -> None:
        pass


CAS["caom:creer"] = [
    # The demonstration holds the CAOM 2011 of every département it shows (at each step): a new one is of 2012.
    CasCreation(
        "nouvelle CAOM 2012 de la Seine-Saint-Denis", attendu=_creation("93", 200), departement="93", annee=2012
    ),
    CasCreation("nouvelle CAOM 2012 du Nord", attendu=_creation("59", 200), departement="59", annee=2012),
    CasCreation(
        "nouvelle CAOM 2010 du Nord : elle existe, on va à son détail",
        attendu=_creation("59", 302),
        departement="59",
        annee=2010,
    ),
]
