"""Operators' payments, CAOM, conventions: each collector with the data of its app, once per occurrence."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail

from caom.models import Caom, StatutCaom
from rappels.models import Rappel, TypeRappel
from rappels.services import executer
from referentiels.models import Departement
from tests.caom.factories import CaomFactory
from tests.conventions.factories import ConventionFactory
from tests.tableau_de_bord.factories import DemandePaiementFactory

J = timedelta(days=1)


def envoyes(type_rappel, jour):
    executer(jour, types={type_rappel})
    return sorted((r.niveau, r.destinataire) for r in Rappel.objects.filter(type=type_rappel, envoye_le__isnull=False))


@pytest.mark.django_db
def test_paiement_operateur_a_20_jours_puis_en_retard(demo):
    demande = DemandePaiementFactory(
        convention__operateur__organisation=demo.organisations["ml_paris"],
        compte_rendu_recu_le=date(2010, 2, 15),
        attestation_recue_le=date(2010, 2, 19),
    )
    complet = demande.date_dossier_complet
    idf = ["correspondant@demo.cui.fr", "gestionnaire@demo.cui.fr", "multi@demo.cui.fr"]
    assert envoyes(TypeRappel.PAIEMENT_OPERATEUR, complet + 19 * J) == []
    assert envoyes(TypeRappel.PAIEMENT_OPERATEUR, complet + 20 * J) == [("j+20", d) for d in idf]
    assert len(envoyes(TypeRappel.PAIEMENT_OPERATEUR, complet + 25 * J)) == 3
    retard = envoyes(TypeRappel.PAIEMENT_OPERATEUR, complet + 26 * J)
    assert sorted(d for n, d in retard if n == "retard") == idf
    assert len(mail.outbox) == 6 and "en retard" in mail.outbox[-1].subject
    demande.payee_le = complet + 27 * J
    demande.save()
    assert len(envoyes(TypeRappel.PAIEMENT_OPERATEUR, complet + 28 * J)) == 6


@pytest.mark.django_db
def test_caom_negociation_avant_le_30_novembre_et_signature_en_decembre(demo):
    CaomFactory(annee=2011, nb_cae_cofinances=10)
    signee_59 = CaomFactory(departement=Departement.objects.get(code="59"), annee=2011, nb_cae_cofinances=10)
    Caom.objects.filter(pk=signee_59.pk).update(
        statut=StatutCaom.SIGNEE,
        date_deliberation=date(2010, 11, 2),
        instance_deliberation="assemblee",
        date_signature=date(2010, 11, 5),
    )
    assert envoyes(TypeRappel.CAOM_NEGOCIATION, date(2010, 11, 22)) == []
    negociation = envoyes(TypeRappel.CAOM_NEGOCIATION, date(2010, 11, 23))
    # Both regions still have départements without a concluded CAOM (only the Nord's is signed).
    assert ("j-7", "gestionnaire@demo.cui.fr") in negociation and (
        "j-7",
        "correspondant.nord@demo.cui.fr",
    ) in negociation
    assert "93 Seine-Saint-Denis" in next(m.body for m in mail.outbox if m.to == ["gestionnaire@demo.cui.fr"])

    assert envoyes(TypeRappel.CAOM_SIGNATURE, date(2010, 11, 30)) == []
    decembre = envoyes(TypeRappel.CAOM_SIGNATURE, date(2010, 12, 1))
    assert decembre == [("decembre", "cg93@demo.cui.fr"), ("decembre", "gestionnaire@demo.cui.fr")]
    assert len(envoyes(TypeRappel.CAOM_SIGNATURE, date(2010, 12, 2))) == 2
    assert len(envoyes(TypeRappel.CAOM_SIGNATURE, date(2010, 12, 24))) == 4


def convention_en_cours(fin, **kwargs):
    valeurs = {
        "statut": "en_cours",
        "numero": f"075-RAP-{fin:%Y%m%d}",
        "date_fin": fin,
        "date_fin_contrat_travail": fin,
        "taux": Decimal("90"),
        "aide_mensuelle": Decimal("600.00"),
        "part_etat": Decimal("600.00"),
        "part_conseil_general": Decimal("0"),
    }
    valeurs.update(kwargs)
    return ConventionFactory(**valeurs)


@pytest.mark.django_db
def test_attestation_a_l_employeur_avant_le_mois_de_la_fin(demo):
    c = convention_en_cours(date(2010, 12, 31))
    c.employeur.contact_email = "Contact@Association.example"
    c.employeur.save()
    assert envoyes(TypeRappel.CONVENTION_ATTESTATION, date(2010, 11, 14)) == []
    assert envoyes(TypeRappel.CONVENTION_ATTESTATION, date(2010, 11, 15)) == [("m-1", "contact@association.example")]
    assert len(envoyes(TypeRappel.CONVENTION_ATTESTATION, date(2010, 11, 30))) == 1
    message = mail.outbox[0]
    assert "30/11/2010" in message.body and c.salarie.nom not in message.body and c.salarie.nir not in message.body


@pytest.mark.django_db
def test_bilan_de_renouvellement_au_prescripteur(demo):
    c = convention_en_cours(date(2010, 12, 31), prescripteur=demo.organisations["pe_paris"])
    assert envoyes(TypeRappel.CONVENTION_BILAN, date(2010, 10, 30)) == []
    assert envoyes(TypeRappel.CONVENTION_BILAN, date(2010, 10, 31)) == [("m-2", "prescripteur@demo.cui.fr")]
    assert f"https://portail-cui.test/conventions/{c.pk}/" in mail.outbox[0].body
    Rappel.objects.all().delete()
    c.bilan_employeur_fourni = True
    c.save()
    assert envoyes(TypeRappel.CONVENTION_BILAN, date(2010, 11, 1)) == []


@pytest.mark.django_db
def test_rupture_declaree_tardivement(demo):
    c = convention_en_cours(
        date(2010, 12, 31),
        prescripteur=demo.organisations["pe_paris"],
        statut="rompue",
        date_rupture=date(2010, 5, 3),
        motif_rupture="accord_commun",
        date_declaration_evenement=date(2010, 5, 12),
        declaration_tardive=True,
    )
    assert envoyes(TypeRappel.CONVENTION_DECLARATION_TARDIVE, date(2010, 5, 11)) == []
    assert envoyes(TypeRappel.CONVENTION_DECLARATION_TARDIVE, date(2010, 5, 12)) == [
        ("tardive", "gestionnaire@demo.cui.fr"),
        ("tardive", "prescripteur@demo.cui.fr"),
    ]
    assert len(envoyes(TypeRappel.CONVENTION_DECLARATION_TARDIVE, date(2010, 5, 13))) == 2
    assert "rupture" in mail.outbox[0].subject and c.numero in mail.outbox[0].subject
