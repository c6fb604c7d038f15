"""The national recomputation as a Celery group of per-block tasks (``services.echeancier_blocs``): the same
schedules as ``recalculer_echeanciers``, all or nothing, idempotent blocks, a convention written since the
launch left as its own write left it, and queries constant in the number of conventions of a block."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arretes.models import TauxPriseEnCharge
from conventions.models import (
    BlocRecalcul,
    Convention,
    EngagementCalcule,
    MoisAide,
    MoisAideCalcule,
    RecalculEcheanciers,
)
from conventions.models_recalcul import StatutRecalcul
from conventions.services import conclusion, echeancier_blocs
from conventions.services.echeancier import recalculer_echeanciers
from cui_portal import horloge
from referentiels.models import ValeurBareme
from tests.arretes.factories import arrete_publie
from tests.conventions.factories import ConventionFactory

D = Decimal
pytestmark = pytest.mark.django_db


@pytest.fixture
def conclure(auteur):
    arrete = arrete_publie("11", 2010, numero="IDF-2010-1", date_publication=date(2009, 11, 27))
    TauxPriseEnCharge.objects.filter(arrete=arrete, contrat="CAE", public__code="autres-publics").update(heures_max=35)

    def conclure_une(mois: int = 6):
        debut = date(2010, 12, 15)
        fin = date(2011, 6, 14) if mois == 6 else date(2011, 12, 14)
        brouillon = ConventionFactory(
            date_conclusion=date(2010, 12, 1),
            date_embauche=debut,
            date_debut=debut,
            date_fin=fin,
            date_fin_contrat_travail=fin,
            duree_hebdo_travail=D(35),
            duree_hebdo_prise_en_charge=D(26),
        )
        with horloge.au(date(2010, 12, 1)):
            return conclusion.conclure(brouillon, par=auteur)

    return conclure_une


def echeanciers() -> list[tuple]:
    mois = MoisAide.objects.order_by("convention_id", "mois").values_list(
        "convention_id", "mois", "smic_horaire", "aide"
    )
    engagements = Convention.objects.order_by("pk").values_list("pk", "engagement_etat", "duree_mois")
    return [*mois, *engagements]


def revaloriser_le_smic(valeur="9.10"):
    """A new SMIC of 2011 written without its signal (the test sends the recomputation itself)."""
    ValeurBareme.objects.filter(bareme__code="smic_horaire", date_effet=date(2011, 1, 1)).update(valeur=D(valeur))


def sans_envoi(monkeypatch):
    """The group is recorded but not sent: the test runs the blocks itself, in the order it wants."""
    monkeypatch.setattr(echeancier_blocs, "envoyer_tache", lambda *a, **k: None)


def test_les_blocs_ecrivent_les_memes_echeanciers_que_le_recalcul_d_un_bloc(
    conclure, django_capture_on_commit_callbacks
):
    conventions = [conclure(6), conclure(12), conclure(6)]
    revaloriser_le_smic()
    with django_capture_on_commit_callbacks(execute=True):  # the group runs (eagerly in the tests)
        recalcul = echeancier_blocs.lancer_recalcul(taille_bloc=2)
    recalcul.refresh_from_db()
    assert (recalcul.statut, recalcul.blocs, recalcul.conventions, recalcul.ecrites) == ("termine", 2, 3, 3)
    janvier = MoisAide.objects.get(convention=conventions[0], mois=date(2011, 1, 1))
    assert janvier.smic_horaire == D("9.10") and janvier.aide == D("922.74")  # 0,9 × 9,10 × 26 × 52 / 12
    par_blocs = echeanciers()
    assert not MoisAideCalcule.objects.exists() and not EngagementCalcule.objects.exists()
    recalculer_echeanciers()
    assert echeanciers() == par_blocs


def test_tout_ou_rien_quand_une_regle_refuse(conclure, django_capture_on_commit_callbacks):
    conclure(6)
    conclure(6)
    avant = echeanciers()
    revaloriser_le_smic()
    ValeurBareme.objects.filter(bareme__code="rsa_forfaitaire").delete()
    with django_capture_on_commit_callbacks(execute=True):
        recalcul = echeancier_blocs.lancer_recalcul(taille_bloc=1)
    recalcul.refresh_from_db()
    assert recalcul.statut == StatutRecalcul.ECHEC and recalcul.message.startswith("Rien n'a été modifié")
    assert echeanciers() == avant and not MoisAideCalcule.objects.exists()


def test_un_bloc_relance_remplace_ses_lignes_et_le_dernier_bascule_une_fois(conclure, monkeypatch):
    a, b = conclure(6), conclure(12)
    sans_envoi(monkeypatch)
    revaloriser_le_smic()
    recalcul = echeancier_blocs.lancer_recalcul(taille_bloc=1)
    premier, second = BlocRecalcul.objects.filter(recalcul=recalcul).order_by("debut")
    assert echeancier_blocs.calculer_bloc(premier.pk) and echeancier_blocs.calculer_bloc(premier.pk)  # a retry
    assert MoisAideCalcule.objects.filter(convention_id=a.pk).count() == 7  # not twice
    assert MoisAide.objects.get(convention=a, mois=date(2011, 1, 1)).smic_horaire == D("9.00")  # not yet swapped
    assert echeancier_blocs.calculer_bloc(second.pk)
    assert MoisAide.objects.get(convention=b, mois=date(2011, 1, 1)).smic_horaire == D("9.10")
    assert MoisAide.objects.filter(convention=a).count() == 7 and MoisAide.objects.filter(convention=b).count() == 13
    assert not echeancier_blocs.calculer_bloc(second.pk)  # the run is over: a duplicated message does nothing
    assert RecalculEcheanciers.objects.get().statut == StatutRecalcul.TERMINE


def test_une_convention_ecrite_depuis_le_lancement_garde_son_echeancier(conclure, monkeypatch):
    a, b = conclure(6), conclure(6)
    sans_envoi(monkeypatch)
    revaloriser_le_smic()
    recalcul = echeancier_blocs.lancer_recalcul(taille_bloc=10)
    Convention.objects.filter(pk=b.pk).update(modifie_le=recalcul.cree_le + timedelta(seconds=1))
    echeancier_blocs.calculer_bloc(BlocRecalcul.objects.get().pk)
    assert MoisAide.objects.get(convention=a, mois=date(2011, 1, 1)).smic_horaire == D("9.10")
    assert MoisAide.objects.get(convention=b, mois=date(2011, 1, 1)).smic_horaire == D("9.00")
    recalcul.refresh_from_db()
    assert recalcul.ecrites == 1


def test_un_nouveau_recalcul_remplace_celui_en_cours(conclure, monkeypatch):
    conclure(6)
    sans_envoi(monkeypatch)
    ancien = echeancier_blocs.lancer_recalcul(taille_bloc=1)
    echeancier_blocs.lancer_recalcul(taille_bloc=1)
    ancien.refresh_from_db()
    assert ancien.statut == StatutRecalcul.ECHEC and "Remplacé" in ancien.message
    assert not echeancier_blocs.calculer_bloc(BlocRecalcul.objects.get(recalcul=ancien).pk)


def test_un_bloc_fait_autant_de_requetes_quel_que_soit_son_nombre_de_conventions(conclure, monkeypatch):
    sans_envoi(monkeypatch)

    def requetes_d_un_bloc() -> int:
        recalcul = echeancier_blocs.lancer_recalcul(taille_bloc=1000)
        with CaptureQueriesContext(connection) as capture:
            echeancier_blocs.calculer_bloc(BlocRecalcul.objects.get(recalcul=recalcul).pk)
        assert RecalculEcheanciers.objects.get(pk=recalcul.pk).statut == StatutRecalcul.TERMINE
        return len(capture.captured_queries)

    conclure(6)
    conclure(12)
    petit = requetes_d_un_bloc()
    for _ in range(4):
        conclure(6)
    assert requetes_d_un_bloc() == petit
