"""The scoping rules of cui_portal.permissions, looped over every role."""

import pytest
from django.urls import reverse

from cui_portal.permissions import Perimetre, restreindre
from referentiels.models import Organisation
from tests.conftest import COMPTES

pytestmark = pytest.mark.django_db

# What each role sees of the demo organisations.
ATTENDU = {
    "prescripteur": {"pe_paris"},
    "prescripteur_nord": {"pe_lille"},
    "cg93": {"cg93", "pe_bobigny"},
    "cg59": {"cg59", "pe_lille", "ml_roubaix"},
    "correspondant": {"direccte_idf", "pe_paris", "ml_paris", "pe_bobigny", "cg93"},
    "gestionnaire": {"direccte_idf", "pe_paris", "ml_paris", "pe_bobigny", "cg93"},
    "correspondant_nord": {"direccte_npdc", "pe_lille", "ml_roubaix", "cg59"},
    "gestionnaire_nord": {"direccte_npdc", "pe_lille", "ml_roubaix", "cg59"},
}


@pytest.mark.parametrize("qui", sorted(COMPTES))
def test_organisations_visibles_par_role(connecter, demo, qui):
    client = connecter(qui)
    for cle, organisation in demo.organisations.items():
        reponse = client.get(reverse("referentiels:organisation", args=[organisation.pk]))
        if qui in ("national", "admin"):
            attendu = 200
        elif qui == "multi":  # acts by default under its first habilitation: DIRECCTE Île-de-France
            attendu = 200 if cle in ATTENDU["correspondant"] else 404
        else:
            attendu = 200 if cle in ATTENDU[qui] else 404
        assert reponse.status_code == attendu, (qui, cle)


def test_un_prescripteur_a_404_sur_l_organisation_d_un_autre(connecter, demo):
    client = connecter("prescripteur")
    autre = demo.organisations["pe_lille"]
    reponse = client.get(reverse("referentiels:organisation", args=[autre.pk]))
    assert reponse.status_code == 404
    assert "Page introuvable" in reponse.content.decode()


def test_liste_des_organisations_filtree(connecter, demo):
    client = connecter("correspondant")
    page = client.get(reverse("referentiels:organisations"), {"type": "pole_emploi"}).content.decode()
    assert "Pôle emploi Paris 19e" in page
    assert "Pôle emploi Bobigny" in page
    assert "Pôle emploi Lille" not in page
    assert "Mission locale de Paris" not in page


def test_sans_habilitation_aucun_perimetre(db, demo):
    qs = restreindre(Organisation.objects.all(), Perimetre(role=None), organisation="pk", region="region_id")
    assert qs.count() == 0


def test_sans_habilitation_403(client, db):
    from comptes.models import Utilisateur

    user = Utilisateur.objects.create_user("seul@exemple.fr", "Mot-De-Passe-2010")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    reponse = client.get(reverse("referentiels:organisations"))
    assert reponse.status_code == 403
    assert "Accès refusé" in reponse.content.decode()


# --- the named functions of cui_portal.permissions, on plain scopes (no database) --------------------------


def _perimetres():
    from droit.vocabulaire import Role

    return {
        "prescripteur": Perimetre(Role.PRESCRIPTEUR, organisation_id=1, departement_id=75, region_id=11),
        "correspondant": Perimetre(Role.CORRESPONDANT_REGIONAL, organisation_id=2, region_id=11),
        "gestionnaire": Perimetre(Role.GESTIONNAIRE_REGIONAL, organisation_id=3, region_id=11),
        "national": Perimetre(Role.NATIONAL, organisation_id=4),
        "cg": Perimetre(Role.CONSEIL_GENERAL, organisation_id=5, departement_id=93, region_id=11),
        "admin": Perimetre(Role.ADMINISTRATEUR),
        "aucun": Perimetre(role=None),
    }


@pytest.mark.parametrize(
    "qui, suivie, geree, departement_cg, choisit, programme, caom, rapport, arrete",
    [
        ("prescripteur", None, None, None, False, False, False, False, False),
        ("correspondant", 11, None, None, False, True, True, True, False),
        ("gestionnaire", 11, 11, None, False, True, True, True, True),
        ("national", None, None, None, True, True, True, True, False),
        ("cg", None, None, 93, False, False, True, True, False),
        ("admin", None, None, None, True, True, True, True, True),
        ("aucun", None, None, None, False, False, False, False, False),
    ],
)
def test_fonctions_nommees_par_role(qui, suivie, geree, departement_cg, choisit, programme, caom, rapport, arrete):
    from cui_portal import permissions as p

    perimetre = _perimetres()[qui]
    assert p.region_suivie(perimetre) == suivie
    assert p.region_geree(perimetre) == geree
    assert p.departement_du_conseil_general(perimetre) == departement_cg
    assert p.choisit_la_region(perimetre) is choisit
    assert p.peut_voir_programme(perimetre) is programme
    assert p.peut_voir_caom(perimetre) is caom
    assert p.peut_lire_rapport_caom(perimetre) is rapport
    assert p.peut_creer_arrete(perimetre) is arrete
    assert p.a_une_habilitation(perimetre) is (qui != "aucun")


def test_region_choisie():
    from cui_portal.permissions import region_choisie

    perimetres = _perimetres()
    assert region_choisie(perimetres["national"], "24") == 24
    assert region_choisie(perimetres["national"], "") is None
    assert region_choisie(perimetres["national"], "abc") is None
    assert region_choisie(perimetres["correspondant"], "24") == 11  # held to their own region
    assert region_choisie(perimetres["admin"], None) is None
