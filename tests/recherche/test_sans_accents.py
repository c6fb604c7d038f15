"""Search that forgives (``cui_portal/recherche.py``): case and accents ignored by every search box (conventions,
organisations, administration), on SQLite and on PostgreSQL, where the trigram indexes serve the search."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from cui_portal.recherche import correspond, sans_accents
from referentiels.models import Departement, Organisation, TypeOrganisation
from tests.conventions import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("Aïcha Benali", "aicha benali"),
        ("Hélène", "helene"),
        ("ÉCOLE Œuvre Cæcilia", "ecole oeuvre caecilia"),
        ("Côte-d’Armor", "cote-d'armor"),
        ("François Ñúñez", "francois nunez"),
        (None, None),
    ],
)
def test_sans_accents(texte, attendu):
    assert sans_accents(texte) == attendu


def test_la_fonction_sql_normalise_comme_python(db):
    """The SQL function (registered on SQLite, the migration's IMMUTABLE wrapper on PostgreSQL) gives the same
    text as the Python one, so that the searched text and the stored one meet."""
    with connection.cursor() as curseur:
        for texte in ("Aïcha BENALI", "Hélène", "Œuvre d'Île-de-France", "Façade"):
            curseur.execute("SELECT cui_sans_accents(%s)", [texte])
            assert curseur.fetchone()[0] == sans_accents(texte)


@pytest.fixture
def conventions(demo):
    factories.arretes_2010(demo)
    arretes = demo
    aicha = factories.convention(
        arretes,
        salarie_=factories.salarie(date(1988, 4, 2), nom="Benali", prenom="Aïcha", sexe=2),
        employeur_=factories.employeur(raison_sociale="Régie de quartier Belleville"),
    )
    helene = factories.convention(
        arretes, salarie_=factories.salarie(date(1987, 6, 9), nom="Lefèvre", prenom="Hélène", sexe=2)
    )
    autre = factories.convention(arretes, salarie_=factories.salarie(nom="Durand", prenom="Karim"))
    return aicha, helene, autre


def _trouvees(client, **parametres) -> set[int]:
    return {c.pk for c in client.get(reverse("conventions:liste"), parametres).context["page_obj"]}


def test_liste_des_conventions_sans_casse_ni_accents(conventions, connecter):
    aicha, helene, autre = conventions
    client = connecter("prescripteur")
    assert _trouvees(client, q="aicha") == {aicha.pk}
    assert _trouvees(client, q="AICHA benali") == {aicha.pk}
    assert _trouvees(client, q="Aïcha") == {aicha.pk}
    assert _trouvees(client, q="helene") == {helene.pk}
    assert _trouvees(client, q="LEFEVRE") == {helene.pk}
    assert _trouvees(client, q="regie de quartier") == {aicha.pk}
    assert _trouvees(client, q=aicha.numero.lower()) == {aicha.pk}
    assert _trouvees(client, q="hélene%") == set()  # « % » is a letter, not a wildcard
    assert _trouvees(client, employeur="REGIE") == {aicha.pk}
    assert autre.pk in _trouvees(client, employeur="jardins de belleville")


def test_liste_des_organisations_sans_casse_ni_accents(demo, connecter):
    herault = Departement.objects.get(code="34")
    Organisation.objects.create(
        nom="Mission locale de l'Hérault",
        type=TypeOrganisation.MISSION_LOCALE,
        departement=herault,
        region=herault.region,
    )
    page = connecter("admin").get(reverse("referentiels:organisations"), {"q": "HERAULT"})
    assert [o.nom for o in page.context["page_obj"]] == ["Mission locale de l'Hérault"]


def test_administration_sans_casse_ni_accents(conventions, connecter):
    aicha, helene, _autre = conventions
    client = connecter("admin")
    page = client.get(reverse("admin:conventions_convention_changelist"), {"q": "helene lefevre"})
    assert [c.pk for c in page.context["cl"].result_list] == [helene.pk]
    page = client.get(reverse("admin:conventions_salarie_changelist"), {"q": "AICHA"})
    assert [s.pk for s in page.context["cl"].result_list] == [aicha.salarie.pk]


def test_index_trigramme_sur_postgresql(exige_postgres, conventions):
    """The search writes ``cui_sans_accents(col) LIKE '%…%'``, the expression of the trigram GIN indexes: the
    planner can use each of them (plain scans switched off to read the plan on small tables)."""
    from conventions.filters import ConventionFilter
    from conventions.models import Convention
    from conventions.models_parties import Employeur, Salarie

    index = [
        (Convention, "numero", "convention_numero_sans_accents_trgm"),
        (Employeur, "raison_sociale", "employeur_raison_sociale_sans_accents_trgm"),
        (Salarie, "nom", "salarie_nom_sans_accents_trgm"),
        (Salarie, "prenom", "salarie_prenom_sans_accents_trgm"),
        (Organisation, "nom", "organisation_nom_sans_accents_trgm"),
    ]
    with connection.cursor() as curseur:
        curseur.execute("SELECT provolatile FROM pg_proc WHERE proname = 'cui_sans_accents'")
        assert curseur.fetchone()[0] == "i"  # IMMUTABLE: an index may use it
        curseur.execute("SET LOCAL enable_seqscan = off")
        curseur.execute("SET LOCAL enable_indexscan = off")
        for modele, champ, nom in index:
            plan = modele.objects.filter(correspond([champ], "benali")).explain()
            assert nom in plan, plan
    assert list(ConventionFilter({"q": "regie benali"}, queryset=Convention.objects.all()).qs) == [conventions[0]]
