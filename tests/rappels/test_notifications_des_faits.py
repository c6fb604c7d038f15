"""Notifications of facts: the DGEFP's comment on a bilan (to the region), a bilan transmitted (to the DGEFP), each
step of a CAOM (to its conseil général), a month of aid flagged by the reconciliation with the ASP (to the
prescripteur). Each told once, from the day of the fact, and « Mes notifications » leads to its object."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from caom import services as services_caom
from caom.models import StatutCaom
from conventions.models import MoisAide
from cui_portal import horloge
from paiements.services import confirmer_releve, deposer_releve
from rappels import regles
from rappels.models import Rappel, TypeRappel
from rappels.services import executer
from referentiels.models import Departement, Region
from tableau_de_bord.models import BilanEtape
from tableau_de_bord.services import generer_quinzaines, marquer_lu, quinzaine_du, soumettre_bilan
from tests.arretes.factories import arrete_publie
from tests.caom.factories import CaomFactory
from tests.conventions import factories

J = timedelta(days=1)


def envoyes(type_rappel, jour):
    with horloge.au(jour):
        executer(jour, types={type_rappel})
    return sorted((r.niveau, r.destinataire) for r in Rappel.objects.filter(type=type_rappel, envoye_le__isnull=False))


# --- the rules ---------------------------------------------------------------------------------------------


def test_un_commentaire_vide_ne_notifie_pas_un_commentaire_notifie_la_region_une_semaine():
    assert regles.commentaire_bilan(date(2010, 11, 20), "  ") == []
    assert regles.commentaire_bilan(None, "Bien") == []
    (o,) = regles.commentaire_bilan(date(2010, 11, 20), "Bien")
    assert (o.niveau, o.public, o.debut, o.fin) == (
        "commentaire",
        regles.CORRESPONDANTS,
        date(2010, 11, 20),
        date(2010, 11, 27),
    )
    assert not o.due(date(2010, 11, 19)) and o.due(date(2010, 11, 27)) and not o.due(date(2010, 11, 28))


def test_un_bilan_deja_lu_n_est_pas_signale_a_la_dgefp():
    assert regles.bilan_transmis(date(2010, 11, 16), lu=True) == []
    assert regles.bilan_transmis(date(2010, 11, 16), lu=False)[0].public == regles.NATIONAL


def test_un_mois_impaye_est_signale_le_46e_jour_apres_sa_fin():
    assert regles.premier_jour_impaye(date(2010, 9, 1)) == date(2010, 11, 15)
    assert regles.premier_jour_impaye(date(2010, 2, 1)) == date(2010, 4, 15)
    assert regles.mois_devenus_impayes(date(2010, 11, 14)) == []
    assert regles.mois_devenus_impayes(date(2010, 11, 15)) == [date(2010, 9, 1)]
    assert regles.mois_devenus_impayes(date(2010, 11, 22)) == [date(2010, 9, 1)]
    assert regles.mois_devenus_impayes(date(2010, 11, 23)) == []
    assert regles.paiement_asp_signale("trop_percu", date(2010, 2, 1), None) == []
    (o,) = regles.paiement_asp_signale("trop_percu", date(2010, 2, 1), date(2010, 11, 20))
    assert (o.niveau, o.debut, o.public) == ("trop_percu", date(2010, 11, 20), regles.PRESCRIPTEUR)


# --- the collectors ----------------------------------------------------------------------------------------


@pytest.fixture
def bilan_idf(demo):
    generer_quinzaines(2010)
    quinzaine = quinzaine_du(date(2010, 11, 1))
    return BilanEtape.objects.create(
        region=Region.objects.get(code_insee="11"),
        quinzaine=quinzaine,
        cree_par=demo.comptes["correspondant@demo.cui.fr"],
    )


@pytest.mark.django_db
def test_la_dgefp_est_notifiee_du_bilan_transmis_puis_la_region_de_son_commentaire(demo, connecter, bilan_idf):
    with horloge.au(date(2010, 11, 16)):
        soumettre_bilan(bilan_idf, demo.comptes["correspondant@demo.cui.fr"])
    assert envoyes(TypeRappel.BILAN_TRANSMIS, date(2010, 11, 16)) == [
        ("transmis", "admin@demo.cui.fr"),
        ("transmis", "national@demo.cui.fr"),
    ]
    assert envoyes(TypeRappel.BILAN_COMMENTAIRE, date(2010, 11, 16)) == []
    with horloge.au(date(2010, 11, 18)):
        marquer_lu(bilan_idf, demo.comptes["national@demo.cui.fr"], "Précisez le calendrier des immersions.")
    assert envoyes(TypeRappel.BILAN_COMMENTAIRE, date(2010, 11, 18)) == [
        ("commentaire", "correspondant@demo.cui.fr"),
        ("commentaire", "multi@demo.cui.fr"),
    ]
    assert len(envoyes(TypeRappel.BILAN_COMMENTAIRE, date(2010, 11, 19))) == 2  # told once
    message = next(m for m in mail.outbox if m.to == ["correspondant@demo.cui.fr"])
    assert "Précisez le calendrier des immersions." in message.body and "Île-de-France" in message.subject
    assert not Rappel.objects.filter(type=TypeRappel.BILAN_COMMENTAIRE, destinataire__contains="nord").exists()

    client = connecter("correspondant")
    rappel = Rappel.objects.get(type=TypeRappel.BILAN_COMMENTAIRE, destinataire="correspondant@demo.cui.fr")
    assert "La DGEFP a commenté le bilan d" in client.get(reverse("rappels:notifications")).content.decode()
    reponse = client.get(reverse("rappels:ouvrir", args=[rappel.pk]))
    assert reponse["Location"] == reverse("tableau_de_bord:bilan", args=[bilan_idf.pk])
    assert client.get(reponse["Location"]).status_code == 200


@pytest.mark.django_db
def test_le_conseil_general_est_notifie_de_chaque_etape_de_sa_caom(demo, connecter):
    caom = CaomFactory(departement=Departement.objects.get(code="93"), annee=2011, nb_cae_cofinances=10)
    gestionnaire = demo.comptes["gestionnaire@demo.cui.fr"]
    services_caom.changer_statut(caom, StatutCaom.EN_NEGOCIATION, date_etape=date(2010, 11, 8), auteur=gestionnaire)
    assert envoyes(TypeRappel.CAOM_ETAPE, date(2010, 11, 7)) == []
    assert envoyes(TypeRappel.CAOM_ETAPE, date(2010, 11, 8)) == [("etape", "cg93@demo.cui.fr")]
    services_caom.changer_statut(
        caom, StatutCaom.ACCORD_DE_PRINCIPE, date_etape=date(2010, 11, 12), auteur=gestionnaire
    )
    assert envoyes(TypeRappel.CAOM_ETAPE, date(2010, 11, 13)) == [("etape", "cg93@demo.cui.fr")] * 2
    assert len(envoyes(TypeRappel.CAOM_ETAPE, date(2010, 11, 14))) == 2
    assert "« en négociation » à « accord de principe »" in mail.outbox[-1].body
    assert not Rappel.objects.filter(type=TypeRappel.CAOM_ETAPE, destinataire="cg59@demo.cui.fr").exists()

    client = connecter("cg93")
    rappel = Rappel.objects.filter(type=TypeRappel.CAOM_ETAPE).first()
    reponse = client.get(reverse("rappels:ouvrir", args=[rappel.pk]))
    assert reponse["Location"] == reverse("caom:detail", args=[caom.pk])
    assert client.get(reponse["Location"]).status_code == 200


def _releve(convention, lignes, jour):
    contenu = "numero de convention;mois;montant paye par l'Etat;montant paye par le conseil general\n"
    contenu += "".join(f"{convention.numero};{m:%m/%Y};{str(montant).replace('.', ',')};0\n" for m, montant in lignes)
    with horloge.au(jour):
        releve = deposer_releve(convention.region, "releve.csv", "csv", contenu.encode(), None)
        confirmer_releve(releve)


@pytest.mark.django_db
def test_le_prescripteur_est_notifie_d_un_trop_percu_et_d_un_impaye(demo, connecter):
    arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    arrete_publie("31", 2010, numero="NPDC-2010-1", date_publication=date(2009, 11, 27))
    idf = factories.convention(demo)
    npdc = factories.convention(demo, prescripteur="pe_lille", code_departement="59")
    mois = {m.mois: m for m in MoisAide.objects.filter(convention=idf)}
    payes = [(m, mois[m].part_etat) for m in sorted(mois) if m <= date(2010, 9, 1)]
    payes[1] = (payes[1][0], payes[1][1] + 150)  # février payé 150 € de trop
    _releve(idf, payes, date(2010, 11, 20))

    envoi = envoyes(TypeRappel.PAIEMENT_ASP_SIGNALE, date(2010, 11, 20))
    # IDF: février trop payé (relevé du 20/11) ; Nord : septembre impayé depuis le 15/11, rien n'étant payé.
    assert envoi == [("impaye", "prescripteur.nord@demo.cui.fr"), ("trop_percu", "prescripteur@demo.cui.fr")]
    trop = Rappel.objects.get(type=TypeRappel.PAIEMENT_ASP_SIGNALE, niveau="trop_percu")
    assert trop.echeance == date(2010, 11, 20) and "02/2010" in trop.libelle and idf.numero in trop.libelle
    impaye = Rappel.objects.get(type=TypeRappel.PAIEMENT_ASP_SIGNALE, niveau="impaye")
    assert "09/2010" in impaye.libelle and npdc.numero in impaye.libelle
    assert len(envoyes(TypeRappel.PAIEMENT_ASP_SIGNALE, date(2010, 11, 22))) == 2  # each once
    envoyes(TypeRappel.PAIEMENT_ASP_SIGNALE, date(2010, 12, 16))  # octobre devient impayé le 16/12, partout
    octobre = Rappel.objects.filter(type=TypeRappel.PAIEMENT_ASP_SIGNALE, libelle__contains="10/2010")
    assert sorted(octobre.values_list("destinataire", flat=True)) == [
        "prescripteur.nord@demo.cui.fr",
        "prescripteur@demo.cui.fr",
    ]

    client = connecter("prescripteur")
    page = client.get(reverse("rappels:notifications")).content.decode()
    assert "aide de 02/2010 payée au-delà du dû" in page and "09/2010" not in page
    reponse = client.get(reverse("rappels:ouvrir", args=[trop.pk]))
    assert reponse["Location"] == reverse("conventions:detail", args=[idf.pk])
    assert client.get(reponse["Location"]).status_code == 200


@pytest.mark.django_db
def test_le_prescripteur_est_notifie_des_paiements_d_une_convention_annulee(demo, connecter):
    """Annulled after the ASP paid January and February: the prescripteur is told once, with the months and the
    whole amount to recover (nothing was due); a convention annulled without any payment tells nothing."""
    from django.contrib.auth import get_user_model

    from conventions.services.annulation import annuler_convention
    from droit.nombres import euros

    arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    payee, sans_paiement = factories.convention(demo), factories.convention(demo)
    mois = {m.mois: m for m in MoisAide.objects.filter(convention=payee)}
    payes = [(m, mois[m].part_etat) for m in sorted(mois)[:2]]
    _releve(payee, payes, date(2010, 11, 20))
    auteur = get_user_model().objects.get(email="prescripteur@demo.cui.fr")
    with horloge.au(date(2010, 11, 24)):
        annuler_convention(payee, motif="Saisie en double", par=auteur)
        annuler_convention(sans_paiement, motif="Saisie en double", par=auteur)

    assert ("convention_annulee", "prescripteur@demo.cui.fr") in envoyes(
        TypeRappel.PAIEMENT_ASP_SIGNALE, date(2010, 11, 24)
    )
    (rappel,) = Rappel.objects.filter(type=TypeRappel.PAIEMENT_ASP_SIGNALE, niveau="convention_annulee")
    total = sum(montant for _, montant in payes)
    assert payee.numero in rappel.libelle and euros(total) in rappel.libelle
    assert rappel.echeance == date(2010, 11, 24) and sans_paiement.numero not in rappel.libelle
    assert (
        envoyes(TypeRappel.PAIEMENT_ASP_SIGNALE, date(2010, 11, 25)).count(
            ("convention_annulee", "prescripteur@demo.cui.fr")
        )
        == 1
    )  # once
    client = connecter("prescripteur")
    from html import unescape

    page = unescape(client.get(reverse("rappels:notifications")).content.decode())
    assert f"Convention n° {payee.numero}, annulée : {euros(total)} payés par l'ASP à récupérer" in page
    assert client.get(reverse("rappels:ouvrir", args=[rappel.pk]))["Location"] == reverse(
        "conventions:detail", args=[payee.pk]
    )
