"""Detail page: NIR unmasked only for the owner; permissions; avenants, suspension, rupture through the pages;
PDFs."""

import uuid
from datetime import date

import pytest
from django.urls import reverse

from droit.vocabulaire import StatutConvention
from tests.conventions import factories

pytestmark = pytest.mark.django_db


def test_nir_en_clair_seulement_pour_le_proprietaire(arretes, connecter):
    c = factories.convention(arretes)
    url = reverse("conventions:detail", args=[c.pk])
    nir = c.salarie.nir
    assert nir in connecter("prescripteur").get(url).content.decode()
    assert nir in connecter("admin").get(url).content.decode()
    for qui in ("correspondant", "gestionnaire", "national"):
        page = connecter(qui).get(url).content.decode()
        assert nir not in page and c.salarie.nir_masque in page, qui


def test_autre_organisation_404(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur_nord")
    for nom, kwargs in (
        ("conventions:detail", {}),
        ("conventions:cerfa", {}),
        ("conventions:avenant", {"type_avenant": "renouvellement"}),
        ("conventions:suspension", {}),
    ):
        assert client.get(reverse(nom, kwargs={"pk": c.pk, **kwargs})).status_code == 404, nom


def test_national_lit_mais_ne_modifie_pas(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("national")
    assert client.get(reverse("conventions:detail", args=[c.pk])).status_code == 200
    assert client.get(reverse("conventions:avenant", args=[c.pk, "modification"])).status_code == 403
    assert client.get(reverse("conventions:nouvelle")).status_code == 403


def test_conseil_general_voit_les_conventions_qu_il_cofinance_dans_son_departement(
    arretes, caom_2010_signees, connecter
):
    cofinancee = factories.convention(
        arretes,
        code_departement="93",
        financement="etat_cg",
        public="beneficiaires-rsa",
        salarie_=factories.salarie(beneficiaire_rsa=True),
    )
    etat_seul = factories.convention(arretes, code_departement="93")
    client = connecter("cg93")
    liste = {c.pk for c in client.get(reverse("conventions:liste")).context["page_obj"]}
    assert liste == {cofinancee.pk}
    assert client.get(reverse("conventions:detail", args=[etat_seul.pk])).status_code == 404
    page = client.get(reverse("conventions:detail", args=[cofinancee.pk])).content.decode()
    assert cofinancee.salarie.nir not in page  # masked for the conseil général
    assert connecter("cg59").get(reverse("conventions:detail", args=[cofinancee.pk])).status_code == 404


def _senior_rsa(arretes):
    salarie = factories.salarie(date(1955, 5, 1), sexe=2, nom="Lefebvre", prenom="Odile", beneficiaire_rsa=True)
    return factories.convention(
        arretes,
        public="beneficiaires-rsa",
        salarie_=salarie,
        date_fin=date(2012, 1, 3),
        date_fin_contrat_travail=date(2012, 1, 3),
    )


def renouveler(client, c, fin: str):
    return client.post(
        reverse("conventions:avenant", args=[c.pk, "renouvellement"]),
        {
            "date": "15/12/2011",
            "date_effet": "04/01/2012",
            "date_fin": fin,
            "date_fin_contrat_travail": fin,
            "bilan_employeur_fourni": "on",
            "jeton_envoi": uuid.uuid4(),
        },
    )


def test_renouvellement_jusqu_a_48_mois_pour_une_beneficiaire_du_rsa_de_55_ans(arretes, connecter):
    c = _senior_rsa(arretes)
    client = connecter("prescripteur")
    trop = renouveler(client, c, "03/01/2014")  # two years at once
    assert trop.status_code == 200
    assert "chaque renouvellement dure un an au plus" in trop.context["form"].errors["date_fin"][0]
    assert renouveler(client, c, "03/01/2013").status_code == 302
    assert renouveler(client, c, "03/01/2014").status_code == 302
    c.refresh_from_db()
    assert c.date_fin == date(2014, 1, 3) and c.avenants.count() == 2
    assert "Avenants de la convention" in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()


def test_renouvellement_au_dela_de_24_mois_refuse_sans_condition(arretes, connecter):
    c = factories.convention(
        arretes,
        salarie_=factories.salarie(date(1980, 2, 10)),
        public="demandeurs-emploi-longue-duree",
        date_fin=date(2012, 1, 3),
        date_fin_contrat_travail=date(2012, 1, 3),
    )
    reponse = renouveler(connecter("prescripteur"), c, "03/01/2013")
    assert "Durée totale de 36 mois refusée" in reponse.context["form"].errors["date_fin"][0]


def test_avenant_immersion_et_suspension_tardive_puis_rupture(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    trop_longue = client.post(
        reverse("conventions:avenant", args=[c.pk, "immersion"]),
        {
            "date": "01/02/2010",
            "date_effet": "01/03/2010",
            "employeur_accueil": "Boulangerie Dupont",
            "date_debut": "01/03/2010",
            "date_fin": "04/04/2010",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    assert "un mois au plus" in trop_longue.context["form"].errors["date_fin"][0]
    reponse = client.post(
        reverse("conventions:suspension", args=[c.pk]),
        {
            "date_suspension": "01/03/2010",
            "motif": "maladie",
            "date_declaration": "20/03/2010",
            "jeton_envoi": uuid.uuid4(),
        },
    )
    assert reponse.status_code == 302
    page = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    assert "Déclaration tardive" in page
    formulaire = client.get(reverse("conventions:reprise", args=[c.pk]))
    assert "Date de la reprise du contrat" in formulaire.content.decode()
    sans_date = client.post(
        reverse("conventions:reprise", args=[c.pk]), {"date_declaration": "20/03/2010", "jeton_envoi": uuid.uuid4()}
    )
    assert sans_date.context["form"].errors["date_reprise"] == ["Indiquez la date de la reprise."]
    reprise = client.post(
        reverse("conventions:reprise", args=[c.pk]),
        {"date_reprise": "15/03/2010", "date_declaration": "20/03/2010", "jeton_envoi": uuid.uuid4()},
    )
    assert reprise.status_code == 302
    assert c.suspensions.get().date_fin == date(2010, 3, 14)
    rupture = {
        "date_rupture": "01/06/2010",
        "motif": "hors_cas_legaux",
        "date_declaration": "03/06/2010",
        "jeton_envoi": uuid.uuid4(),
    }
    page = client.post(reverse("conventions:rupture", args=[c.pk]), rupture)  # not confirmed: nothing is done
    texte = page.content.decode()
    assert page.status_code == 200 and "Déclarer la rupture ?" in texte
    assert "rompue le 01/06/2010" in texte and "ne reprend pas" in texte and 'value="hors_cas_legaux"' in texte
    c.refresh_from_db()
    assert c.statut != StatutConvention.ROMPUE and c.date_rupture is None
    reponse = client.post(reverse("conventions:rupture", args=[c.pk]), {**rupture, "confirme": "1"})
    assert reponse.status_code == 302
    c.refresh_from_db()
    assert c.statut == StatutConvention.ROMPUE
    assert "Aide à rembourser" in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()


def test_pdfs(arretes, connecter):
    fin = date(2010, 7, 3)  # ended before the clock's day: the attestation is due
    c = factories.convention(arretes, date_fin=fin, date_fin_contrat_travail=fin)
    client = connecter("correspondant")
    cerfa = client.get(reverse("conventions:cerfa", args=[c.pk]))
    assert cerfa.status_code == 200 and cerfa.content.startswith(b"%PDF")
    attestation = client.get(reverse("conventions:attestation", args=[c.pk]))
    assert attestation.status_code == 200 and attestation.content.startswith(b"%PDF")
    page = client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    for libelle, vue in (("Cerfa (PDF)", "cerfa"), ("Attestation d'expérience (PDF)", "attestation")):
        lien = f'<a class="fr-link fr-link--download" href="{reverse(f"conventions:{vue}", args=[c.pk])}">'
        assert f'{lien}{libelle} <span class="fr-link__detail">PDF</span></a>' in page
    brouillon = factories.convention(arretes, conclure=False)
    assert connecter("prescripteur").get(reverse("conventions:attestation", args=[brouillon.pk])).status_code == 302


def test_cerfa_masque_le_nir_pour_qui_ne_peut_le_lire(arretes, connecter, monkeypatch):
    import conventions.views.pdf as vues

    contextes = []
    from django.http import HttpResponse

    def espion(template, contexte, **kwargs):
        contextes.append(contexte)
        return HttpResponse(b"%PDF")

    monkeypatch.setattr(vues, "reponse_pdf", espion)
    c = factories.convention(arretes)
    for qui in ("prescripteur", "national"):
        assert connecter(qui).get(reverse("conventions:cerfa", args=[c.pk])).status_code == 200
    assert contextes[0]["nir"] == c.salarie.nir
    assert contextes[1]["nir"] == c.salarie.nir_masque
