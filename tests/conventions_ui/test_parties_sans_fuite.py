"""Issue 15, item 1: people and employers without leaks across organisations. A NIR or a SIRET already known
neither pre-fills another organisation's data nor lets it be overwritten; the SIRET look-up gives the public
identity only; the length caps still read the person's history across organisations, in figures only."""

import html
from datetime import date

import pytest
from django.urls import reverse

from conventions.models import Convention
from conventions.regles.duree import date_fin_pour
from tests.conventions import factories

from .test_saisie import donnees_employeur, donnees_salarie

pytestmark = pytest.mark.django_db

NIR = factories.nir(1, 1990, 3, ordre=777)
SIRET = factories.siret(7777)


def convention_de_paris(demo, **champs):
    """A concluded Paris convention of the person of ``NIR`` with the employer of ``SIRET``."""
    salarie = factories.parties.nouveau_salarie(
        NIR,
        civilite="m",
        nom="Durand",
        prenom="Karim",
        date_naissance=date(1990, 3, 15),
        niveau_formation="V",
        beneficiaire_rsa=True,
        numero_allocataire="7512345",
        adresse="3 rue des Lilas",
        code_postal="75019",
        commune="Paris",
    )
    employeur = factories.employeur(
        numero=7777,
        raison_sociale="Association Les Jardins de Belleville",
        contact_nom="Mme Martin",
        contact_email="martin@jardins.example",
        contact_telephone="0142000000",
    )
    return factories.convention(demo, salarie_=salarie, employeur_=employeur, **champs)


def test_un_nir_de_paris_saisi_a_lille_ne_pre_remplit_rien_et_ne_change_rien_a_paris(arretes, connecter, demo):
    paris = convention_de_paris(demo)
    lille = connecter("prescripteur_nord")
    employeur_lille = donnees_employeur(siret=factories.siret(8888), departement=paris.departement.pk)
    employeur_lille["departement"] = factories.departement("59").pk
    assert lille.post(reverse("conventions:nouvelle"), employeur_lille).status_code == 302
    typees = donnees_salarie(nir=NIR, nom="Autre", prenom="Nom", naissance="16/03/1990")
    reponse = lille.post(reverse("conventions:nouvelle_salarie"), typees, follow=True)
    assert reponse.status_code == 200
    brouillon = Convention.objects.latest("pk")
    assert brouillon.prescripteur == demo.organisations["pe_lille"]
    # Nothing of Paris's record in the Lille draft: its own record, only what Lille typed.
    s = brouillon.salarie
    assert s.pk != paris.salarie_id and s.identite_id == paris.salarie.identite_id
    assert (s.adresse, s.code_postal, s.commune, s.numero_allocataire) == ("", "", "", "")
    assert not s.beneficiaire_rsa and (s.nom, s.date_naissance) == ("Autre", date(1990, 3, 16))
    page = lille.get(reverse("conventions:etape", args=[brouillon.pk, 3])).content.decode()
    assert paris.numero not in page and "Lilas" not in page and "7512345" not in page
    # Paris's convention shows what Paris typed: page and Cerfa.
    paris.salarie.refresh_from_db()
    assert (paris.salarie.nom, paris.salarie.date_naissance) == ("Durand", date(1990, 3, 15))
    client_paris = connecter("prescripteur")
    detail = client_paris.get(reverse("conventions:detail", args=[paris.pk])).content.decode()
    assert "Durand" in detail and "Autre" not in detail
    cerfa = client_paris.get(reverse("conventions:cerfa", args=[paris.pk]))
    assert cerfa.status_code == 200
    assert cerfa.context["salarie"].nom == "Durand" and cerfa.context["salarie"].date_naissance == date(1990, 3, 15)


def test_un_siret_connu_saisi_avec_un_autre_nom_et_contact_ne_change_pas_les_conventions_des_autres(
    arretes, connecter, demo
):
    paris = convention_de_paris(demo)
    lille = connecter("prescripteur_nord")
    autre = donnees_employeur(
        siret=SIRET,
        raison_sociale="Nom inventé",
        contact_nom="M. Intrus",
        contact_email="intrus@example.org",
        departement=factories.departement("59").pk,
    )
    assert lille.post(reverse("conventions:nouvelle"), autre).status_code == 302
    lille.post(reverse("conventions:nouvelle_salarie"), donnees_salarie(nir=factories.nir(1, 1990, 3, ordre=12)))
    brouillon = Convention.objects.latest("pk")
    assert brouillon.employeur.raison_sociale == "Nom inventé" and brouillon.employeur.pk != paris.employeur_id
    paris.employeur.refresh_from_db()
    assert (paris.employeur.raison_sociale, paris.employeur.contact_nom) == (
        "Association Les Jardins de Belleville",
        "Mme Martin",
    )
    assert paris.employeur.etablissement.raison_sociale == "Association Les Jardins de Belleville"
    cerfa = connecter("prescripteur").get(reverse("conventions:cerfa", args=[paris.pk]))
    assert cerfa.context["employeur"].contact_nom == "Mme Martin"


def test_la_recherche_par_siret_ne_donne_que_l_identite_publique(arretes, connecter, demo):
    convention_de_paris(demo)
    lille = connecter("prescripteur_nord")
    reponse = lille.post(reverse("conventions:nouvelle"), {"siret": SIRET, "action": "rechercher"})
    page = reponse.content.decode()
    assert reponse.status_code == 200 and "Association Les Jardins de Belleville" in page
    for contact in ("Mme Martin", "martin@jardins.example", "0142000000"):
        assert contact not in page
    initial = reponse.context["form"].initial
    assert not initial.get("contact_nom") and not initial.get("contact_email") and not initial.get("effectif")


def test_les_plafonds_lisent_l_historique_des_autres_organisations_en_chiffres(arretes, connecter, demo):
    paris = convention_de_paris(demo, date_fin=date(2011, 1, 3), date_fin_contrat_travail=date(2011, 1, 3))
    lille = connecter("prescripteur_nord")
    employeur_lille = donnees_employeur(siret=factories.siret(8889), departement=factories.departement("59").pk)
    assert lille.post(reverse("conventions:nouvelle"), employeur_lille).status_code == 302
    reponse = lille.post(reverse("conventions:nouvelle_salarie"), donnees_salarie(nir=NIR), follow=True)
    annonce = "Cette personne a déjà 12 mois de CUI (1 convention, un autre prescripteur)."
    assert annonce in html.unescape(reponse.content.decode())
    brouillon = Convention.objects.latest("pk")
    debut = date(2011, 2, 1)
    # 12 months in Paris + 18 in Lille = 30 > 24: refused, with the figures only.
    from conventions.regles.base import RegleConventionError
    from conventions.services import conclusion

    with pytest.raises(RegleConventionError) as refus:
        conclusion.enregistrer_brouillon(
            par=None, convention=brouillon, date_debut=debut, date_fin=date_fin_pour(debut, 18)
        )
    message = str(refus.value)
    assert annonce in message and "24 mois" in message
    assert paris.numero not in message and "Durand" not in message and "Belleville" not in message
    # 12 months fit within the 24.
    assert conclusion.enregistrer_brouillon(
        par=None, convention=brouillon, date_debut=debut, date_fin=date_fin_pour(debut, 12)
    )
