"""The NIR never appears in a URL, a log line or an export, over a whole prescripteur journey (issue 8, item 4)."""

import logging
import re
from io import BytesIO

import pytest
from django.urls import reverse

from tests.conventions_ui.test_saisie import (
    NIR_JEUNE,
    commencer,
    donnees_contrat,
    donnees_periodes,
)

pytestmark = pytest.mark.django_db


def formes_du_nir(nir: str) -> list[str]:
    """The NIR as typed, compact, and in the spaced form of the Cerfa."""
    compact = nir.replace(" ", "")
    espace = (
        f"{compact[0]} {compact[1:3]} {compact[3:5]} {compact[5:7]} {compact[7:10]} {compact[10:13]} {compact[13:]}"
    )
    return [compact, espace, compact[:13]]


def test_le_nir_n_apparait_ni_dans_les_urls_ni_dans_les_journaux_ni_dans_les_exports(
    arretes, connecter, caplog, settings
):
    caplog.set_level(logging.DEBUG)  # every logger at its most talkative, as configured otherwise
    client = connecter("prescripteur")
    urls = []

    def visiter(methode, url, *args, **kwargs):
        reponse = getattr(client, methode)(url, *args, **kwargs)
        urls.append(url)
        if reponse.status_code in (301, 302):
            urls.append(reponse.url)
        return reponse

    convention = commencer(client)
    etape = lambda n: reverse("conventions:etape", args=[convention.pk, n])  # noqa: E731
    visiter("post", etape(3), donnees_contrat())
    visiter("post", etape(4), {"financement": "etat"})
    visiter("post", etape(5), donnees_periodes(("Boulangerie Dupont", "01/03/2010", "31/03/2010")))
    visiter("post", reverse("conventions:recapitulatif", args=[convention.pk]), {"action": "conclure", "confirme": "1"})
    detail = visiter("get", reverse("conventions:detail", args=[convention.pk]))
    assert NIR_JEUNE in detail.content.decode()  # the owner reads it on the convention page, and only there
    liste = visiter("get", reverse("conventions:liste"))
    recherche = visiter("get", reverse("conventions:liste"), {"q": NIR_JEUNE})  # a NIR typed in the search box
    export = visiter("get", reverse("conventions:export"))
    visiter("get", reverse("conventions:cerfa", args=[convention.pk]))
    visiter("get", f"/conventions/{convention.pk + 10_000}/")  # a 404, logged by Django

    from openpyxl import load_workbook

    cellules = " ".join(
        str(c.value)
        for feuille in load_workbook(BytesIO(export.content))
        for ligne in feuille.iter_rows()
        for c in ligne
    )
    journaux = caplog.text
    assert "Not Found" in journaux  # the capture really sees Django's request log
    for forme in formes_du_nir(NIR_JEUNE):
        assert forme not in journaux, "NIR dans les journaux"
        assert forme not in cellules, "NIR dans l'export"
        assert forme not in liste.content.decode(), "NIR dans la liste"
        assert forme not in recherche.content.decode(), "NIR renvoyé par la recherche"
        for url in urls:
            assert forme not in url, url
    if recherche.status_code == 302:
        assert not re.search(r"\d{13}", recherche.url)
