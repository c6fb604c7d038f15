"""Deferred work: runs eagerly in tests, progress reaches 100, the file is for its owner only."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from cui_portal.travaux import enregistrer
from rappels import travaux
from rappels.models import StatutTravail, TravailDiffere
from tests.rappels.factories import TravailDiffereFactory


@pytest.mark.django_db
def test_export_des_organisations_de_bout_en_bout(connecter, demo, django_capture_on_commit_callbacks):
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=True):
        reponse = client.post("/rappels/travaux/lancer/export_organisations_xlsx/", {"q": "", "type": ""})
    travail = TravailDiffere.objects.get()
    assert reponse.status_code == 302 and reponse["Location"] == f"/rappels/travaux/{travail.pk}/"
    assert travail.statut == StatutTravail.TERMINE and travail.progression == 100
    assert travail.parametres["perimetre"]["role"] == "gestionnaire_regional"

    page = client.get(f"/rappels/travaux/{travail.pk}/").content.decode()
    assert "<progress" in page and "Télécharger" in page and "hx-trigger" not in page
    assert "htmx" in page

    fichier = client.get(f"/rappels/travaux/{travail.pk}/telecharger/")
    assert fichier.status_code == 200
    classeur = load_workbook(BytesIO(b"".join(fichier.streaming_content)))
    noms = [ligne[0] for ligne in classeur.active.iter_rows(min_row=2, values_only=True)]
    # The regional scope: Île-de-France organisations only.
    assert "DIRECCTE Île-de-France" in noms and "Pôle emploi Paris 19e" in noms
    assert "Pôle emploi Lille Centre" not in noms

    autre = connecter("gestionnaire_nord")
    for url in ("", "etat/", "telecharger/"):
        assert autre.get(f"/rappels/travaux/{travail.pk}/{url}").status_code == 404


@pytest.mark.django_db
def test_en_attente_sondage_htmx(connecter, demo):
    travail = TravailDiffereFactory(proprietaire=demo.comptes["gestionnaire@demo.cui.fr"], type="x")
    client = connecter("gestionnaire")
    fragment = client.get(f"/rappels/travaux/{travail.pk}/etat/").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "En attente" in fragment
    assert client.get(f"/rappels/travaux/{travail.pk}/telecharger/").status_code == 404


@pytest.mark.django_db
def test_progression_et_echec(demo):
    vus = []

    def fonction(parametres, progression):
        for p in (10, 50, 50, 120):
            progression(p)
            vus.append(TravailDiffere.objects.get().progression)
        return "essai.txt", b"contenu"

    enregistrer("essai", fonction)
    travail = TravailDiffereFactory(proprietaire=demo.comptes["gestionnaire@demo.cui.fr"], type="essai")
    travaux.executer(travail.pk)
    assert vus == [10, 50, 50, 99]
    travail.refresh_from_db()
    assert (travail.statut, travail.progression, travail.nom_fichier) == (StatutTravail.TERMINE, 100, "essai.txt")
    assert travail.fichier.name.startswith("travaux/")
    # Run again (a duplicated task): nothing happens.
    assert travaux.executer(travail.pk) is None

    def casse(parametres, progression):
        raise ValueError("détail interne")

    enregistrer("casse", casse)
    travail = TravailDiffereFactory(proprietaire=demo.comptes["gestionnaire@demo.cui.fr"], type="casse")
    travaux.executer(travail.pk)
    travail.refresh_from_db()
    assert travail.statut == StatutTravail.ECHEC
    assert "détail interne" not in travail.message_erreur and "erreur inattendue" in travail.message_erreur


@pytest.mark.django_db
def test_type_inconnu_404_et_role_requis(connecter, client, demo):
    assert connecter("gestionnaire").post("/rappels/travaux/lancer/inconnu/").status_code == 404
    assert connecter("gestionnaire").get("/rappels/travaux/lancer/export_organisations_xlsx/").status_code == 405
    client.logout()
    assert client.post("/rappels/travaux/lancer/export_organisations_xlsx/").status_code == 302


@pytest.mark.django_db
def test_export_des_conventions_sans_nir_et_dans_le_perimetre(  # the kind written by the conventions app
    connecter, demo, django_capture_on_commit_callbacks
):
    from tests.conventions.factories import ConventionFactory, PrescripteurFactory, departement

    paris = ConventionFactory(prescripteur=demo.organisations["pe_paris"])
    lille = ConventionFactory(
        prescripteur=PrescripteurFactory(nom="Pôle emploi Lille test", departement=departement("59"))
    )
    client = connecter("prescripteur")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/rappels/travaux/lancer/export_conventions_xlsx/")
    travail = TravailDiffere.objects.get()
    assert travail.statut == StatutTravail.TERMINE, travail.message_erreur
    fichier = client.get(f"/rappels/travaux/{travail.pk}/telecharger/")
    contenu = b"".join(fichier.streaming_content)
    feuille = load_workbook(BytesIO(contenu)).active
    lignes = list(feuille.iter_rows(values_only=True))
    assert "NIR" not in " ".join(str(v) for v in lignes[0])
    texte = " ".join(str(v) for ligne in lignes for v in ligne)
    assert paris.salarie.nir not in texte
    assert paris.employeur.raison_sociale in texte and lille.employeur.raison_sociale not in texte
    # The row read as plain values (no model instance) says what the convention's page says.
    (ligne,) = [ligne for ligne in lignes[1:] if ligne[5] == paris.employeur.raison_sociale]
    assert ligne[3] == paris.get_statut_actuel_display() and ligne[2] == paris.get_nature_display()
    assert ligne[8] == str(paris.departement) and ligne[9] == f"{paris.salarie.nom} {paris.salarie.prenom}"
    assert ligne[21] == paris.get_financement_display() and ligne[22] in ("oui", "non")


@pytest.mark.django_db
def test_le_bouton_de_la_liste_des_organisations_exporte_ses_filtres(
    connecter, demo, django_capture_on_commit_callbacks
):
    client = connecter("gestionnaire")
    page = client.get("/referentiels/organisations/", {"q": "Pôle emploi"}).content.decode()
    assert 'action="/rappels/travaux/lancer/export_organisations_xlsx/"' in page
    assert 'name="q" value="Pôle emploi"' in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/rappels/travaux/lancer/export_organisations_xlsx/", {"q": "Pôle emploi", "type": ""})
    travail = TravailDiffere.objects.get()
    fichier = client.get(f"/rappels/travaux/{travail.pk}/telecharger/")
    noms = [
        ligne[0]
        for ligne in load_workbook(BytesIO(b"".join(fichier.streaming_content))).active.iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert noms and all("Pôle emploi" in nom for nom in noms)


@pytest.mark.django_db
def test_un_export_ecrit_en_flux_dans_un_fichier_temporaire_stocke_puis_efface(demo):
    """A large export streams its rows from an iterator into a temporary file; the runner stores it then deletes
    it, and the temporary file of an export that breaks in the middle is deleted too."""
    from cui_portal.exports import fichier_xlsx

    temporaires = []
    lues = []

    def rangees():
        for i in range(1, 501):
            lues.append(i)
            yield [f"ligne {i}", i]

    def fonction(parametres, progression):
        chemin = fichier_xlsx([("Feuille", ["Nom", "Rang"], rangees())])
        temporaires.append(chemin)
        return "grand.xlsx", chemin

    enregistrer("grand", fonction)
    travail = TravailDiffereFactory(proprietaire=demo.comptes["gestionnaire@demo.cui.fr"], type="grand")
    travaux.executer(travail.pk)
    travail.refresh_from_db()
    assert travail.statut == StatutTravail.TERMINE and len(lues) == 500
    assert not temporaires[0].exists()
    with travail.fichier.open("rb") as f:
        lignes = list(load_workbook(BytesIO(f.read())).active.iter_rows(values_only=True))
    assert lignes[0] == ("Nom", "Rang") and lignes[-1] == ("ligne 500", 500) and len(lignes) == 501

    def rangees_cassees():
        yield ["une", 1]
        raise ValueError("coupure")

    import tempfile
    from pathlib import Path

    avant = set(Path(tempfile.gettempdir()).glob("export-*.xlsx"))
    with pytest.raises(ValueError, match="coupure"):
        fichier_xlsx([("Feuille", ["Nom", "Rang"], rangees_cassees())])
    assert set(Path(tempfile.gettempdir()).glob("export-*.xlsx")) == avant
