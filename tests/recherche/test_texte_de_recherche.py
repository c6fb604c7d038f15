"""The search box of the conventions list on one column (``conventions/texte_de_recherche.py``): what it holds,
who rewrites it, each word found, nothing left of an anonymised employee, and its trigram index on PostgreSQL."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from conventions import texte_de_recherche
from conventions.filters import ConventionFilter
from conventions.models import Convention
from cui_portal.recherche import sans_accents
from rappels import anonymisation
from tests.conventions import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def conventions(demo):
    factories.arretes_2010(demo)
    aicha = factories.convention(
        demo,
        salarie_=factories.salarie(date(1988, 4, 2), nom="Benali", nom_usage="Moreau", prenom="Aïcha", sexe=2),
        employeur_=factories.employeur(raison_sociale="Régie de quartier Belleville"),
    )
    helene = factories.convention(
        demo, salarie_=factories.salarie(date(1987, 6, 9), nom="Lefèvre", prenom="Hélène", sexe=2)
    )
    return aicha, helene


def _trouvees(texte) -> list[int]:
    return sorted(ConventionFilter({"q": texte}, queryset=Convention.objects.all()).qs.values_list("pk", flat=True))


def test_le_texte_tient_le_numero_l_employeur_et_les_noms_sans_accents(conventions):
    aicha, _helene = conventions
    aicha.refresh_from_db()
    attendu = sans_accents(f"{aicha.numero} Régie de quartier Belleville Benali Moreau Aïcha")
    assert aicha.recherche == attendu
    assert "é" not in aicha.recherche and "ï" not in aicha.recherche


def test_chaque_mot_est_trouve_dans_l_une_des_parties(conventions):
    aicha, helene = conventions
    assert _trouvees("regie benali") == [aicha.pk]  # the employer and the employee together
    assert _trouvees("AICHA moreau") == [aicha.pk]  # the nom d'usage is searched too
    assert _trouvees("aicha lefevre") == []  # each word must be found: not one Aïcha and one Lefèvre
    assert _trouvees("helene") == [helene.pk]
    assert _trouvees(helene.numero) == [helene.pk]
    assert _trouvees("") == sorted([aicha.pk, helene.pk])


def test_un_nom_corrige_est_trouve_l_ancien_non(conventions):
    aicha, _helene = conventions
    salarie = aicha.salarie
    salarie.nom = "Bénali-Roussel"
    salarie.save()
    assert _trouvees("roussel") == [aicha.pk]
    employeur = aicha.employeur
    employeur.raison_sociale = "Atelier Ménilmontant"
    employeur.save()
    assert _trouvees("menilmontant") == [aicha.pk]
    assert _trouvees("regie") == []


def test_un_salarie_anonymise_n_est_plus_trouve_par_son_nom(conventions):
    aicha, _helene = conventions
    anonymisation._anonymiser_fiche(aicha.salarie, [aicha.date_embauche], date(2026, 12, 1))
    assert _trouvees("benali") == []
    assert _trouvees("aicha") == []
    aicha.refresh_from_db()
    assert "benali" not in aicha.recherche and "moreau" not in aicha.recherche
    # the history of the convention never held the text
    assert "recherche" not in {f.name for f in Convention.history.model._meta.get_fields()}


def test_rafraichir_reecrit_ce_qu_une_ecriture_en_masse_a_laisse(conventions):
    """``update()`` and ``COPY`` (the benchmark's generator) send no signal: ``rafraichir`` rewrites the text
    from the rows, in one query."""
    aicha, helene = conventions
    Convention.objects.update(recherche="")
    assert _trouvees("aicha") == []
    assert texte_de_recherche.rafraichir(Convention.objects.all()) == 2
    assert _trouvees("aicha") == [aicha.pk]
    assert _trouvees("lefevre") == [helene.pk]


def test_un_enregistrement_d_autres_champs_ne_reecrit_pas_le_texte():
    assert texte_de_recherche.a_rafraichir(None)
    assert texte_de_recherche.a_rafraichir(["statut", "numero"])
    assert not texte_de_recherche.a_rafraichir(["statut", "modifie_le"])


def test_la_liste_cherche_dans_son_perimetre(conventions, connecter):
    aicha, _helene = conventions
    page = connecter("prescripteur").get(reverse("conventions:liste"), {"q": "régie BENALI"})
    assert [c.pk for c in page.context["page_obj"]] == [aicha.pk]


def test_index_trigramme_de_la_colonne_sur_postgresql(exige_postgres, conventions):
    with connection.cursor() as curseur:
        curseur.execute("SET LOCAL enable_seqscan = off")
        curseur.execute("SET LOCAL enable_indexscan = off")
        plan = ConventionFilter({"q": "benali"}, queryset=Convention.objects.order_by()).qs.explain()
    assert "convention_recherche_trgm" in plan, plan
