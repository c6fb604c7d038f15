"""The law's numbers are written once, in ``droit/nombres.py``: no module redefines one.

A module-level name set to a legal number (20, 35, 95, 105, 47, 0.88, 0.25, 7, 25), or a ``timedelta`` of 7 or
25 days, outside ``droit/`` is a second definition that will drift from the first: import it from
``droit.nombres`` instead.
"""

import re
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
REDEFINITION = re.compile(r"""^\s*[A-Z_]+ = (Decimal\()?["']?(20|35|95|105|47|0\.88|0\.25|7|25)\b""")
DELAI = re.compile(r"timedelta\(days=(7|25)\)")

EXCLUS = {
    "droit",  # where the numbers live
    "tests",
    "migrations",  # frozen history
    "benchmarks",
    ".venv",
    "node_modules",
}
FICHIERS_EXCLUS = {"demo.py"}  # demonstration data, not rules

# Names equal to a legal number by coincidence, not by law (each says what it is).
COINCIDENCES = {
    ("rappels/regles.py", "RATTRAPAGE"),  # days a missed reminder is still sent: the portal's choice
    ("rappels/planification.py", "CONSERVATION_JOURS"),  # days a finished export's file is kept: the portal's choice
    ("simulateur/forms.py", "LONGUEUR_MAX_NOMBRE"),  # characters of a number typed in the simulator: input bound
    ("cui_portal/settings/base.py", "TAILLE_PAGE"),  # rows per page of every list: the portal's choice
}


def fichiers():
    for chemin in sorted(RACINE.rglob("*.py")):
        relatif = chemin.relative_to(RACINE)
        if EXCLUS & set(relatif.parts) or relatif.name in FICHIERS_EXCLUS:
            continue
        yield relatif, chemin.read_text(encoding="utf-8")


def redefinitions() -> list[str]:
    trouvees = []
    for relatif, texte in fichiers():
        for numero, ligne in enumerate(texte.splitlines(), 1):
            nom = ligne.split("=", 1)[0].strip()
            if (REDEFINITION.match(ligne) and (relatif.as_posix(), nom) not in COINCIDENCES) or DELAI.search(ligne):
                trouvees.append(f"{relatif}:{numero}: {ligne.strip()}")
    return trouvees


def test_aucun_nombre_de_la_loi_n_est_redefini():
    trouvees = redefinitions()
    assert not trouvees, "Nombres de la loi redéfinis hors de droit/nombres.py :\n" + "\n".join(trouvees)


def test_le_motif_trouve_une_redefinition():
    """The test itself: the patterns catch what they are meant to catch."""
    for ligne in ('PLAFOND = Decimal("95")', "HEURES_MIN = 20", "    DELAI = 7", 'PART = Decimal("0.25")'):
        assert REDEFINITION.match(ligne), ligne
    for ligne in ("ANNEE = 2010", "TAILLE = 200", "X = 250", "HEURES_MIN = nombres.HEURES_MIN"):
        assert not REDEFINITION.match(ligne), ligne
    assert DELAI.search("limite = jour + timedelta(days=7)") and not DELAI.search("timedelta(days=70)")


def test_les_coincidences_existent_encore():
    """An entry of COINCIDENCES that no longer matches anything is removed, not kept as a blind spot."""
    for fichier, nom in COINCIDENCES:
        texte = (RACINE / fichier).read_text(encoding="utf-8")
        assert re.search(rf"^{nom} = ", texte, re.MULTILINE), (fichier, nom)


# Every template writes the law's numbers through ``{{ droit.… }}``.
GABARITS = [
    "arretes",
    "caom",
    "rappels",
    "tableau_de_bord",
    "referentiels",
    "comptes",
    "conventions",
    "simulateur",
    "templates",
]
NOMBRE_DANS_UN_GABARIT = re.compile(
    r"\b(95|105|47|88|25) ?%|\b20 (à|et) 35\b|\b(7|25) jours\b|\b(6|24|60) mois\b", re.IGNORECASE
)


def test_les_gabarits_lisent_les_nombres_de_la_loi_dans_droit():
    trouvees = [
        f"{chemin.relative_to(RACINE)}:{numero}: {ligne.strip()[:120]}"
        for dossier in GABARITS
        for chemin in sorted((RACINE / dossier).rglob("*.html"))
        for numero, ligne in enumerate(chemin.read_text(encoding="utf-8").splitlines(), 1)
        if NOMBRE_DANS_UN_GABARIT.search(ligne)
    ]
    assert not trouvees, "Écrivez {{ droit.… }} plutôt que le nombre :\n" + "\n".join(trouvees)


def test_le_processeur_de_contexte_expose_les_nombres_de_la_loi(rf):
    from django.template import engines

    from cui_portal.context_processors import droit
    from droit import nombres

    contexte = droit(rf.get("/"))["droit"]
    assert contexte["HEURES_MIN"] == nombres.HEURES_MIN and contexte["PLAFOND_CAE"] == nombres.PLAFOND_CAE
    assert contexte["PART_CG_DU_RSA_EN_POURCENT"] == "88\u00a0%"
    assert contexte["PART_MAX_IMMERSION_EN_POURCENT"] == "25\u00a0%"
    gabarit = engines["django"].from_string("{{ droit.HEURES_MIN }} à {{ droit.HEURES_MAX }} h")
    assert gabarit.render({}, rf.get("/")) == "20 à 35 h"


def test_une_page_et_un_pdf_ecrivent_les_nombres_de_droit(connecter, demo, monkeypatch):
    """The CAOM page and its PDF (rendered without a request, so without context processors) both get ``droit``."""
    from datetime import date

    from django.template import loader
    from django.urls import reverse

    from caom.models import Caom
    from cui_portal import pdf
    from referentiels.models import Departement

    caom = Caom.objects.create(
        departement=Departement.objects.get(code="93"), annee=2010, date_reference=date(2009, 11, 5)
    )
    client = connecter("gestionnaire")
    assert "88\u00a0% du RSA forfaitaire" in client.get(reverse("caom:detail", args=[caom.pk])).content.decode()

    rendus = []

    def garder(*args, **kwargs):
        rendus.append(loader.render_to_string(*args, **kwargs))
        return rendus[-1]

    monkeypatch.setattr(pdf, "render_to_string", garder)
    assert client.get(reverse("caom:pdf", args=[caom.pk])).status_code == 200
    assert "de 20 à 35 heures" in rendus[0] and "88\u00a0% du montant forfaitaire" in rendus[0]
