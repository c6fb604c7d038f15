"""Honest floors, measured in the same run as the figures they compare with:

- the *skeleton page* (``/bench/squelette/``, ``urls_bench``): the project's ``base.html`` with header,
  navigation, footer, session, user and habilitation, and no domain query: what every page pays anyway. Each main
  page is compared with it (target ≤ 2×);
- the dashboard: the bare SQL of its aggregates **plus** the skeleton page (target ≤ 1,5×);
- each PDF (Cerfa, arrêté): bare WeasyPrint on the **same final HTML and the same stylesheet** (parsed once, as the
  product does), without Django (target ≤ 1,3×); the minimal one-paragraph document is kept for reference;
- the search: the same list with and without ``?q=`` (target ≤ 2×: it measures the accent-insensitive index once
  it is there).
"""

from contextlib import contextmanager, suppress

from .mesures import client_de, mediane, obtenir, requetes, url

SQUELETTE = "/bench/squelette/"


def squelette(qui: str = "national") -> dict:
    client = client_de(qui)
    return {
        "chemin": SQUELETTE,
        "ms": mediane(lambda: obtenir(client, SQUELETTE)),
        "requetes": requetes(client, SQUELETTE),
    }


def pages_sur_squelette(pages: dict[str, tuple[str, str]]) -> dict:
    """``pages`` = {nom: (qui, chemin)}: each page's median beside the skeleton page's, measured one after the other
    (the skeleton again for each, so that a change of the machine's load touches both)."""
    resultat = {}
    clients = {}
    for nom, (qui, chemin) in pages.items():
        if not chemin:
            continue
        client = clients.setdefault(qui, client_de(qui))
        with suppress(RuntimeError):
            page = mediane(lambda c=client, v=chemin: obtenir(c, v))
            plancher = mediane(lambda c=client: obtenir(c, SQUELETTE))
            resultat[nom] = {
                "chemin": chemin,
                "page_ms": page,
                "squelette_ms": plancher,
                "ratio": round(page / plancher, 2),
                "requetes": requetes(client, chemin),
                "requetes_squelette": requetes(client, SQUELETTE),
            }
    return resultat


# --- PDF: WeasyPrint on the same HTML ---------------------------------------------------------------


@contextmanager
def html_capture():
    """Record the HTML and base URL each ``weasyprint.HTML(string=…)`` of the product receives."""
    import weasyprint

    vrai = weasyprint.HTML
    captures = []

    def espion(*args, **kwargs):
        if "string" in kwargs:
            captures.append((kwargs["string"], kwargs.get("base_url")))
        return vrai(*args, **kwargs)

    weasyprint.HTML = espion
    try:
        yield captures
    finally:
        weasyprint.HTML = vrai


def pdf_meme_html(client, chemin: str) -> dict:
    """The product's PDF view ÷ bare WeasyPrint on the HTML it printed, with the same stylesheet parsed once."""
    from weasyprint import CSS, HTML

    from cui_portal.pdf import FEUILLE

    from .mesures import pdf_minimal

    with html_capture() as captures:
        obtenir(client, chemin)
    html, base_url = captures[-1]
    feuille = CSS(filename=str(FEUILLE))

    def nu():
        return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[feuille], pdf_tags=True)

    page = mediane(lambda: obtenir(client, chemin))
    plancher = mediane(nu)
    return {
        "chemin": chemin,
        "pdf_ms": page,
        "weasyprint_meme_html_ms": plancher,
        "ratio": round(page / plancher, 2),
        "weasyprint_minimal_ms": mediane(pdf_minimal),
        "html_octets": len(html.encode()),
    }


def pdfs() -> dict:
    from arretes.models import Arrete

    from .mesures import chemin_cerfa

    resultat = {"mesure": True}
    chemin, _objet = chemin_cerfa()
    if chemin:
        resultat["cerfa"] = pdf_meme_html(client_de("prescripteur"), chemin)
    arrete = Arrete.objects.order_by("pk").first()
    if arrete and url("arretes:pdf", arrete.pk):
        resultat["arrete"] = pdf_meme_html(client_de("national"), url("arretes:pdf", arrete.pk))
    return resultat


# --- search: the same list with and without ?q= ------------------------------------------------------


def recherche() -> dict:
    """The national list filtered by a name typed without its accent, beside the same list without search."""
    from conventions.models import Convention

    chemin = url("conventions:liste")
    client = client_de("national")
    nom = (
        Convention.objects.filter(salarie__nom__regex=r"[éèêëàâîïôûùç]")
        .values_list("salarie__nom", flat=True)
        .order_by("pk")
        .first()
    ) or Convention.objects.values_list("salarie__nom", flat=True).order_by("pk").first()
    terme = _sans_accents(nom or "a")[:6]
    avec = f"{chemin}?q={terme}"
    page = mediane(lambda: obtenir(client, avec))
    sans = mediane(lambda: obtenir(client, chemin))
    return {
        "mesure": True,
        "chemin": avec,
        "terme": terme,
        "avec_recherche_ms": page,
        "sans_recherche_ms": sans,
        "ratio": round(page / sans, 2),
        "requetes": requetes(client, avec),
        "requetes_sans": requetes(client, chemin),
    }


def _sans_accents(texte: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", texte) if not unicodedata.combining(c))


def pages_principales() -> dict:
    """Every main page of the issue, each ÷ the skeleton page (target ≤ 2×), with its query count."""
    from comptes.models import Habilitation
    from conventions.models import Convention
    from referentiels.models import Region

    from .generateur import COMPTES
    from .mesures import quinzaine_de_mesure
    from .mesures_echeancier import ANNEE_DES_BUDGETS

    region = Region.objects.order_by("code_insee").first()
    org = Habilitation.objects.get(utilisateur__email=COMPTES["prescripteur"]).organisation_id
    convention = Convention.objects.filter(prescripteur_id=org).order_by("-pk").first()
    quinzaine = quinzaine_de_mesure()
    liste = url("conventions:liste")
    pages = {
        "liste_premiere_page": ("prescripteur", liste and f"{liste}?type_contrat=CAE"),
        "liste_page_200": ("national", liste and f"{liste}?page=200"),
        "detail_convention": ("prescripteur", convention and url("conventions:detail", convention.pk)),
        "tableau_de_bord_national": ("national", f"{url('tableau_de_bord:national')}?quinzaine={quinzaine.pk}"),
        "tableau_de_bord_regional": (
            "national",
            f"{url('tableau_de_bord:regional', region.pk)}?quinzaine={quinzaine.pk}",
        ),
        "caom_region": ("national", url("caom:liste") and f"{url('caom:liste')}?annee=2014&region={region.pk}"),
        "arretes_suivi": ("national", url("arretes:suivi") and f"{url('arretes:suivi')}?annee=2014"),
        "budgets_national": ("national", f"{url('tableau_de_bord:budgets')}?annee={ANNEE_DES_BUDGETS}"),
        "budget_region": (
            "national",
            f"{url('tableau_de_bord:budget_region', region.pk)}?annee={ANNEE_DES_BUDGETS}",
        ),
    }
    return {"mesure": True, "squelette": squelette(), "pages": pages_sur_squelette(pages)}
