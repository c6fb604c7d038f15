"""The rest of the Cerfa n° 13998*01 in the pages: each message at its field of the entry, what the conclusion
still needs linked to its step, the employer's earlier aided contracts shown as one derived fact, the printed Cerfa
with every box (filled or visibly empty), the attestation with the employee's job, the snapshot kept as signed."""

import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from conventions.models import Convention
from conventions.models_cerfa import ActionAccompagnement, ActionFormation, ResultatFormation
from conventions.models_parties import AssuranceChomage
from conventions.services import evenements
from tests.conventions import factories

from .test_saisie import commencer, donnees_contrat, donnees_employeur, donnees_periodes, donnees_salarie

pytestmark = pytest.mark.django_db


def espionner_pdf(monkeypatch) -> list[str]:
    """The HTML each PDF view gives ``cui_portal.pdf`` (what WeasyPrint prints), instead of the PDF."""
    import conventions.views.pdf as vues
    from cui_portal.context_processors import DROIT

    rendus = []

    def espion(gabarit, contexte, **kwargs):
        rendus.append(render_to_string(gabarit, {"droit": DROIT, **contexte, "titre_document": kwargs["titre"]}))
        return HttpResponse(b"%PDF")

    monkeypatch.setattr(vues, "reponse_pdf", espion)
    return rendus


def erreurs(reponse, champ: str) -> str:
    return " ".join(str(m) for m in reponse.context["form"].errors.get(champ, []))


def test_etape_3_chaque_message_a_son_champ(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    url = reverse("conventions:etape", args=[convention.pk, 3])
    reponse = client.post(url, donnees_contrat(code_rome="Z12", salaire_horaire_brut="8,50", periode_essai_jours="40"))
    assert reponse.status_code == 200
    assert "K1302" in erreurs(reponse, "code_rome")
    assert "8,86\u00a0€" in erreurs(reponse, "salaire_horaire_brut") and "L. 3231-2" in erreurs(
        reponse, "salaire_horaire_brut"
    )
    # a CDD of twelve months: one month of trial at most (L. 1242-10)
    assert "au plus 31 jours" in erreurs(reponse, "periode_essai_jours")
    page = reponse.content.decode()
    assert 'href="#id_code_rome"' in page and 'href="#id_salaire_horaire_brut"' in page
    convention.refresh_from_db()
    assert convention.code_rome == ""  # nothing saved
    reponse = client.post(url, donnees_contrat(code_rome="a1203"))
    assert reponse.status_code == 302
    convention.refresh_from_db()
    assert convention.code_rome == "A1203" and convention.salaire_horaire_brut == Decimal("8.86")


def test_etape_5_autre_se_precise_a_son_champ(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    client.post(reverse("conventions:etape", args=[convention.pk, 3]), donnees_contrat())
    url = reverse("conventions:etape", args=[convention.pk, 5])
    donnees = donnees_periodes() | {"types_formation": ["autre"], "actions_formation": ""}
    reponse = client.post(url, donnees)
    assert "Précisez l'« autre » action de formation" in erreurs(reponse, "actions_formation")
    reponse = client.post(url, donnees_periodes() | {"types_formation": ["vae", "qualifiante"]})
    assert reponse.status_code == 302
    convention.refresh_from_db()
    assert convention.types_formation == ["qualifiante", "vae"] or set(convention.types_formation) == {
        "qualifiante",
        "vae",
    }


def test_etapes_1_et_2_annexe_financiere_et_identifiant(arretes, connecter):
    client = connecter("prescripteur")
    reponse = client.post(reverse("conventions:nouvelle"), donnees_employeur(numero_annexe_financiere="AF-1"))
    assert "atelier et chantier d'insertion" in erreurs(reponse, "numero_annexe_financiere")
    client.post(reverse("conventions:nouvelle"), donnees_employeur())
    salarie = donnees_salarie()
    del salarie["inscrit_pole_emploi"], salarie["inscrit_depuis"]
    reponse = client.post(reverse("conventions:nouvelle_salarie"), salarie)
    assert "salarié inscrit" in erreurs(reponse, "identifiant_pole_emploi")


def test_le_recapitulatif_dit_ce_qui_manque_et_renvoie_a_l_etape(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client, donnees_salarie(identifiant_pole_emploi=""))
    client.post(reverse("conventions:etape", args=[convention.pk, 3]), donnees_contrat(emploi_intitule=""))
    client.post(reverse("conventions:etape", args=[convention.pk, 4]), {"financement": "etat"})
    client.post(reverse("conventions:etape", args=[convention.pk, 5]), donnees_periodes() | {"types_formation": []})
    page = client.get(reverse("conventions:recapitulatif", args=[convention.pk])).content.decode()
    for message, etape in (
        ("Indiquez l&#x27;emploi occupé par le salarié", 3),
        ("Un CAE prévoit au moins une action de formation", 5),
        ("L. 5134-22", 5),
        ("Indiquez l&#x27;identifiant Pôle emploi", 2),
    ):
        assert message in page, message
        assert reverse("conventions:etape", args=[convention.pk, etape]) in page
    reponse = client.post(reverse("conventions:recapitulatif", args=[convention.pk]), {"action": "conclure"})
    assert Convention.objects.get(pk=convention.pk).statut == "brouillon", reponse.status_code


def test_contrats_aides_deduits_sans_rien_dire_des_autres_organisations(arretes, connecter):
    """Another organisation's convention with this SIRET makes the bilan required: the page says the fact, never
    that convention's number, prescripteur or employee."""
    autre = factories.convention(arretes, prescripteur="ml_paris")
    client = connecter("prescripteur")
    reponse = client.post(reverse("conventions:nouvelle"), {"siret": autre.employeur.siret, "action": "rechercher"})
    page = reponse.content.decode()
    assert "a déjà employé des salariés en contrat aidé" in page
    assert autre.numero not in page and autre.prescripteur.nom not in page and autre.salarie.nom not in page
    assert "a_eu_contrats_aides" not in reponse.context["form"].fields  # no longer typed
    neuf = client.post(reverse("conventions:nouvelle"), {"siret": factories.siret(), "action": "rechercher"})
    assert "Aucune convention antérieure de cet employeur" in neuf.content.decode()


def test_le_cerfa_montre_chaque_case_remplie_ou_vide(arretes, connecter, monkeypatch):
    rendus = espionner_pdf(monkeypatch)
    c = factories.convention(arretes, types_accompagnement=["prise_de_poste"])
    brouillon = factories.convention(
        arretes, conclure=False, emploi_intitule="", code_rome="", lieu_travail="", salaire_horaire_brut=None
    )
    client = connecter("prescripteur")
    for convention in (c, brouillon):
        assert client.get(reverse("conventions:cerfa", args=[convention.pk])).status_code == 200
    plein, vide = rendus
    libelles = [
        "Code NAF",
        "Effectif",
        "N° d'affiliation URSSAF / MSA",
        "Assurance chômage",
        "N° de l'annexe financière",
        "A déjà employé des salariés en contrat aidé",
        "Bilan préalable",
        "Nom de naissance",
        "Nom d'usage",
        "N° d'inscription au répertoire (NIR)",
        "Niveau de formation",
        "Inscrit à Pôle emploi",
        "identifiant",
        "Durée d'inscription",
        "moins de 6 mois",
        "24 mois et plus",
        "Bénéficiaire du RSA",
        "Public prioritaire",
        "Emploi occupé",
        "Code ROME",
        "Salaire horaire brut",
        "Durée hebdomadaire de travail",
        "Lieu d'exécution du contrat",
        "Durée de la période d'essai",
        "Actions d'accompagnement professionnel",
        "Actions de formation",
        "Résultat attendu",
        "Référent",
        "Tuteur",
        "Engagements de l'employeur",
        "à jour de ses cotisations et contributions sociales",
        "Immersion",
        *ActionAccompagnement.labels,
        *ActionFormation.labels,
        *ResultatFormation.labels,
        *AssuranceChomage.labels,
    ]
    for texte in (plein, vide):
        manquants = [lib for lib in libelles if lib.replace("'", "&#x27;") not in texte and lib not in texte]
        assert not manquants, manquants
    assert "Agent d&#x27;entretien des espaces verts" in plein and "A1203" in plein and "9,50" in plein
    # a CAE: the CIE's own sworn statements (L. 5134-68) are said not to apply, not shown as boxes
    assert "sans objet pour un CAE" in plein and "faute grave ou lourde" not in plein
    assert "750123456789" in plein and "1234567A" in plein
    # a box not filled is left visibly empty
    assert "<strong>Emploi occupé :</strong> ……………" in vide and "<strong>Code ROME :</strong> ……" in vide


def test_le_cerfa_imprime_porte_ses_cases(arretes, connecter, tmp_path):
    c = factories.convention(arretes)
    pdf = connecter("prescripteur").get(reverse("conventions:cerfa", args=[c.pk])).content
    (tmp_path / "cerfa.pdf").write_bytes(pdf)
    subprocess.run(["pdftotext", "-layout", str(tmp_path / "cerfa.pdf")], check=True)
    texte = " ".join((tmp_path / "cerfa.txt").read_text().split())
    for libelle in ("Emploi occupé", "Code ROME : A1203", "Salaire horaire brut", "URSSAF / MSA", "Résultat attendu"):
        assert libelle in texte, libelle


def test_l_attestation_imprime_l_emploi_du_salarie_pas_la_fonction_du_tuteur(arretes, connecter, monkeypatch):
    rendus = espionner_pdf(monkeypatch)
    fin = date(2010, 7, 3)
    c = factories.convention(
        arretes, date_fin=fin, date_fin_contrat_travail=fin, emploi_intitule="Valoriste", code_rome="K2304"
    )
    assert connecter("prescripteur").get(reverse("conventions:attestation", args=[c.pk])).status_code == 200
    (html,) = rendus
    assert "<td>Valoriste (code ROME K2304)</td>" in html
    assert "<td>Coordinatrice</td>" not in html  # the tutor's function is the tutor's, beside their name


def test_ce_qui_est_signe_reste_signe_apres_avenant_et_autre_saisie(arretes, connecter):
    c = factories.convention(arretes)
    signe = {
        "employeur": (c.employeur.numero_urssaf_msa, c.employeur.assurance_chomage, c.employeur.a_eu_contrats_aides),
        "salarie": (c.salarie.identifiant_pole_emploi, c.salarie.nom_usage),
        "cerfa": (c.emploi_intitule, c.code_rome, c.salaire_horaire_brut, list(c.types_formation)),
    }
    # another organisation's entry on the same SIRET has its own record
    client = connecter("multi")
    client.post(
        reverse("conventions:nouvelle"),
        donnees_employeur(siret=c.employeur.siret, numero_urssaf_msa="999999999999", assurance_chomage=""),
    )
    evenements.ajouter_avenant(
        c,
        type="modification",
        date=date(2010, 3, 1),
        date_effet=date(2010, 3, 1),
        duree_hebdo_prise_en_charge=Decimal(18),
        motif="Moins d'heures prises en charge",
        par=None,
    )
    c = Convention.objects.select_related("employeur", "salarie").get(pk=c.pk)
    assert (c.employeur.numero_urssaf_msa, c.employeur.assurance_chomage, c.employeur.a_eu_contrats_aides) == signe[
        "employeur"
    ]
    assert (c.salarie.identifiant_pole_emploi, c.salarie.nom_usage) == signe["salarie"]
    assert (c.emploi_intitule, c.code_rome, c.salaire_horaire_brut, list(c.types_formation)) == signe["cerfa"]


def test_le_cerfa_d_un_cie_porte_les_engagements_de_l_article_l_5134_68(arretes, connecter, monkeypatch):
    rendus = espionner_pdf(monkeypatch)
    cie = factories.convention(
        arretes, conclure=False, type_contrat="CIE", employeur_=factories.employeur(statut="entreprise")
    )
    assert connecter("prescripteur").get(reverse("conventions:cerfa", args=[cie.pk])).status_code == 200
    (texte,) = rendus
    assert "licenciement pour motif économique dans les 6 mois" in texte and "faute grave ou lourde" in texte
    assert "sans objet pour un CAE" not in texte


def test_le_resume_montre_les_attestations_du_contrat(arretes, connecter):
    """The summary lists the statements ``regles.cerfa.attestations`` gives for the contract, each signed or not."""
    client = connecter("prescripteur")
    cae = factories.convention(arretes, conclure=False)
    cie = factories.convention(
        arretes, conclure=False, type_contrat="CIE", employeur_=factories.employeur(statut="entreprise")
    )
    page_cae = client.get(reverse("conventions:recapitulatif", args=[cae.pk])).content.decode()
    page_cie = client.get(reverse("conventions:recapitulatif", args=[cie.pk])).content.decode()
    assert "cotisations à jour : oui" in page_cae and "aucun licenciement économique" not in page_cae
    assert "cotisations à jour : oui ; aucun licenciement économique dans les 6 mois : " in page_cie
    assert "pas de remplacement d&#x27;un salarié licencié : " in page_cie
