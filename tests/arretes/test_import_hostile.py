"""The rates import facing the files of the attack (issue 15): bombs, bare-CR lines, a 7 MB quoted field. Each
ends in a short French refusal on the preview (never a 500), and nothing large is kept in the import row."""

import pytest
from django.urls import reverse

from arretes.models import ImportTaux, StatutImport, TauxPriseEnCharge
from tests.fichiers_hostiles import chaine_partagee, classeur, feuille_d_une_ligne

from .factories import creer_arrete
from .fichiers import fichier, lignes_completes

pytestmark = pytest.mark.django_db

TAILLE_RAISONNABLE = 64 * 1024  # bytes: a preview page of a refused file, everything included


@pytest.fixture
def brouillon(demo):
    return creer_arrete("11", 2010, numero="2009-1187", avec_taux=False)


def deposer(client, arrete, contenu, nom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # a file over 100 KB is checked by a task
        reponse = client.post(reverse("arretes:importer", args=[arrete.pk]), {"fichier": fichier(contenu, nom)})
    assert reponse.status_code == 302
    return client.get(reponse["Location"])


@pytest.mark.parametrize(
    ("fabrique", "nom", "extrait"),
    [
        (lambda: classeur(chaine_partagee(300_000_000)), "taux.xlsx", "une fois décompressé"),
        (lambda: classeur(feuille_d_une_ligne(3_000_000)), "taux.xlsx", "une fois décompressé"),
        (
            lambda: b'contrat;public;taux;heures_max\nCAE;"' + b"x" * 7_000_000 + b'";90;20\n',
            "taux.csv",
            "La ligne 2 compte plus de",
        ),
    ],
    ids=["chaine-de-300-mo", "ligne-de-3-millions-de-cellules", "champ-de-7-mo"],
)
def test_un_fichier_hostile_est_refuse_brievement(
    connecter, brouillon, fabrique, nom, extrait, django_capture_on_commit_callbacks
):
    apercu = deposer(connecter("gestionnaire"), brouillon, fabrique(), nom, django_capture_on_commit_callbacks)
    assert apercu.status_code == 200
    assert "Le fichier ne peut pas être lu" in apercu.content.decode() and extrait in apercu.content.decode()
    assert len(apercu.content) < TAILLE_RAISONNABLE
    depot = ImportTaux.objects.get(arrete=brouillon)
    assert depot.statut == StatutImport.INVALIDE and bytes(depot.contenu) == b""
    assert len(depot.erreurs_fichier) == 1 and len(depot.erreurs_fichier[0]) < 400 and depot.lignes == []
    assert not TauxPriseEnCharge.objects.filter(arrete=brouillon).exists()


def test_un_csv_aux_fins_de_ligne_cr_seules_est_lu(connecter, brouillon, django_capture_on_commit_callbacks):
    texte = "\r".join(";".join(str(v) for v in ligne) for ligne in [["contrat", "public", "taux", "heures_max"]])
    texte += "".join("\r" + ";".join(str(v) for v in ligne) for ligne in lignes_completes())
    apercu = deposer(
        connecter("gestionnaire"), brouillon, texte.encode(), "taux.csv", django_capture_on_commit_callbacks
    )
    depot = apercu.context["depot"]
    assert depot.statut == StatutImport.VALIDE and len(depot.lignes) == len(lignes_completes())


def test_une_cellule_longue_n_est_citee_que_par_un_extrait(connecter, brouillon, django_capture_on_commit_callbacks):
    contenu = ("contrat;public;taux;heures_max\nCAE;" + "z" * 190 + ";90;20\n").encode()
    apercu = deposer(connecter("gestionnaire"), brouillon, contenu, "taux.csv", django_capture_on_commit_callbacks)
    message = apercu.context["depot"].lignes[0]["erreurs"]["public"]
    assert "z" * 60 + "…" in message and "z" * 61 not in message
