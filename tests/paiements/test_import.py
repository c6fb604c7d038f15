"""Import of an ASP statement: each error at its row and column, a statement recorded once, all or nothing,
another region's convention refused, and the reconciliation of what was recorded."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from conventions.models import MoisAide
from conventions.paiements import paiements_de
from paiements.models import PaiementAsp, ReleveAsp, StatutReleve
from paiements.rapprochement import comptes, mois_signales, rapprochement_de, signale
from paiements.services import SEUIL_VERIFICATION_ASYNCHRONE, confirmer_releve, deposer_releve

from .conftest import csv_, fichier, xlsx

pytestmark = pytest.mark.django_db
D = Decimal


def deposer(client, contenu, nom="releve.csv", **donnees):
    return client.post(reverse("paiements:importer"), {"fichier": fichier(contenu, nom), **donnees}, follow=True)


def erreurs_de(reponse):
    releve = reponse.context["releve"]
    return releve.erreurs_fichier, {ligne["numero"]: ligne["erreurs"] for ligne in releve.lignes if ligne["erreurs"]}


def test_un_releve_valide_est_enregistre_puis_rapproche(connecter, conventions):
    c = conventions["idf"]
    janvier, fevrier = MoisAide.objects.filter(convention=c).order_by("mois")[:2]
    client = connecter("gestionnaire")
    contenu = csv_(
        [
            [c.numero, "01/2010", str(janvier.part_etat).replace(".", ","), "0"],
            [c.numero, "15/02/2010", str(fevrier.part_etat + 150), "0,00"],
        ]
    )
    reponse = deposer(client, contenu)
    assert reponse.context["releve"].statut == StatutReleve.VALIDE
    assert not PaiementAsp.objects.exists()  # the preview writes nothing
    releve = reponse.context["releve"]
    reponse = client.post(reverse("paiements:confirmer", args=[releve.pk]), follow=True)
    assert "2 paiements de l&#x27;ASP enregistrés" in reponse.content.decode()
    assert paiements_de(c.pk) == {
        date(2010, 1, 1): (janvier.part_etat, D(0)),
        date(2010, 2, 1): (fevrier.part_etat + 150, D(0)),
    }
    rapproches = {r.mois: r for r in rapprochement_de(c.pk, date(2010, 11, 30))}
    assert rapproches[date(2010, 2, 1)].trop_percu and rapproches[date(2010, 2, 1)].ecart == D("150.00")
    # Every later month up to 09/2010 is unpaid 45 days after its end; 10/2010 is not yet late.
    assert [m for m, r in rapproches.items() if r.impaye] == [date(2010, m, 1) for m in range(3, 10)]
    assert not rapproches[date(2010, 10, 1)].signale
    n = comptes(c.region_id, date(2010, 11, 30))
    # The other Île-de-France convention is not paid at all: 9 months unpaid.
    assert (n.trop_percus, n.impayes, n.montant_trop_percu) == (1, 7 + 9, D("150.00"))
    # The SQL filters and the pure rule agree on every flagged row.
    lignes = [signale(m, date(2010, 11, 30)) for m in mois_signales(c.region_id, date(2010, 11, 30))]
    assert len(lignes) == 17 and all(ligne.rapprochement.signale for ligne in lignes)


@pytest.mark.parametrize(
    ("ligne", "colonne", "extrait"),
    [
        (["CAE-075-2010-999999", "01/2010", "10", "0"], "convention", "inconnue du portail"),
        (["{npdc}", "01/2010", "10", "0"], "convention", "relève de la région Nord-Pas-de-Calais"),
        (["{idf}", "06/2011", "10", "0"], "mois", "hors de l'échéancier de la convention"),
        (["{idf}", "13/2010", "10", "0"], "mois", "n'est pas un mois"),
        (["{idf}", "01/2010", "dix euros", "0"], "montant_etat", "n'est pas un montant"),
        (["{idf}", "01/2010", "10", "-5"], "montant_conseil_general", "Montant négatif"),
        (["{idf}", "01/2010", "10,123", "0"], "montant_etat", "au plus deux décimales"),
        (["{idf}", "01/2010", "=A1*2", "0"], "montant_etat", "Formule interdite"),
        (["", "01/2010", "10", "0"], "convention", "Numéro de convention manquant"),
    ],
)
def test_chaque_erreur_a_sa_ligne_et_sa_colonne(connecter, conventions, ligne, colonne, extrait):
    numeros = {"idf": conventions["idf"].numero, "npdc": conventions["npdc"].numero}
    ligne = [v.format(**numeros) for v in ligne]
    valide = [conventions["idf"].numero, "02/2010", "100", "0"]
    reponse = deposer(connecter("gestionnaire"), csv_([valide, ligne]))
    erreurs_fichier, erreurs = erreurs_de(reponse)
    assert not erreurs_fichier
    assert list(erreurs) == [3] and extrait in erreurs[3][colonne]
    assert reponse.context["releve"].statut == StatutReleve.INVALIDE
    page = reponse.content.decode()
    assert "1 ligne refusée sur 2" in page and "Confirmer" not in page


def test_ligne_en_double(connecter, conventions):
    numero = conventions["idf"].numero
    reponse = deposer(
        connecter("gestionnaire"), xlsx([[numero, "03/2010", 10, 0], [numero, date(2010, 3, 31), 5, 0]]), "r.xlsx"
    )
    _, erreurs = erreurs_de(reponse)
    assert erreurs == {3: {"ligne": f"Doublon : le mois 03/2010 de la convention {numero} figure déjà ligne 2."}}


def test_colonnes_manquantes_et_fichier_illisible(connecter, conventions):
    client = connecter("gestionnaire")
    erreurs_fichier, _ = erreurs_de(deposer(client, csv_([["x", "01/2010"]], entete=["convention", "mois"])))
    assert "Colonne(s) manquante(s) : montant_etat, montant_conseil_general." in erreurs_fichier[0]
    reponse = deposer(client, b"PK\x03\x04pas un classeur", "r.xlsx")
    assert "illisible" in reponse.context["releve"].erreurs_fichier[0]


def test_un_releve_deja_enregistre_est_refuse(connecter, conventions):
    client = connecter("gestionnaire")
    contenu = csv_([[conventions["idf"].numero, "01/2010", "100", "0"]])
    releve = deposer(client, contenu).context["releve"]
    client.post(reverse("paiements:confirmer", args=[releve.pk]))
    reponse = deposer(client, contenu)
    assert "Ce relevé a déjà été enregistré pour la région Île-de-France le 30/11/2010" in reponse.content.decode()
    assert PaiementAsp.objects.count() == 1
    # The national role may not record it a second time either.
    national = connecter("national")
    from referentiels.models import Region

    reponse = deposer(national, contenu, region=Region.objects.get(code_insee="11").pk)
    assert "déjà été enregistré" in reponse.content.decode() and PaiementAsp.objects.count() == 1


def test_tout_ou_rien_quand_l_echeancier_a_change_depuis_l_apercu(demo, conventions, django_user_model):
    c = conventions["idf"]
    auteur = demo.comptes["gestionnaire@demo.cui.fr"]
    contenu = csv_([[c.numero, "01/2010", "100", "0"], [c.numero, "12/2010", "100", "0"]])
    releve = deposer_releve(c.region, "r.csv", "csv", contenu, auteur)
    assert releve.statut == StatutReleve.VALIDE
    MoisAide.objects.filter(convention=c, mois=date(2010, 12, 1)).delete()  # as a rupture would
    from paiements.regles import RegleReleveError

    with pytest.raises(RegleReleveError, match="La ligne 3 ne correspond plus"):
        confirmer_releve(releve)
    assert not PaiementAsp.objects.exists()
    releve.refresh_from_db()
    assert releve.statut == StatutReleve.VALIDE


def test_une_region_n_importe_pas_la_convention_d_une_autre(connecter, conventions):
    """The gestionnaire of the Nord imports its statement: the Île-de-France convention is refused."""
    contenu = csv_(
        [[conventions["idf"].numero, "01/2010", "100", "0"], [conventions["npdc"].numero, "01/2010", "100", "0"]]
    )
    reponse = deposer(connecter("gestionnaire_nord"), contenu)
    releve = reponse.context["releve"]
    assert releve.region.code_insee == "31"
    _, erreurs = erreurs_de(reponse)
    assert list(erreurs) == [2] and "relève de la région Île-de-France" in erreurs[2]["convention"]


def test_le_national_choisit_la_region(connecter, conventions):
    from referentiels.models import Region

    client = connecter("national")
    contenu = csv_([[conventions["npdc"].numero, "01/2010", "100", "0"]])
    assert "region" in deposer(client, contenu).context["form"].errors
    reponse = deposer(client, contenu, region=Region.objects.get(code_insee="31").pk)
    assert reponse.context["releve"].statut == StatutReleve.VALIDE


def test_ni_le_correspondant_ni_l_autre_region_ne_confirment(connecter, conventions, demo):
    c = conventions["idf"]
    releve = deposer_releve(c.region, "r.csv", "csv", csv_([[c.numero, "01/2010", "1", "0"]]), None)
    assert connecter("correspondant").get(reverse("paiements:apercu", args=[releve.pk])).status_code == 200
    assert connecter("correspondant").post(reverse("paiements:confirmer", args=[releve.pk])).status_code == 403
    assert connecter("gestionnaire_nord").post(reverse("paiements:confirmer", args=[releve.pk])).status_code == 404
    assert not PaiementAsp.objects.exists()


@override_settings(CELERY_TASK_ALWAYS_EAGER=True)
def test_un_long_releve_est_verifie_par_une_tache(connecter, conventions, django_capture_on_commit_callbacks):
    c = conventions["idf"]
    lignes = [[c.numero, f"{m:02d}/2010", "1,00", "0"] for m in range(1, 13)]
    lignes += [[f"CAE-075-2010-{n:06d}", "01/2010", "1", "0"] for n in range(500000, 504000)]  # unknown
    contenu = csv_(lignes)
    assert len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
    client = connecter("gestionnaire")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("paiements:importer"), {"fichier": fichier(contenu)})
    releve = ReleveAsp.objects.get()
    assert releve.total == 4012 and releve.traitees == 4012 and releve.statut == StatutReleve.INVALIDE
    reponse = client.get(reverse("paiements:apercu", args=[releve.pk]))
    assert (reponse.context["nb_refusees"], reponse.context["nb_lignes"]) == (4000, 4012)
    assert "lignes refusées sur" in reponse.content.decode()
    assert reponse.context["page_obj"].paginator.count == 4000  # the refused rows, paginated


def test_deux_depots_du_meme_releve_un_seul_enregistre(demo, conventions):
    """The gestionnaire and the DGEFP deposit the same file before either confirms: the second is refused."""
    c = conventions["idf"]
    contenu = csv_([[c.numero, "01/2010", "100", "0"]])
    premier = deposer_releve(c.region, "r.csv", "csv", contenu, demo.comptes["gestionnaire@demo.cui.fr"])
    second = deposer_releve(c.region, "r.csv", "csv", contenu, demo.comptes["national@demo.cui.fr"])
    assert confirmer_releve(premier) == 1
    from paiements.regles import RegleReleveError

    with pytest.raises(RegleReleveError, match="déjà été enregistré"):
        confirmer_releve(second)
    assert PaiementAsp.objects.count() == 1


def test_la_page_des_mois_signales_a_un_nombre_constant_de_requetes(connecter, conventions, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conventions import factories

    client = connecter("gestionnaire")

    def requetes():
        with CaptureQueriesContext(connection) as capture:
            reponse = client.get(reverse("paiements:signalements"))
        return len(capture.captured_queries), reponse.context["comptes"].impayes

    client.get(reverse("paiements:signalements"))
    avant, impayes = requetes()
    assert impayes == 18  # two conventions, 01/2010 to 09/2010, nothing paid
    factories.convention(demo)
    apres, impayes = requetes()
    assert impayes == 27 and apres == avant <= 14  # the page: its identifiers, then its rows (cui_portal.pagination)
