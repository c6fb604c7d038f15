"""The single helper that prints documents with WeasyPrint (arrêtés, Cerfa, attestations, CAOM, bilans).

Documents use a small print stylesheet of our own (``static/pdf/impression.css``), not the DSFR, and are
tagged for accessibility (``pdf_tags``) with ``lang="fr"`` and a title.
"""

from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from .context_processors import DROIT

FEUILLE = settings.BASE_DIR / "static" / "pdf" / "impression.css"


@lru_cache(maxsize=1)
def _feuille_de_style():
    from weasyprint import CSS

    return CSS(filename=str(FEUILLE))


def mettre_en_page(template: str, contexte: dict, *, titre: str):
    """The document laid out in pages (WeasyPrint's ``Document``, its boxes page by page): what ``rendre_pdf``
    writes, and what ``tests/test_impressions.py`` reads to check that no row or heading is split from its table."""
    from weasyprint import HTML

    # No request here, so no context processor: the law's numbers are added as in the pages.
    html = render_to_string(template, {"droit": DROIT, **contexte, "titre_document": titre})
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.render(stylesheets=[_feuille_de_style()], pdf_tags=True, cache={})


def rendre_pdf(template: str, contexte: dict, *, titre: str) -> bytes:
    return mettre_en_page(template, contexte, titre=titre).write_pdf(pdf_tags=True)


def reponse_pdf(template: str, contexte: dict, *, titre: str, nom_fichier: str, telechargement: bool = True):
    contenu = rendre_pdf(template, contexte, titre=titre)
    reponse = HttpResponse(contenu, content_type="application/pdf")
    disposition = "attachment" if telechargement else "inline"
    reponse["Content-Disposition"] = f'{disposition}; filename="{slugify(nom_fichier)}.pdf"'
    return reponse
