"""Failures that surface: a broken file is the person's to fix (French message); a bug of ours is raised."""

import zipfile
from io import BytesIO

import pytest
from django.urls import NoReverseMatch

from arretes.importation import ErreurFichier, lire_tableau
from cui_portal import tableurs
from rappels.collecte import chemin
from tests.arretes.fichiers import lignes_completes, xlsx


def classeur_a_la_feuille_cassee() -> bytes:
    sain = zipfile.ZipFile(BytesIO(xlsx(lignes_completes())))
    tampon = BytesIO()
    with zipfile.ZipFile(tampon, "w") as casse:
        for nom in sain.namelist():
            casse.writestr(nom, b"<pas du xml" if nom.endswith("sheet1.xml") else sain.read(nom))
    return tampon.getvalue()


@pytest.mark.parametrize(
    "contenu",
    [b"", b"PK\x03\x04pas un zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, classeur_a_la_feuille_cassee()],
    ids=["vide", "zip-tronque", "ole-protege", "feuille-cassee"],
)
def test_un_classeur_illisible_est_une_erreur_de_fichier_en_francais(contenu):
    with pytest.raises(ErreurFichier, match="illisible ou protégé"):
        lire_tableau("xlsx", contenu)


def test_un_bogue_pendant_la_lecture_n_est_pas_deguise_en_fichier_illisible(monkeypatch):
    def bogue(*args, **kwargs):
        raise RuntimeError("bogue du portail")

    monkeypatch.setattr(tableurs, "load_workbook", bogue)
    with pytest.raises(RuntimeError, match="bogue du portail"):
        lire_tableau("xlsx", xlsx(lignes_completes()))


def test_un_lien_de_rappel_casse_leve_au_lieu_de_pointer_vers_l_accueil():
    with pytest.raises(NoReverseMatch):
        chemin("tableau_de_bord:page_qui_n_existe_pas")
    assert chemin("arretes:liste") == "/arretes/"


@pytest.mark.django_db
def test_un_gabarit_de_courriel_casse_n_est_pas_repris_comme_une_panne_du_serveur(demo, monkeypatch):
    """Only the e-mail server's errors are retried on the next run; a template bug is raised."""
    from datetime import date

    from rappels import services
    from tests.rappels.test_arretes import publier_sauf

    publier_sauf(2011, "11")

    def gabarit_casse(demande):
        raise KeyError("variable absente du gabarit")

    monkeypatch.setattr(services, "message", gabarit_casse)
    with pytest.raises(KeyError):
        services.executer(date(2010, 11, 1))


def test_une_seule_facon_d_envoyer_une_tache():
    """``cui_portal.taches.envoyer_tache`` only: a plain ``delay`` raises into the request when Redis is down."""
    import re
    from pathlib import Path

    racine = Path(__file__).resolve().parents[1]
    motif = re.compile(r"\.(delay|delay_on_commit|apply_async)\(")
    exclus = {"tests", "benchmarks", ".venv", "node_modules", "migrations"}
    trouves = [
        f"{chemin.relative_to(racine)}:{numero}: {ligne.strip()}"
        for chemin in racine.rglob("*.py")
        if not exclus & set(chemin.relative_to(racine).parts) and chemin != racine / "cui_portal" / "taches.py"
        for numero, ligne in enumerate(chemin.read_text(encoding="utf-8").splitlines(), 1)
        if motif.search(ligne) and not ligne.lstrip().startswith("#")
    ]
    assert not trouves, "Envoyez les tâches avec cui_portal.taches.envoyer_tache :\n" + "\n".join(trouves)
