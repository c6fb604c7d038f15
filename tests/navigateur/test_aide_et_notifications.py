"""Help and notifications, in Chromium: the « Aide » page of one's role from the header (the law's limits read from
``droit``), the simulator from the login page, the API's documentation working under the portal's own CSP, and a
notification of a CAOM step that leads the conseil général to its CAOM."""

from datetime import date

import pytest

from caom import services as services_caom
from caom.models import StatutCaom
from cui_portal import horloge
from droit import nombres
from rappels.models import TypeRappel
from rappels.services import executer
from referentiels.models import Departement
from tests.caom.factories import CaomFactory
from tests.navigateur.conftest import capture, connecter, violations_axe

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]


def test_l_aide_de_son_role_depuis_l_en_tete(page):
    connecter(page, "cg93")
    page.get_by_role("link", name="Aide", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Aide : conseil général"
    limites = page.get_by_role("table", name="Limites de la loi appliquées par le portail")
    texte = limites.inner_text()
    assert f"de {nombres.HEURES_MIN} à {nombres.HEURES_MAX} heures" in texte and nombres.SOURCE_HEURES in texte
    assert nombres.SOURCE_CAOM in texte and "88\u00a0% du montant forfaitaire du RSA" in texte
    assert violations_axe(page) == []
    capture(page, "aide-conseil-general")
    page.get_by_role("link", name="Prescripteur").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Aide : prescripteur"
    assert f"dans les {nombres.DELAI_DECLARATION_JOURS} jours" in page.content()
    assert violations_axe(page) == []


def test_la_page_de_connexion_mene_au_simulateur(page):
    page.goto(page.url_de("/comptes/connexion/"))
    page.get_by_role("link", name="Simuler l'aide d'un contrat").click()
    assert page.url.endswith("/simulateur/")
    assert page.get_by_role("heading", level=1).is_visible()


def test_la_documentation_de_l_api_s_affiche_sous_la_csp_du_portail(navigateur, live_server, demo):
    # A context that applies the CSP (the ordinary fixture bypasses it): nothing may be refused.
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = contexte.new_page()
    refus = []
    page.on("console", lambda m: refus.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/api/documentation/")
    assert page.get_by_role("heading", level=1, name="Documentation de l'API du Portail CUI").is_visible()
    page.locator(".swagger-ui .opblock").first.wait_for(state="visible", timeout=15000)
    assert "/api/aides/simulation" in page.locator("#swagger-ui").inner_text()
    assert refus == []
    capture(page, "documentation-api")
    contexte.close()


def test_le_conseil_general_suit_la_notification_d_une_etape_jusqu_a_sa_caom(page, demo):
    caom = CaomFactory(departement=Departement.objects.get(code="93"), annee=2011, nb_cae_cofinances=10)
    jour = date(2010, 11, 26)
    services_caom.changer_statut(
        caom, StatutCaom.EN_NEGOCIATION, date_etape=jour, auteur=demo.comptes["gestionnaire@demo.cui.fr"]
    )
    with horloge.au(jour):
        executer(jour, types={TypeRappel.CAOM_ETAPE})
    connecter(page, "cg93")
    page.get_by_role("link", name="1 notification non lue").click()
    assert page.get_by_role("heading", level=1, name="Mes notifications").is_visible()
    assert violations_axe(page) == []
    capture(page, "notifications-conseil-general")
    page.get_by_role("link", name="CAOM 2011 – 93 – Seine-Saint-Denis : en négociation le 26/11/2010").click()
    assert page.url.endswith(f"/caom/{caom.pk}/")
    page.goto(page.url_de("/rappels/"))
    assert page.get_by_text("Lu", exact=True).is_visible()
    assert page.get_by_role("link", name="1 notification non lue").count() == 0
