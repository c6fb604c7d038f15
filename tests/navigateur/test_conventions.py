"""A prescripteur enters a CAE-jeunes convention with an immersion period through the six steps and downloads its
Cerfa; the same entry with the keyboard only; axe-core on every step, an error, the summary, the detail, the list."""

import re

import pytest

from conventions.models import Convention
from droit.vocabulaire import StatutConvention
from referentiels.models import Departement, PublicPrioritaire
from tests.conventions import factories
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]

NIR = factories.nir(1, 1990, 3, ordre=456)


def sans_violation(page):
    violations = violations_axe(page)
    assert violations == [], violations


def remplir(page, valeurs: dict):
    for champ, valeur in valeurs.items():
        page.fill(f"#id_{champ}", valeur)


def choisir(page, valeurs: dict):
    for champ, valeur in valeurs.items():
        page.select_option(f"#id_{champ}", valeur)


def suivant(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer et continuer").click()
    page.wait_for_load_state("networkidle")


def test_saisie_cae_jeunes_avec_immersion_et_cerfa(page, demo):
    factories.arretes_2010(demo)
    connecter(page, "prescripteur")
    page.get_by_role("link", name="Nouvelle convention").first.click()
    assert "Étape 1 sur 6" in page.locator(".fr-stepper").inner_text()
    sans_violation(page)
    remplir(
        page,
        {
            "siret": factories.siret(4242),
            "raison_sociale": "Association Les Jardins",
            "commune": "Paris",
            "numero_urssaf_msa": "750123456789",
        },
    )
    choisir(
        page,
        {
            "statut_juridique": "association",
            "departement": str(Departement.objects.get(code="75").pk),
            "assurance_chomage": "unedic",
        },
    )
    suivant(page)

    assert "Étape 2 sur 6" in page.locator(".fr-stepper").inner_text()
    sans_violation(page)
    page.locator("label[for=id_civilite_1]").click()
    remplir(page, {"nom": "Durand", "prenom": "Karim", "date_naissance": "15/03/1990", "nir": NIR})
    choisir(page, {"niveau_formation": "V"})
    suivant(page)
    assert NIR not in page.url

    assert "Étape 3 sur 6" in page.locator(".fr-stepper").inner_text()
    sans_violation(page)
    # What the conclusion will require and is still empty says so; a CAE has no box of the CIE's exclusions.
    a_completer = page.locator("label[for=id_emploi_intitule] .portail-a-completer")
    assert a_completer.is_visible() and a_completer.inner_text() == "À compléter avant de conclure."
    assert page.locator("label[for=id_declaration_cotisations_a_jour] .portail-a-completer").is_visible()
    assert page.locator("#id_declaration_sans_licenciement_economique, #id_declaration_sans_remplacement").count() == 0
    contrat = {
        "date_conclusion": "15/12/2009",
        "date_embauche": "04/01/2010",
        "date_fin_contrat_travail": "03/07/2012",
        "duree_hebdo_travail": "26",
        "date_debut": "04/01/2010",
        "date_fin": "03/07/2012",
        "duree_hebdo_prise_en_charge": "20",
        "tuteur_nom": "Mme Martin",
        "tuteur_fonction": "Coordinatrice",
        "tuteur_experience_mois": "60",
        "emploi_intitule": "Agent d'entretien des espaces verts",
        "code_rome": "A1203",
        "salaire_horaire_brut": "8,86",
        "lieu_travail": "Paris",
    }
    remplir(page, contrat)
    page.locator("label[for=id_tuteur_volontaire]").click()
    page.locator("label[for=id_declaration_cotisations_a_jour]").click()
    choisir(page, {"public": str(PublicPrioritaire.objects.get(code="jeunes-moins-26-ans").pk)})
    suivant(page)
    assert "24 mois au plus" in page.locator("#resume-erreurs").inner_text()
    assert page.locator("#id_date_fin").input_value() == "03/07/2012"
    sans_violation(page)
    remplir(page, {"date_fin": "03/01/2011", "date_fin_contrat_travail": "03/01/2011"})
    suivant(page)

    assert "Étape 4 sur 6" in page.locator(".fr-stepper").inner_text()
    assert "691,08" in page.locator("#aide-mensuelle").inner_text()
    page.locator("label[for=id_financement_1]").click()  # État + conseil général: htmx recomputes the split
    page.wait_for_function("document.querySelector('#part-conseil-general').innerText.trim() !== '0,00\u00a0€'")
    sans_violation(page)
    page.locator("label[for=id_financement_0]").click()
    suivant(page)

    assert "Étape 5 sur 6" in page.locator(".fr-stepper").inner_text()
    sans_violation(page)
    page.locator("label[for=id_types_formation_0]").click()  # adaptation au poste (L. 5134-22: one at least)
    choisir(page, {"resultat_formation": "attestation"})
    page.locator("label[for=id_immersion]").click()
    remplir(
        page,
        {
            "periodes-0-employeur_accueil": "Boulangerie Dupont",
            "periodes-0-date_debut": "01/03/2010",
            "periodes-0-date_fin": "04/04/2010",
        },
    )
    suivant(page)
    assert "un mois au plus" in page.locator("#resume-erreurs").inner_text()
    sans_violation(page)
    capture(page, "convention-saisie")
    remplir(page, {"periodes-0-date_fin": "31/03/2010"})
    suivant(page)

    assert "Étape 6 sur 6" in page.locator(".fr-stepper").inner_text()
    assert "CAE-jeunes" in page.content()
    sans_violation(page)
    page.get_by_role("button", name="Conclure la convention").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Conclure la convention ?"  # nothing is done before confirming
    assert "ne redevient pas un brouillon" in page.locator("#irreversible").inner_text()
    assert Convention.objects.get().statut == StatutConvention.BROUILLON
    sans_violation(page)
    capture(page, "convention-confirmation")
    page.get_by_role("button", name="Oui, conclure la convention").click()
    page.wait_for_load_state("networkidle")
    convention = Convention.objects.get()
    assert convention.statut == StatutConvention.CONCLUE
    assert convention.numero in page.locator("h1").inner_text()
    assert NIR in page.content()  # the owner reads the NIR on the detail page
    sans_violation(page)
    capture(page, "convention-detail")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Cerfa (PDF)").click()
    chemin = telechargement.value.path()
    with open(chemin, "rb") as fichier:
        assert fichier.read(4) == b"%PDF"

    page.goto(page.url_de("/conventions/"))
    assert convention.numero in page.content() and NIR not in page.content()
    sans_violation(page)
    capture(page, "conventions-liste")


# --- keyboard only ----------------------------------------------------------------------------------


def tab_vers(page, selecteur: str, maximum: int = 250, texte: str = ""):
    """Press Tab until the element matching ``selecteur`` (and showing ``texte``) has the focus (no click)."""
    for _ in range(maximum):
        if page.evaluate(
            "([s, t]) => { const e = document.activeElement;"
            " return !!e && e.matches(s) && (!t || e.textContent.trim() === t); }",
            [selecteur, texte],
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selecteur} jamais atteint au clavier")


def taper(page, champ: str, texte: str):
    tab_vers(page, f"#id_{champ}")
    page.keyboard.press("Control+A")
    page.keyboard.type(texte)


def valider(page, nom: str = "Enregistrer et continuer"):
    tab_vers(page, "button", texte=nom)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")


def test_saisie_au_clavier_seulement(page, demo):
    factories.arretes_2010(demo)
    connecter(page, "prescripteur")
    page.goto(page.url_de("/conventions/nouvelle/"))
    page.keyboard.press("Tab")
    taper(page, "siret", factories.siret(4343))
    taper(page, "raison_sociale", "Mairie de Pantin")
    tab_vers(page, "#id_statut_juridique")
    page.keyboard.type("Coll")  # type-ahead in the select: « Collectivité territoriale »
    tab_vers(page, "#id_departement")
    page.keyboard.type("75")
    taper(page, "numero_urssaf_msa", "750123456789")
    tab_vers(page, "#id_assurance_chomage")
    page.keyboard.type("Auto")  # « Auto-assurance (employeur public) »
    valider(page)
    assert "Étape 2 sur 6" in page.locator(".fr-stepper").inner_text()

    tab_vers(page, "input[name=civilite]")
    page.keyboard.press("ArrowDown")  # Monsieur
    page.keyboard.press("Space")
    taper(page, "nom", "Benali")
    taper(page, "prenom", "Yanis")
    taper(page, "date_naissance", "15/03/1990")
    taper(page, "nir", NIR)
    tab_vers(page, "#id_niveau_formation")
    page.keyboard.type("Niveau IV")
    tab_vers(page, "#id_inscrit_pole_emploi")
    page.keyboard.press("Space")
    taper(page, "inscrit_depuis", "01/06/2009")
    taper(page, "identifiant_pole_emploi", "1234567A")
    valider(page)
    assert "Étape 3 sur 6" in page.locator(".fr-stepper").inner_text(), page.locator("main").inner_text()[:1500]

    for champ, valeur in {
        "date_conclusion": "15/12/2009",
        "date_embauche": "04/01/2010",
        "date_fin_contrat_travail": "03/01/2011",
        "duree_hebdo_travail": "26",
        "emploi_intitule": "Agent d'accueil",
        "code_rome": "M1601",
        "salaire_horaire_brut": "8,86",
        "lieu_travail": "Pantin",
        "date_debut": "04/01/2010",
        "date_fin": "03/01/2011",
        "duree_hebdo_prise_en_charge": "20",
        "tuteur_nom": "Mme Martin",
        "tuteur_fonction": "Coordinatrice",
        "tuteur_experience_mois": "60",
    }.items():
        taper(page, champ, valeur)
    tab_vers(page, "#id_tuteur_volontaire")
    page.keyboard.press("Space")
    tab_vers(page, "#id_declaration_cotisations_a_jour")
    page.keyboard.press("Space")
    tab_vers(page, "#id_public")
    page.keyboard.type("Jeunes")
    valider(page)
    assert "Étape 4 sur 6" in page.locator(".fr-stepper").inner_text(), page.locator("main").inner_text()[:1500]
    assert re.search(r"691,08", page.locator("#aide-mensuelle").inner_text())
    valider(page)

    assert "Étape 5 sur 6" in page.locator(".fr-stepper").inner_text()
    tab_vers(page, "#id_types_formation_1")  # remise à niveau
    page.keyboard.press("Space")
    tab_vers(page, "#id_resultat_formation")
    page.keyboard.type("Attestation")
    taper(page, "periodes-0-employeur_accueil", "Boulangerie Dupont")
    taper(page, "periodes-0-date_debut", "01/03/2010")
    taper(page, "periodes-0-date_fin", "31/03/2010")
    valider(page)
    assert "Étape 6 sur 6" in page.locator(".fr-stepper").inner_text(), page.locator("main").inner_text()[:1500]
    valider(page, "Conclure la convention")
    valider(page, "Oui, conclure la convention")
    convention = Convention.objects.get()
    assert convention.statut == StatutConvention.CONCLUE and convention.periodes_immersion.count() == 1
    assert convention.employeur.statut_juridique == "collectivite_territoriale"
    assert convention.salarie.inscrit_pole_emploi and convention.salarie.civilite == "m"
    assert (
        convention.types_formation == ["remise_a_niveau"] and convention.employeur.assurance_chomage == "auto_assurance"
    )
