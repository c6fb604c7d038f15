"""Prints that never split (ticket 17, point 10): each PDF of the portal (Cerfa, attestation, arrêté, CAOM, bilan
d'étape, national dashboard, 30 November report), rendered through its own view on the demonstration made longer
(more rows than a page holds), is read in WeasyPrint's layout, page by page: no table row crosses a page, each
heading sits on the same page as the first row of its table, no line starts with « € » or « % » (an amount
wrapped from its unit), and the wide tables are on landscape pages."""

import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from weasyprint.formatting_structure import boxes

from comptes.demo import creer_organisations_et_comptes
from cui_portal import pdf
from referentiels.chargement import charger
from referentiels.models import PublicPrioritaire
from tests.conftest import COMPTES

pytestmark = pytest.mark.django_db

TITRES = {"h1", "h2", "h3"}
TEXTE = (
    "Repérage des jeunes par les missions locales et Pôle emploi, entretiens individuels, visites d'employeurs "
    "du secteur non marchand, ateliers collectifs de préparation à l'immersion et suivi mensuel des tuteurs. "
)


@pytest.fixture(scope="module")
def demo_complet(django_db_setup, django_db_blocker):
    """The whole demonstration (as `make run` loads it), once for the module, removed afterwards."""
    with django_db_blocker.unblock():
        call_command("charger_demo", force=True, stdout=io.StringIO())
        yield creer_organisations_et_comptes()
        call_command("flush", interactive=False, verbosity=0)
        charger()


@pytest.fixture
def imprimer(demo_complet, db, client, monkeypatch):
    """``imprimer(qui, url)``: the document the view lays out (the PDF is still written and returned)."""
    documents = []
    mettre_en_page = pdf.mettre_en_page

    def espion(*args, **kwargs):
        documents.append(mettre_en_page(*args, **kwargs))
        return documents[-1]

    monkeypatch.setattr(pdf, "mettre_en_page", espion)

    def _imprimer(qui, url):
        client.force_login(demo_complet.comptes[COMPTES[qui]], backend="django.contrib.auth.backends.ModelBackend")
        reponse = client.get(url)
        assert reponse.status_code == 200 and reponse.content.startswith(b"%PDF"), url
        return documents[-1]

    return _imprimer


@dataclass
class Evenement:
    page: int
    nature: str  # "titre" or "ligne" (a body row: repeated header rows are not counted)
    element: object
    table: object = None
    texte: str = ""


def _lire(boite, page: int, evenements: list, lignes_coupees: list, table=None, entete=False) -> None:
    if isinstance(boite, boxes.TableBox):
        table = boite.element
    if isinstance(boite, boxes.TableRowGroupBox):
        entete = boite.is_header
    if isinstance(boite, boxes.TableRowBox) and not entete:
        evenements.append(Evenement(page, "ligne", boite.element, table))
    elif type(boite) is boxes.BlockBox and boite.element_tag in TITRES:
        evenements.append(Evenement(page, "titre", boite.element, texte="".join(boite.element.itertext())))
    if isinstance(boite, boxes.LineBox):
        texte = "".join(b.text for b in boite.descendants() if isinstance(b, boxes.TextBox)).lstrip()
        if texte.startswith(("€", "%")):
            lignes_coupees.append((page, texte[:40]))
        return
    for enfant in getattr(boite, "children", ()):
        _lire(enfant, page, evenements, lignes_coupees, table, entete)


def verifier(document, pages_min: int = 2) -> list[Evenement]:
    """The checks of every print; returns the events (headings and rows, in reading order) for further checks."""
    evenements, coupees = [], []
    for numero, page in enumerate(document.pages, start=1):
        _lire(page._page_box, numero, evenements, coupees)
    assert len(document.pages) >= pages_min, "trop peu de lignes pour déborder d'une page"
    pages_des_lignes: dict[int, set[int]] = {}
    for e in evenements:
        if e.nature == "ligne":
            pages_des_lignes.setdefault(id(e.element), set()).add(e.page)
    coupes = [p for p in pages_des_lignes.values() if len(p) > 1]
    assert not coupes, f"lignes de tableau coupées entre les pages {coupes}"
    for i, e in enumerate(evenements):
        if e.nature != "titre":
            continue
        suivant = next((s for s in evenements[i + 1 :] if s.nature == "titre" or s.nature == "ligne"), None)
        if suivant is not None and suivant.nature == "ligne":
            assert suivant.page == e.page, f"« {e.texte} » page {e.page}, son tableau commence page {suivant.page}"
    assert not coupees, f"montants séparés de leur unité : {coupees}"
    return evenements


def paysage(document, numero: int) -> bool:
    page = document.pages[numero - 1]
    return page.width > page.height


def _titre(evenements, debut: str) -> Evenement:
    return next(e for e in evenements if e.nature == "titre" and e.texte.startswith(debut))


def test_l_arrete_garde_chaque_article_avec_ses_taux(imprimer):
    from arretes.models import Arrete, TauxPriseEnCharge

    arrete = Arrete.objects.filter(region__code_insee="11").order_by("annee").first()
    publics = [
        PublicPrioritaire.objects.create(
            code=f"essai-{i}", libelle=f"Public d'essai n° {i}, demandeurs d'emploi de très longue durée", ordre=200 + i
        )
        for i in range(40)
    ]
    TauxPriseEnCharge.objects.bulk_create(
        TauxPriseEnCharge(arrete=arrete, contrat=contrat, public=p, taux=Decimal(taux), heures_max=26)
        for p in publics
        for contrat, taux in (("CAE", "70.5"), ("CIE", "30.7"))
    )
    evenements = verifier(imprimer("admin", reverse("arretes:pdf", args=[arrete.pk])), pages_min=3)
    article_2 = _titre(evenements, "Article 2")
    premiere = next(e for e in evenements[evenements.index(article_2) :] if e.nature == "ligne")
    assert premiere.page == article_2.page


def test_le_cerfa_et_l_attestation(imprimer):
    from conventions.models import Convention
    from conventions.models_evenements import PeriodeImmersion
    from conventions.views.detail import attestation_disponible

    conclues = Convention.objects.avec_statut_du_jour().exclude(statut="brouillon").select_related("employeur")
    convention = next(c for c in conclues if c.type_contrat == "CAE")
    debut = convention.date_debut
    PeriodeImmersion.objects.bulk_create(
        PeriodeImmersion(
            convention=convention,
            employeur_accueil=f"Régie de quartier n° {i} des Portes de Paris",
            date_debut=debut + timedelta(days=i),
            date_fin=debut + timedelta(days=i),
            objet=TEXTE[: 60 + 7 * i],
        )
        for i in range(30)
    )
    verifier(imprimer("admin", reverse("conventions:cerfa", args=[convention.pk])), pages_min=3)

    finie = next(c for c in conclues if attestation_disponible(c))
    Convention.objects.filter(pk=finie.pk).update(actions_formation=TEXTE * 12, actions_accompagnement=TEXTE * 12)
    verifier(imprimer("admin", reverse("conventions:attestation", args=[finie.pk])))


def test_la_caom(imprimer):
    from caom.models import AvenantCaom, Caom

    caom = Caom.objects.filter(statut="signee").order_by("annee").first()
    AvenantCaom.objects.bulk_create(
        AvenantCaom(
            caom=caom,
            numero=100 + i,
            date_avenant=date(caom.annee, 6, 1),
            objet=TEXTE,
            **{
                c: getattr(caom, c)
                for c in ("nb_cae_cofinances", "nb_cae_majores", "nb_cae_cg_seul", "nb_cie_cofinances")
            },
        )
        for i in range(25)
    )
    verifier(imprimer("admin", reverse("caom:pdf", args=[caom.pk])))


def test_le_rapport_du_30_novembre_en_paysage(imprimer):
    document = imprimer("national", reverse("caom:rapport_pdf") + "?annee=2010")
    verifier(document, pages_min=3)
    assert all(paysage(document, n) for n in range(1, len(document.pages) + 1))


def test_le_bilan_d_etape_et_sa_grille_en_paysage(imprimer):
    from tableau_de_bord.models import BilanEtape, LigneBilan

    bilan = BilanEtape.objects.filter(lignes__isnull=False).order_by("pk").first()
    LigneBilan.objects.filter(bilan=bilan).update(
        objectifs=TEXTE * 2, calendrier=TEXTE, freins=TEXTE * 2, points_particuliers=TEXTE
    )
    document = imprimer("admin", reverse("tableau_de_bord:bilan_pdf", args=[bilan.pk]))
    evenements = verifier(document)
    grille = _titre(evenements, "Tableau de bord (annexe 1)")
    assert all(paysage(document, e.page) for e in evenements if e.page >= grille.page)


def test_le_tableau_de_bord_national_et_ses_indicateurs_en_paysage(imprimer):
    from tableau_de_bord.models import LigneBilan

    LigneBilan.objects.update(freins=TEXTE * 2)
    document = imprimer("national", reverse("tableau_de_bord:national_pdf"))
    evenements = verifier(document)
    indicateurs = _titre(evenements, "Indicateurs")
    assert paysage(document, indicateurs.page) and not paysage(document, 1)
