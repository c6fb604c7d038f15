"""The entry in six steps with the Django client: each step's errors at their field with the law's messages, the
draft kept between steps and after an error, conclusion, and the « Done when » scenario."""

import uuid

import pytest
from django.urls import reverse

from conventions.models import Convention
from droit.vocabulaire import StatutConvention
from referentiels.models import Departement, PublicPrioritaire
from tests.conventions import factories

pytestmark = pytest.mark.django_db

NIR_JEUNE = factories.nir(1, 1990, 3, ordre=321)


def donnees_employeur(**autres):
    return {
        "siret": factories.siret(9001),
        "raison_sociale": "Association Les Jardins de Belleville",
        "statut_juridique": "association",
        "departement": Departement.objects.get(code="75").pk,
        "commune": "Paris",
        "contact_nom": "Mme Martin",
        "numero_urssaf_msa": "750123456789",
        "assurance_chomage": "unedic",
        **autres,
    }


def donnees_salarie(naissance="15/03/1990", nir=NIR_JEUNE, **autres):
    """Step 2 as a page sends it: with its own one-time token (``comptes.envois``), a new one at each call."""
    return {
        "jeton_envoi": str(uuid.uuid4()),
        "civilite": "m",
        "nom": "Durand",
        "prenom": "Karim",
        "date_naissance": naissance,
        "nir": nir,
        "niveau_formation": "V",
        "inscrit_pole_emploi": "on",
        "inscrit_depuis": "01/06/2009",
        "identifiant_pole_emploi": "1234567A",
        **autres,
    }


def donnees_contrat(**autres):
    return {
        "type_contrat": "CAE",
        "nature": "initiale",
        "type_contrat_travail": "CDD",
        "date_conclusion": "15/12/2009",
        "date_embauche": "04/01/2010",
        "date_fin_contrat_travail": "03/01/2011",
        "duree_hebdo_travail": "26",
        "date_debut": "04/01/2010",
        "date_fin": "03/01/2011",
        "duree_hebdo_prise_en_charge": "20",
        "public": PublicPrioritaire.objects.get(code="jeunes-moins-26-ans").pk,
        "tuteur_nom": "Mme Martin",
        "tuteur_fonction": "Coordinatrice",
        "tuteur_volontaire": "on",
        "tuteur_experience_mois": "60",
        "emploi_intitule": "Agent d'entretien des espaces verts",
        "code_rome": "A1203",
        "salaire_horaire_brut": "8,86",
        "lieu_travail": "Paris",
        "periode_essai_jours": "14",
        "declaration_cotisations_a_jour": "on",
        "declaration_sans_licenciement_economique": "on",
        "declaration_sans_remplacement": "on",
        **autres,
    }


def donnees_periodes(*periodes):
    donnees = {
        "immersion": "on",
        "actions_accompagnement": "Aide à la prise de poste",
        "actions_formation": "Préqualification",
        "types_accompagnement": ["prise_de_poste"],
        "types_formation": ["prequalification"],
        "resultat_formation": "attestation",
        "periodes-TOTAL_FORMS": "2",
        "periodes-INITIAL_FORMS": "0",
        "periodes-MIN_NUM_FORMS": "0",
        "periodes-MAX_NUM_FORMS": "1000",
    }
    for i, (accueil, debut, fin) in enumerate(periodes):
        donnees |= {
            f"periodes-{i}-employeur_accueil": accueil,
            f"periodes-{i}-date_debut": debut,
            f"periodes-{i}-date_fin": fin,
        }
    return donnees


def commencer(client, salarie=None) -> Convention:
    """Steps 1 and 2: the draft exists from step 2."""
    reponse = client.post(reverse("conventions:nouvelle"), donnees_employeur())
    assert reponse.status_code == 302 and reponse.url == reverse("conventions:nouvelle_salarie")
    reponse = client.post(reverse("conventions:nouvelle_salarie"), salarie or donnees_salarie())
    assert reponse.status_code == 302, reponse.content.decode()[:2000]
    convention = Convention.objects.latest("pk")
    assert reponse.url == reverse("conventions:etape", args=[convention.pk, 3])
    return convention


def erreurs_du_champ(reponse, champ: str) -> list[str]:
    return [str(m) for m in reponse.context["form"].errors.get(champ, [])]


def test_etape_1_siret_invalide_et_recherche(arretes, connecter):
    client = connecter("prescripteur")
    reponse = client.post(reverse("conventions:nouvelle"), donnees_employeur(siret="12345678901234"))
    assert reponse.status_code == 200
    assert "clé de contrôle" in erreurs_du_champ(reponse, "siret")[0]
    assert 'href="#id_siret"' in reponse.content.decode()  # the error summary links to the field
    connu = factories.employeur(raison_sociale="Mairie de Montreuil", statut="collectivite_territoriale", numero=77)
    reponse = client.post(reverse("conventions:nouvelle"), {"siret": connu.siret, "action": "rechercher"})
    assert reponse.context["form"].initial["raison_sociale"] == "Mairie de Montreuil"
    assert "Employeur retrouvé" in reponse.content.decode()


def test_etape_2_nir_controle_sa_cle(arretes, connecter):
    client = connecter("prescripteur")
    client.post(reverse("conventions:nouvelle"), donnees_employeur())
    faux = NIR_JEUNE[:-2] + ("00" if NIR_JEUNE[-2:] != "00" else "01")
    reponse = client.post(reverse("conventions:nouvelle_salarie"), donnees_salarie(nir=faux))
    assert "clé de contrôle" in erreurs_du_champ(reponse, "nir")[0]
    # What was typed is kept for the person who typed it, in a page never cached (the NIR is not in any URL).
    assert reponse.context["form"]["nir"].value() == faux
    assert "no-store" in reponse["Cache-Control"]
    assert reponse.context["form"]["nom"].value() == "Durand"  # what was typed is kept
    reponse = client.post(reverse("conventions:nouvelle_salarie"), donnees_salarie(civilite="mme"))
    assert "sexe" in erreurs_du_champ(reponse, "nir")[0]
    assert not Convention.objects.exists()


def test_etape_3_trente_mois_refuses_pour_un_trentenaire_sans_rqth(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client, donnees_salarie(naissance="10/02/1980", nir=factories.nir(1, 1980, 2)))
    url = reverse("conventions:etape", args=[convention.pk, 3])
    reponse = client.post(url, donnees_contrat(date_fin="03/07/2012", date_fin_contrat_travail="03/07/2012"))
    assert reponse.status_code == 200
    message = erreurs_du_champ(reponse, "date_fin")[0]
    assert "24 mois au plus" in message and "30 mois demandés" in message
    assert reponse.context["form"]["date_fin"].value() == "03/07/2012"  # kept after the error
    convention.refresh_from_db()
    assert convention.date_fin is None  # not saved
    # the draft keeps the earlier steps
    assert convention.salarie.nom == "Durand" and convention.employeur.raison_sociale.startswith("Association")


def test_etape_3_heures_et_cdd(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    url = reverse("conventions:etape", args=[convention.pk, 3])
    reponse = client.post(url, donnees_contrat(duree_hebdo_travail="40", date_fin_contrat_travail=""))
    assert "ne peut dépasser 35 heures" in erreurs_du_champ(reponse, "duree_hebdo_travail")[0]


def test_etape_4_aide_calculee_par_le_service_et_fragment_htmx(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    client.post(reverse("conventions:etape", args=[convention.pk, 3]), donnees_contrat())
    reponse = client.get(reverse("conventions:etape", args=[convention.pk, 4]))
    contenu = reponse.content.decode()
    assert "691,08" in contenu and "90\u00a0%" in contenu and "8,86" in contenu  # 90 % × 8,86 × 20 h × 52 / 12
    fragment = client.get(
        reverse("conventions:calcul_aide", args=[convention.pk]),
        {"financement": "etat_cg", "taux_majore": "95"},
        HTTP_HX_REQUEST="true",
    )
    assert "729,47" in fragment.content.decode()  # 95 % raised by the conseil général
    reponse = client.post(
        reverse("conventions:etape", args=[convention.pk, 4]), {"financement": "etat", "taux_majore": "95"}
    )
    assert "Seul le conseil général" in erreurs_du_champ(reponse, "taux_majore")[0]
    reponse = client.post(reverse("conventions:etape", args=[convention.pk, 4]), {"financement": "etat"})
    assert reponse.status_code == 302
    convention.refresh_from_db()
    assert str(convention.aide_mensuelle) == "691.08" and convention.arrete is not None


def test_etape_5_immersion_de_cinq_semaines_refusee(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    client.post(reverse("conventions:etape", args=[convention.pk, 3]), donnees_contrat())
    url = reverse("conventions:etape", args=[convention.pk, 5])
    reponse = client.post(url, donnees_periodes(("Boulangerie Dupont", "01/03/2010", "04/04/2010")))
    assert reponse.status_code == 200
    erreurs = reponse.context["formset"].forms[0].errors["date_fin"]
    assert "un mois au plus" in erreurs[0] and "35 jours demandés" in erreurs[0]
    assert 'href="#id_periodes-0-date_fin"' in reponse.content.decode()
    assert not convention.periodes_immersion.exists()
    reponse = client.post(url, donnees_periodes(("Boulangerie Dupont", "01/03/2010", "31/03/2010")))
    assert reponse.status_code == 302
    assert convention.periodes_immersion.count() == 1


def test_recapitulatif_lie_les_erreurs_a_leur_etape(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    reponse = client.get(reverse("conventions:recapitulatif", args=[convention.pk]))
    contenu = reponse.content.decode()
    assert "Indiquez le début de la convention." in contenu
    assert reverse("conventions:etape", args=[convention.pk, 3]) in contenu
    reponse = client.post(reverse("conventions:recapitulatif", args=[convention.pk]), {"action": "conclure"})
    assert reponse.status_code == 200
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.BROUILLON and convention.numero is None


def test_brouillon_repris_depuis_la_liste(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    reponse = client.post(
        reverse("conventions:etape", args=[convention.pk, 3]), {**donnees_contrat(), "action": "quitter"}
    )
    assert reponse.status_code == 302 and "statut=brouillon" in reponse.url
    liste = client.get(reponse.url).content.decode()
    assert reverse("conventions:detail", args=[convention.pk]) in liste
    reprise = client.get(reverse("conventions:etape", args=[convention.pk, 3]))
    assert reprise.context["form"].initial["date_debut"].isoformat() == "2010-01-04"
    salarie = client.get(reverse("conventions:etape", args=[convention.pk, 2])).content.decode()
    assert NIR_JEUNE not in salarie and "1 90 03 ••" in salarie  # masked outside the detail page


def test_scenario_complet_cae_jeunes(arretes, connecter, monkeypatch):
    """« Done when »: a CAE-jeunes with an immersion period; the aid seen; a 5-week immersion period and a
    30-month convention refused; concluded; its Cerfa downloaded."""
    client = connecter("prescripteur")
    convention = commencer(client)
    etape = lambda n: reverse("conventions:etape", args=[convention.pk, n])  # noqa: E731
    refus = client.post(etape(3), donnees_contrat(date_fin="03/07/2012", date_fin_contrat_travail="03/07/2012"))
    assert "24 mois au plus" in erreurs_du_champ(refus, "date_fin")[0]
    assert client.post(etape(3), donnees_contrat()).status_code == 302
    assert "691,08" in client.get(etape(4)).content.decode()
    assert client.post(etape(4), {"financement": "etat"}).status_code == 302
    refus = client.post(etape(5), donnees_periodes(("Boulangerie Dupont", "01/03/2010", "04/04/2010")))
    assert "un mois au plus" in refus.context["formset"].forms[0].errors["date_fin"][0]
    assert (
        client.post(etape(5), donnees_periodes(("Boulangerie Dupont", "01/03/2010", "31/03/2010"))).status_code == 302
    )
    recap = client.get(reverse("conventions:recapitulatif", args=[convention.pk])).content.decode()
    assert "CAE-jeunes" in recap and "peut être conclue" in recap
    recapitulatif = reverse("conventions:recapitulatif", args=[convention.pk])
    page = client.post(recapitulatif, {"action": "conclure"})  # without the confirmation: nothing is done
    assert page.status_code == 200 and page.templates[0].name == "confirmation.html"
    texte = page.content.decode()
    assert "Conclure la convention ?" in texte and "ne redevient pas un brouillon" in texte
    assert 'name="action" value="conclure"' in texte and 'name="confirme" value="1"' in texte
    assert "du 04/01/2010 au 03/01/2011" in texte
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.BROUILLON and convention.numero is None
    reponse = client.post(recapitulatif, {"action": "conclure", "confirme": "1"})
    assert reponse.status_code == 302 and reponse.url == reverse("conventions:detail", args=[convention.pk])
    convention.refresh_from_db()
    assert convention.statut == StatutConvention.CONCLUE and convention.numero.startswith("CAE-075-")
    assert convention.immersion and convention.periodes_immersion.count() == 1
    detail = client.get(reponse.url).content.decode()
    assert convention.numero in detail and "691,08" in detail and NIR_JEUNE in detail  # owner reads the NIR

    rendus = []
    import conventions.views.pdf as vues

    vrai = vues.reponse_pdf

    def espion(template, contexte, **kwargs):
        from django.template.loader import render_to_string

        from cui_portal.context_processors import DROIT

        rendus.append(render_to_string(template, {"droit": DROIT, **contexte, "titre_document": kwargs["titre"]}))
        return vrai(template, contexte, **kwargs)

    monkeypatch.setattr(vues, "reponse_pdf", espion)
    pdf = client.get(reverse("conventions:cerfa", args=[convention.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert convention.numero in rendus[0] and "CONVENTION INDIVIDUELLE" in rendus[0] and NIR_JEUNE in rendus[0]


def test_national_et_region_ne_creent_pas(arretes, connecter):
    for qui in ("national", "correspondant", "cg93"):
        assert connecter(qui).get(reverse("conventions:nouvelle")).status_code == 403
