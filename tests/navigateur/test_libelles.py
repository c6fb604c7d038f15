"""Every button and link of each role's main pages (home and every menu entry, a convention's page) shows a visible
text label: text drawn inside the element, not only a ``title`` or an ``aria-label``, not clipped away as DSFR
clips the text of an icon-only button (ticket 17, point 3)."""

import io

import pytest
from django.core.management import call_command

from conventions.models import Convention
from tests.navigateur.conftest import connecter

pytestmark = [pytest.mark.navigateur, pytest.mark.django_db(transaction=True)]

ROLES = ["prescripteur", "correspondant", "gestionnaire", "national", "cg93", "admin"]

# For each visible button or link: is some of its text drawn inside its own box? (A text clipped by the
# element's overflow, as in DSFR's icon-only buttons, is drawn outside it; a screen-reader-only text is 1 px.)
SANS_LIBELLE_VISIBLE = """() => {
  const elements = document.querySelectorAll(
    'a[href], button, input[type=submit], input[type=button], input[type=reset], [role=button]');
  const sans = [];
  for (const el of elements) {
    const boite = el.getBoundingClientRect();
    if (!el.checkVisibility({checkVisibilityCSS: true})) continue;  // not shown (a closed menu, another size)
    let visible = false;
    if (boite.width === 0 || boite.height === 0) {
      visible = false;  // shown but empty: nothing to read (an empty link with only a title)
    } else if (el.tagName === 'INPUT') {
      visible = (el.value || '').trim() !== '';
    } else {
      const parcours = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (!visible && parcours.nextNode()) {
        const noeud = parcours.currentNode;
        if (!noeud.textContent.trim() || !noeud.parentElement.checkVisibility({checkVisibilityCSS: true})) continue;
        const plage = document.createRange();
        plage.selectNodeContents(noeud);
        for (const r of plage.getClientRects()) {
          if (r.width >= 4 && r.height >= 4 && r.left >= boite.left - 2 && r.right <= boite.right + 2
              && r.top >= boite.top - 2 && r.bottom <= boite.bottom + 2) { visible = true; break; }
        }
      }
    }
    if (!visible) sans.push(el.outerHTML.slice(0, 200));
  }
  return sans;
}"""


@pytest.fixture
def demonstration(demo):
    call_command("charger_demo", "--force", stdout=io.StringIO())  # the clock stands on 30/11/2010 (conftest)
    return demo


def pages_principales(page, qui: str) -> list[str]:
    liens = page.eval_on_selector_all("#navigation-principale a[href]", "liens => liens.map(a => a.href)")
    if qui == "prescripteur":
        # The one that ended first: its page offers both PDFs (Cerfa and attestation d'expérience).
        conventions = Convention.objects.exclude(numero=None).filter(prescripteur__nom__contains="Paris 19")
        convention = conventions.order_by("date_fin").first()
        if convention is not None:
            liens.append(page.url_de(f"/conventions/{convention.pk}/"))
    return list(dict.fromkeys(liens))


def test_chaque_bouton_et_lien_a_un_libelle_visible(page, demonstration):
    manques = {}
    visitees = 0
    for qui in ROLES:
        page.context.clear_cookies()
        connecter(page, qui)
        for url in [page.url, *pages_principales(page, qui)]:
            page.goto(url)
            page.wait_for_load_state("load")
            visitees += 1
            if sans := page.evaluate(SANS_LIBELLE_VISIBLE):
                manques[f"{qui} {url}"] = sans
    assert visitees >= 30
    assert manques == {}, manques


def test_la_verification_reconnait_un_bouton_a_icone_seule(page, demonstration):
    """The check itself: an icon-only DSFR button, a link with only a ``title`` and an ``aria-label`` are caught."""
    connecter(page, "prescripteur")
    page.evaluate(
        """() => document.querySelector('main, #contenu').insertAdjacentHTML('beforeend',
          '<button class="fr-btn fr-icon-delete-line" id="icone-seule">Supprimer</button>'
          + '<a href="/" id="titre-seul" title="Accueil"></a>'
          + '<a href="/" id="aria-seul" aria-label="Accueil"><span class="fr-icon-home-4-line" aria-hidden="true">'
          + '</span></a>'
          + '<a href="/" id="cache"><span class="fr-sr-only">Accueil</span></a>')"""
    )
    sans = page.evaluate(SANS_LIBELLE_VISIBLE)
    for ident in ("icone-seule", "titre-seul", "aria-seul", "cache"):
        assert any(f'id="{ident}"' in html for html in sans), (ident, sans)
    assert not any("Se déconnecter" in html for html in sans)
