"""Playwright for Python driving Debian's Chromium against ``live_server``, and axe-core for accessibility."""

import os
from pathlib import Path

import pytest

from comptes.demo import MOT_DE_PASSE_DEMO
from tests.conftest import COMPTES, manque_service

RACINE = Path(__file__).resolve().parents[2]
AXE = RACINE / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots go to the untracked var/captures/ (a test run leaves the tree clean); CAPTURES_README=1 refreshes
# the ones the README shows, in docs/screenshots/.
CAPTURES = RACINE / ("docs/screenshots" if os.environ.get("CAPTURES_README") == "1" else "var/captures")
ARGUMENTS_CHROMIUM = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def navigateur(chemin_chromium):
    # Playwright's sync API runs an event loop in this thread; the ORM calls of live_server fixtures are safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        manque_service("Playwright pour Python n'est pas installé.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chemin_chromium, args=ARGUMENTS_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(navigateur, live_server, demo):
    contexte = navigateur.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = contexte.new_page()
    page.set_default_timeout(15000)
    page.url_de = lambda chemin: f"{live_server.url}{chemin}"
    yield page
    contexte.close()


def connecter(page, qui: str) -> None:
    page.goto(page.url_de("/comptes/connexion/"))
    page.get_by_label("Adresse électronique").fill(COMPTES[qui])
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE_DEMO)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state("networkidle")


def violations_axe(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page; return the violations of the given impacts."""
    if not AXE.exists():
        manque_service("axe-core est absent : lancez `npm install` (package.json).")
    page.add_script_tag(path=str(AXE))
    resultat = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "aide": v["help"], "cibles": [n["target"] for n in v["nodes"]][:5]}
        for v in resultat["violations"]
        if v["impact"] in impacts
    ]


def capture(page, nom: str) -> None:
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / f"{nom}.png"), full_page=True)
