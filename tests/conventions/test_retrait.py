"""Correct and undo, continued: a suspension declared by mistake corrected, a rupture or a suspension withdrawn
within the 7 days of its declaration (the rules again, the schedule of the aid rewritten, the history)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conventions.regles.base import RegleConventionError
from conventions.services import evenements, retrait
from cui_portal.permissions import (
    Perimetre,
    peut_corriger_suspension,
    peut_retirer_rupture,
    peut_retirer_suspension,
)
from droit.vocabulaire import Role, StatutConvention

from . import factories

pytestmark = pytest.mark.django_db
RAISON = "Déclarée sur la mauvaise convention"


@pytest.fixture(autouse=True)
def _arretes(arretes_2010):
    return arretes_2010


@pytest.fixture
def auteur(demo):
    return demo.comptes["prescripteur@demo.cui.fr"]


def _aide(convention) -> dict:
    return {m.mois: (m.jours_aides, m.part_etat) for m in convention.echeancier.order_by("mois")}


def _suspendre(convention, auteur, **kwargs):
    valeurs = {"date_suspension": date(2010, 11, 22), "motif": "maladie", "date_declaration": date(2010, 11, 25)}
    return evenements.declarer_suspension(convention, par=auteur, **(valeurs | kwargs))


def _derniere(objet):
    return objet.history.order_by("-history_date", "-history_id").first()


def test_corriger_une_suspension_regles_echeancier_historique(demo, auteur):
    c = factories.convention(demo)
    _suspendre(c, auteur)
    sans_remuneration = _aide(c)
    suspension = retrait.corriger_suspension(
        c,
        date_suspension=date(2010, 11, 15),
        motif="maternite",
        remuneration_maintenue=True,
        date_declaration=date(2010, 11, 25),
        par=auteur,
    )
    c.refresh_from_db()
    assert (suspension.date_debut, suspension.motif, suspension.remuneration_maintenue) == (
        date(2010, 11, 15),
        "maternite",
        True,
    )
    assert (c.statut, c.date_suspension, c.motif_suspension) == (
        StatutConvention.SUSPENDUE,
        date(2010, 11, 15),
        "maternite",
    )
    assert c.declaration_tardive is True  # declared 10 days after its start: late, as the law counts it
    assert _aide(c) != sans_remuneration  # the pay maintained: the aid of November is whole again
    assert (_derniere(c).history_user, _derniere(c).history_change_reason) == (
        auteur,
        "Déclaration de suspension corrigée",
    )
    assert _derniere(suspension).history_change_reason == "Déclaration de suspension corrigée"
    # The rules checked again: no suspension after the end of the convention, its end only once resumed.
    with pytest.raises(RegleConventionError) as exc:
        retrait.corriger_suspension(
            c,
            date_suspension=date(2011, 2, 1),
            motif="maladie",
            remuneration_maintenue=False,
            date_declaration=date(2010, 11, 25),
            par=auteur,
        )
    assert "terminée ne peut passer au statut « suspendue »" in exc.value.violations[0].message
    c.refresh_from_db()
    assert c.date_suspension == date(2010, 11, 15)  # refused: nothing written
    with pytest.raises(RegleConventionError, match="déclarez la reprise"):
        retrait.corriger_suspension(
            c,
            date_suspension=date(2010, 11, 15),
            date_fin=date(2010, 11, 20),
            motif="maladie",
            remuneration_maintenue=False,
            date_declaration=date(2010, 11, 25),
            par=auteur,
        )


def test_corriger_une_suspension_apres_ses_7_jours_refuse(demo, auteur):
    c = factories.convention(demo)
    _suspendre(c, auteur, date_suspension=date(2010, 11, 20), date_declaration=date(2010, 11, 22))
    with pytest.raises(RegleConventionError) as exc:
        retrait.corriger_suspension(
            c,
            date_suspension=date(2010, 11, 21),
            motif="maladie",
            remuneration_maintenue=False,
            date_declaration=date(2010, 11, 22),
            par=auteur,
        )
    assert "7 jours" in exc.value.violations[0].message and "29/11/2010" in exc.value.violations[0].message


def test_retirer_une_suspension_rend_l_etat_d_avant(demo, auteur):
    c = factories.convention(demo)
    avant = _aide(c)
    _suspendre(c, auteur)
    assert _aide(c) != avant
    suspension_id = c.suspensions.get().pk
    retrait.retirer_suspension(c, raison=RAISON, par=auteur)
    c.refresh_from_db()
    assert (c.statut, c.date_suspension, c.motif_suspension, c.date_declaration_evenement) == (
        StatutConvention.EN_COURS,
        None,
        "",
        None,
    )
    assert not c.suspensions.exists() and _aide(c) == avant
    assert (_derniere(c).history_user, _derniere(c).history_change_reason) == (
        auteur,
        f"Déclaration de suspension retirée : {RAISON}",
    )
    supprimee = c.suspensions.model.history.filter(id=suspension_id).order_by("-history_date").first()
    assert (supprimee.history_type, supprimee.history_user) == ("-", auteur)
    with pytest.raises(RegleConventionError, match="pas de suspension"):
        retrait.retirer_suspension(c, raison=RAISON, par=auteur)


def test_retirer_une_rupture_rouvre_la_suspension_qu_elle_avait_close(demo, auteur):
    c = factories.convention(demo)
    _suspendre(c, auteur, date_suspension=date(2010, 10, 1), date_declaration=date(2010, 10, 4))
    suspendue = _aide(c)
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 11, 25), motif="embauche", date_declaration=date(2010, 11, 26), par=auteur
    )
    assert c.suspensions.get().date_fin == date(2010, 11, 25)
    with pytest.raises(RegleConventionError, match="raison"):
        retrait.retirer_rupture(c, raison="  ", par=auteur)
    retrait.retirer_rupture(c, raison=RAISON, par=auteur)
    c.refresh_from_db()
    assert (c.statut, c.date_rupture, c.motif_rupture) == (StatutConvention.SUSPENDUE, None, "")
    assert (c.date_suspension, c.date_declaration_evenement) == (date(2010, 10, 1), date(2010, 10, 4))
    assert c.suspensions.get().date_fin is None and _aide(c) == suspendue
    assert _derniere(c).history_change_reason == f"Déclaration de rupture retirée : {RAISON}"
    assert _derniere(c).history_user == auteur
    with pytest.raises(RegleConventionError, match="pas rompue"):
        retrait.retirer_rupture(c, raison=RAISON, par=auteur)


def test_retirer_une_rupture_apres_ses_7_jours_refuse(demo, auteur):
    c = factories.convention(demo)
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 11, 20), motif="embauche", date_declaration=date(2010, 11, 22), par=auteur
    )
    with pytest.raises(RegleConventionError, match="7 jours"):
        retrait.retirer_rupture(c, raison=RAISON, par=auteur)
    c.refresh_from_db()
    assert c.statut == StatutConvention.ROMPUE


def test_qui_peut_corriger_ou_retirer(demo, auteur):
    c = factories.convention(demo)
    proprietaire = Perimetre(role=Role.PRESCRIPTEUR, organisation_id=c.prescripteur_id)
    gestionnaire = Perimetre(role=Role.GESTIONNAIRE_REGIONAL, region_id=c.region_id)
    assert not peut_corriger_suspension(proprietaire, c)  # nothing declared
    _suspendre(c, auteur)
    assert peut_corriger_suspension(proprietaire, c) and peut_retirer_suspension(proprietaire, c)
    assert not peut_corriger_suspension(gestionnaire, c)
    with time_machine.travel(datetime(2010, 12, 3, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))):
        assert not peut_retirer_suspension(proprietaire, c)  # 25/11 + 7 days: the delay is over
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 11, 29), motif="embauche", date_declaration=date(2010, 11, 29), par=auteur
    )
    c.refresh_from_db()
    assert peut_retirer_rupture(proprietaire, c) and not peut_retirer_rupture(gestionnaire, c)
    assert not peut_corriger_suspension(proprietaire, c)  # broken: its suspension stands


def test_la_raison_du_retrait_une_limite_lue_par_le_service_et_le_formulaire():
    """One limit of the reason: the form refuses beyond it and says it; the history's reason (its label, « : »,
    the reason) fits within ``history_change_reason``."""
    from conventions.forms_actions import RetraitForm
    from conventions.models import Convention

    limite = retrait.LONGUEUR_RAISON
    form = RetraitForm()
    assert form.fields["raison"].max_length == limite
    assert f"({limite} caractères au plus)" in form.fields["raison"].help_text
    place = Convention.history.model._meta.get_field("history_change_reason").max_length
    for libelle in (retrait.RETRAIT_RUPTURE, retrait.RETRAIT_SUSPENSION):
        assert len(f"{libelle} : ") + limite <= place
    assert RetraitForm({"raison": "x" * limite}).errors.get("raison") is None
    assert RetraitForm({"raison": "x" * (limite + 1)}).errors.get("raison")
