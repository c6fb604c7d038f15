"""Database constraints, services (steps, avenants) and the envelope at the CAOM's reference date."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.db import IntegrityError, transaction

from caom import services
from caom.models import Caom, StatutCaom
from caom.regles import RegleCaomError
from caom.selectors import enveloppe_de
from referentiels.models import Departement


def refuse(**valeurs):
    with pytest.raises(IntegrityError), transaction.atomic():
        Caom.objects.create(departement=Departement.objects.get(code="62"), **({"annee": 2010} | valeurs))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "valeurs",
    [
        {"duree_hebdo_cae": D(19)},
        {"duree_hebdo_cae": D(36)},
        {"duree_hebdo_cie": D(40)},
        {"nb_cae_cofinances": 10, "nb_cae_majores": 11, "taux_majore": D(95)},
        {"nb_cae_cofinances": 10, "nb_cae_majores": 5},
        {"nb_cae_cofinances": 10, "nb_cae_majores": 5, "taux_majore": D(106)},
        {"taux_etat_cae": D(96)},
        {"taux_cie": D(48)},
        {"part_aci": D(101)},
        {"statut": StatutCaom.SIGNEE, "date_signature": date(2009, 12, 18)},
        {"statut": StatutCaom.DELIBERATION, "date_deliberation": date(2009, 12, 14)},
        {"annee": 2009},
    ],
)
def test_contraintes_en_base(valeurs):
    refuse(**valeurs)


def test_une_caom_par_departement_et_annee(caom_93):
    with pytest.raises(IntegrityError), transaction.atomic():
        Caom.objects.create(departement=caom_93.departement, annee=2010)
    Caom.objects.create(departement=caom_93.departement, annee=2011)


def test_valeurs_par_defaut(caom_59):
    caom_59.refresh_from_db()
    assert caom_59.duree_hebdo_cae == 26 and caom_59.taux_etat_cae == 90 and caom_59.taux_etat_aci == 105
    assert caom_59.duree_moyenne_cae == D("8.25") and caom_59.taux_cie == D("30.7") and caom_59.duree_hebdo_cie == 33
    assert caom_59.date_reference == date(2009, 11, 5)


def test_enveloppe_aux_parametres_2009(caom_93):
    env = enveloppe_de(caom_93)
    assert env.smic_horaire == D("8.82") and env.contribution_cg == D("400.07")
    ligne = env.ligne("cae_cofinances")
    assert abs(ligne.aide_mensuelle - D("894.30")) <= D("0.10")
    assert ligne.part_cg_mensuelle == D("400.07") and abs(ligne.part_etat_mensuelle - D("494.23")) <= D("0.10")


def test_enveloppe_aux_parametres_2010(caom_93):
    caom_93.date_reference = date(2010, 1, 15)
    assert enveloppe_de(caom_93).contribution_cg == D("404.88")


def test_negociation_jusqu_a_la_signature(caom_93, demo):
    auteur = demo.comptes["gestionnaire@demo.cui.fr"]
    jour = date(2009, 12, 20)
    services.changer_statut(caom_93, "en_negociation", date_etape=date(2009, 11, 9), auteur=auteur, aujourd_hui=jour)
    with pytest.raises(RegleCaomError, match="délibération"):
        services.changer_statut(caom_93, "signee", date_etape=date(2009, 12, 18), aujourd_hui=jour)
    services.changer_statut(
        caom_93,
        "deliberation",
        date_etape=date(2009, 12, 14),
        auteur=auteur,
        aujourd_hui=jour,
        date_deliberation=date(2009, 12, 14),
        instance_deliberation="commission_permanente",
    )
    services.changer_statut(caom_93, "signee", date_etape=date(2009, 12, 18), auteur=auteur, aujourd_hui=jour)
    caom_93.refresh_from_db()
    assert caom_93.statut == "signee" and caom_93.date_signature == date(2009, 12, 18)
    assert caom_93.date_deliberation == date(2009, 12, 14)
    etapes = list(caom_93.etapes.values_list("statut_precedent", "statut", "auteur"))
    assert etapes == [
        ("non_engagee", "en_negociation", auteur.pk),
        ("en_negociation", "deliberation", auteur.pk),
        ("deliberation", "signee", auteur.pk),
    ]
    with pytest.raises(RegleCaomError, match="avenant"):
        services.enregistrer_caom(caom_93)
    with pytest.raises(RegleCaomError, match="avenant"):
        services.changer_statut(caom_93, "echec", date_etape=date(2009, 12, 19), aujourd_hui=jour)


def test_echec(caom_59):
    services.changer_statut(caom_59, "echec", date_etape=date(2009, 12, 1), aujourd_hui=date(2009, 12, 2))
    caom_59.refresh_from_db()
    assert caom_59.statut == "echec" and not caom_59.modifiable


def test_avenant_garde_l_historique(caom_93, demo):
    auteur = demo.comptes["gestionnaire@demo.cui.fr"]
    with pytest.raises(RegleCaomError, match="signée"):
        services.enregistrer_avenant(caom_93, date_avenant=date(2010, 3, 1), objet="x", volumes={})
    Caom.objects.filter(pk=caom_93.pk).update(
        statut="signee",
        date_deliberation=date(2009, 12, 14),
        instance_deliberation="assemblee",
        date_signature=date(2009, 12, 18),
    )
    avenant = services.enregistrer_avenant(
        caom_93,
        date_avenant=date(2010, 6, 1),
        objet="Redéploiement des CIE vers les CAE",
        volumes={"nb_cae_cofinances": 650, "nb_cie_cofinances": 40},
        auteur=auteur,
    )
    assert avenant.numero == 1 and avenant.avant["nb_cae_cofinances"] == 600 and avenant.nb_cae_cofinances == 650
    caom_93.refresh_from_db()
    assert caom_93.nb_cae_cofinances == 650 and caom_93.nb_cie_cofinances == 40 and caom_93.nb_cae_majores == 50
    derniere = caom_93.history.order_by("-history_date", "-pk").first()
    assert derniere.history_change_reason == "Avenant n° 1 du 01/06/2010" and derniere.history_user == auteur
    assert derniere.prev_record.nb_cae_cofinances == 600
    deuxieme = services.enregistrer_avenant(caom_93, date_avenant=date(2010, 9, 1), objet="y", volumes={})
    assert deuxieme.numero == 2
    with pytest.raises(RegleCaomError, match="plus nombreux"):
        services.enregistrer_avenant(
            caom_93, date_avenant=date(2010, 9, 2), objet="z", volumes={"nb_cae_cofinances": 10}
        )
    with pytest.raises(RegleCaomError, match="précéder la signature"):
        services.enregistrer_avenant(caom_93, date_avenant=date(2009, 12, 1), objet="z", volumes={})


def test_demo_idempotente(demo):
    from io import StringIO

    from caom.demo import peupler

    peupler(demo, StringIO())
    peupler(demo, StringIO())
    statuts = dict(Caom.objects.filter(annee=2010).values_list("departement__code", "statut"))
    assert statuts == {"93": "signee", "75": "en_negociation", "59": "accord_de_principe", "62": "non_engagee"}
    caom = Caom.objects.get(departement__code="93", annee=2010)
    assert caom.date_deliberation == date(2009, 12, 14) and caom.etapes.count() == 4
