"""Import of rates: every kind of error is shown on its row and column, and nothing is written unless all is valid."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from arretes.models import ImportTaux, StatutImport, TauxPriseEnCharge
from arretes.services import SEUIL_VERIFICATION_ASYNCHRONE

from .factories import creer_arrete
from .fichiers import csv_, fichier, lignes_completes, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def brouillon(demo):
    return creer_arrete("11", 2010, numero="2009-1187", avec_taux=False)


def deposer(client, arrete, contenu, nom="taux.xlsx"):
    return client.post(reverse("arretes:importer", args=[arrete.pk]), {"fichier": fichier(contenu, nom)}, follow=True)


def erreurs_de(reponse):
    depot = reponse.context["depot"]
    return depot.erreurs_fichier, {ligne["numero"]: ligne["erreurs"] for ligne in depot.lignes if ligne["erreurs"]}


@pytest.mark.parametrize(
    ("ligne", "colonne", "extrait"),
    [
        (["CAE", "martiens", 90, 20], "public", "Public « martiens » inconnu"),
        (["CAE", "autres-publics", 96, 20], "taux", "plafonné à 95 %"),
        (["CAE", "salaries-aci", 106, 20], "taux", "plafonné à 105 %"),
        (["CIE", "autres-publics", 48, 35], "taux", "plafonné à 47 %"),
        (["CAE", "autres-publics", "quatre-vingt-dix", 20], "taux", "n'est pas un nombre"),
        (["CAE", "autres-publics", 90, 36], "heures_max", "entre 20 et 35 heures"),
        (["CAE", "autres-publics", 90, 19], "heures_max", "entre 20 et 35 heures"),
        (["CAE", "autres-publics", "=45*2", 20], "taux", "Formule interdite"),
        (["CAV", "autres-publics", 90, 20], "contrat", "Contrat « CAV » inconnu"),
        (["CAE", "jeunes-moins-26-ans", 90, 20], "public", "Doublon"),
        (["CAE", "autres-publics", "90,123", 20], "taux", "deux décimales"),
        (["CAE", "autres-publics", "", 20], "taux", "Valeur manquante"),
    ],
)
def test_erreur_par_ligne_et_colonne_rien_n_est_ecrit(connecter, brouillon, ligne, colonne, extrait):
    client = connecter("gestionnaire")
    doublon = extrait == "Doublon"
    lignes = [ligne_ for ligne_ in lignes_completes() if doublon or ligne_[:2] != ligne[:2]] + [ligne]
    numero = len(lignes) + 1  # the header is row 1
    reponse = deposer(client, brouillon, xlsx(lignes))
    assert reponse.status_code == 200
    erreurs_fichier, erreurs = erreurs_de(reponse)
    assert erreurs_fichier == []
    assert list(erreurs) == [numero]
    assert extrait in erreurs[numero][colonne]
    assert escape(extrait) in reponse.content.decode()
    depot = reponse.context["depot"]
    assert depot.statut == StatutImport.INVALIDE
    confirmation = client.post(reverse("arretes:import_confirmer", args=[brouillon.pk, depot.pk]), follow=True)
    assert "Rien n&#x27;a été enregistré" in confirmation.content.decode()
    assert not TauxPriseEnCharge.objects.filter(arrete=brouillon).exists()


def test_cie_dans_un_arrete_cae_seul(connecter, demo):
    arrete = creer_arrete("11", 2010, portee="cae", avec_taux=False)
    reponse = deposer(connecter("gestionnaire"), arrete, xlsx(lignes_completes(avec_cie=True)))
    _, erreurs = erreurs_de(reponse)
    assert len(erreurs) == 9 and all("annexe 3-bis" in e["contrat"] for e in erreurs.values())


@pytest.mark.parametrize(
    ("contenu", "nom", "extrait"),
    [
        (xlsx([], entete=None), "taux.xlsx", "Le fichier est vide"),
        (xlsx([]), "taux.xlsx", "ne contient que l'en-tête"),
        (
            xlsx([["CAE", "autres-publics", 90]], entete=["contrat", "public", "taux"]),
            "taux.xlsx",
            "manquante(s) : heures_max",
        ),
        (
            xlsx(
                [["CAE", "autres-publics", 90, 20, "x"]],
                entete=["contrat", "public", "taux", "heures_max", "commentaire"],
            ),
            "taux.xlsx",
            "inattendue(s) : commentaire",
        ),
    ],
)
def test_erreurs_du_fichier(connecter, brouillon, contenu, nom, extrait):
    reponse = deposer(connecter("gestionnaire"), brouillon, contenu, nom)
    erreurs_fichier, _ = erreurs_de(reponse)
    assert len(erreurs_fichier) == 1 and extrait in erreurs_fichier[0]
    assert not TauxPriseEnCharge.objects.filter(arrete=brouillon).exists()


@pytest.mark.parametrize(
    ("contenu", "nom", "extrait"),
    [
        (b"%PDF-1.7 ...", "taux.pdf", "Type de fichier non accepté"),
        (b"contrat;public", "taux.xlsx", "pas un classeur XLSX"),
        (xlsx(lignes_completes()), "taux.csv", "pas un fichier texte CSV"),
    ],
)
def test_type_de_fichier_verifie(connecter, brouillon, contenu, nom, extrait):
    reponse = deposer(connecter("gestionnaire"), brouillon, contenu, nom)
    assert extrait in reponse.content.decode()
    assert not ImportTaux.objects.exists()


@override_settings(TAILLE_MAX_IMPORT=1000)
def test_taille_limitee(connecter, brouillon):
    reponse = deposer(connecter("gestionnaire"), brouillon, csv_(lignes_completes() * 10), "taux.csv")
    assert "la taille maximale est de" in reponse.content.decode()
    assert not ImportTaux.objects.exists()


def test_csv_valide_confirme_tout_ou_rien(connecter, brouillon):
    client = connecter("gestionnaire")
    lignes = [[c, p, str(t).replace(".", ","), h] for c, p, t, h in lignes_completes()]
    reponse = deposer(client, brouillon, csv_(lignes), "taux.csv")
    depot = reponse.context["depot"]
    assert depot.statut == StatutImport.VALIDE and depot.contenu in (b"", memoryview(b""))
    assert not TauxPriseEnCharge.objects.filter(arrete=brouillon).exists()  # preview writes nothing
    reponse = client.post(reverse("arretes:import_confirmer", args=[brouillon.pk, depot.pk]), follow=True)
    assert "18 taux de prise en charge enregistrés" in reponse.content.decode()
    assert brouillon.taux.count() == 18
    assert brouillon.taux.get(contrat="CAE", public__code="salaries-aci").taux == 105
    # A second confirmation of the same file does nothing more.
    reponse = client.post(reverse("arretes:import_confirmer", args=[brouillon.pk, depot.pk]), follow=True)
    assert "Rien n&#x27;a été enregistré" in reponse.content.decode()


def test_csv_en_windows_1252_lu_avec_ses_accents(connecter, brouillon):
    contenu = "contrat;public;taux;heures_max\r\nCAE;Bénéficiaires du RSA;95;26\r\n".encode("cp1252")
    reponse = deposer(connecter("gestionnaire"), brouillon, contenu, "taux.csv")
    assert reponse.context["depot"].lignes[0]["donnees"]["public_code"] == "beneficiaires-rsa"


def test_libelles_et_separateur_virgule_acceptes(connecter, brouillon):
    contenu = "Contrat,Public prioritaire,Taux,Heures\nCAE,Bénéficiaires du RSA,95,26\n".encode()
    reponse = deposer(connecter("gestionnaire"), brouillon, contenu, "taux.csv")
    assert reponse.context["depot"].lignes[0]["donnees"] == {
        "contrat": "CAE",
        "public_code": "beneficiaires-rsa",
        "taux": "95",
        "heures_max": 26,
    }


def test_long_fichier_verifie_par_une_tache_avec_progression(connecter, brouillon, django_capture_on_commit_callbacks):
    client = connecter("gestionnaire")
    lignes = lignes_completes() + [["CAE", "autres-publics", 90, 20]] * 4900
    contenu = csv_(lignes)
    assert len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
    with django_capture_on_commit_callbacks(execute=False) as rappels:
        reponse = deposer(client, brouillon, contenu, "taux.csv")
    depot = reponse.context["depot"]
    assert depot.statut == StatutImport.EN_COURS
    assert "<progress" in reponse.content.decode()
    url_progression = reverse("arretes:import_progression", args=[brouillon.pk, depot.pk])
    assert client.get(url_progression).status_code == 200
    for rappel in rappels:
        rappel()
    depot.refresh_from_db()
    assert depot.statut == StatutImport.INVALIDE and depot.traitees == depot.total == len(lignes)
    assert client.get(url_progression, headers={"HX-Request": "true"})["HX-Refresh"] == "true"


@pytest.mark.parametrize(("format_", "nom"), [(csv_, "taux.csv"), (xlsx, "taux.xlsx")])
def test_fichier_de_50_000_lignes_refuse_clairement(
    connecter, brouillon, format_, nom, django_capture_on_commit_callbacks
):
    lignes = (lignes_completes() * (50_000 // len(lignes_completes()) + 1))[:50_000]
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=True):  # a long file is checked by a task after the commit
        reponse = deposer(client, brouillon, format_(lignes), nom)
    reponse = client.get(reponse.request["PATH_INFO"])
    erreurs_fichier, _ = erreurs_de(reponse)
    assert len(erreurs_fichier) == 1 and "5000 au plus sont acceptées" in erreurs_fichier[0]
    assert not TauxPriseEnCharge.objects.filter(arrete=brouillon).exists()
