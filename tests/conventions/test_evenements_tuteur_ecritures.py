"""Items 7 and 3 of issue 16 refused on every write path: the services of the events and of the conclusion, the
admin; a second convention at the same time kept with its reason in the history; the demonstration's tutors."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.forms.models import model_to_dict
from django.test import RequestFactory

from conventions.models import Convention, MotifRupture
from conventions.models_evenements import MotifSuspension
from conventions.regles.base import RegleConventionError
from conventions.services import conclusion, evenements, parties

from . import factories

pytestmark = pytest.mark.django_db


def champs(exc) -> dict[str, str]:
    return {v.champ: v.message for v in exc.value.violations}


def test_rupture_par_demission_d_un_cdd_refusee_puis_depart_du_salarie(arretes_2010, demo):
    c = factories.convention(demo)
    with pytest.raises(RegleConventionError) as exc:
        evenements.declarer_rupture(c, date_rupture=date(2010, 3, 1), motif=MotifRupture.DEMISSION, par=None)
    assert "L. 1243-1" in champs(exc)["motif"]
    c.refresh_from_db()
    assert c.statut != "rompue" and c.motif_rupture == ""
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 3, 1), motif=MotifRupture.DEPART_SALARIE, date_declaration=date(2010, 3, 2), par=None
    )
    c.refresh_from_db()
    assert c.statut == "rompue" and not c.aide_a_rembourser  # the employee left: nothing to repay by the employer


def test_rupture_pendant_l_essai_apres_sa_fin_refusee(arretes_2010, demo):
    c = factories.convention(demo)  # CDD of 12 months from 04/01/2010: one month of trial at most
    with pytest.raises(RegleConventionError) as exc:
        evenements.declarer_rupture(c, date_rupture=date(2010, 2, 4), motif=MotifRupture.PERIODE_ESSAI, par=None)
    assert "03/02/2010" in champs(exc)["motif"]
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 2, 3), motif=MotifRupture.PERIODE_ESSAI, date_declaration=date(2010, 2, 4), par=None
    )


def test_plus_de_suspension_pour_immersion(arretes_2010, demo):
    c = factories.convention(demo)
    assert "immersion" not in MotifSuspension.values
    with pytest.raises(RegleConventionError) as exc:
        evenements.declarer_suspension(c, date_suspension=date(2010, 3, 1), motif="immersion", par=None)
    assert "avenant" in champs(exc)["motif"]


def test_tuteur_vide_refuse_a_la_conclusion_et_jamais_rempli_par_l_employeur(arretes_2010, demo):
    brouillon = factories.convention(demo, conclure=False, tuteur_nom="", tuteur_fonction="", tuteur_volontaire=False)
    assert brouillon.tuteur_nom == "" and brouillon.tuteur == ""
    with pytest.raises(RegleConventionError) as exc:
        conclusion.conclure(brouillon, par=None)
    assert "R. 5134-38" in champs(exc)["tuteur_nom"]
    brouillon.tuteur_est_employeur = True
    brouillon.save()
    conclue = conclusion.conclure(brouillon, par=None)
    assert conclue.tuteur_nom == "Mme Martin" and conclue.tuteur_fonction == "Employeur"  # the contact, as asked


def test_quatrieme_salarie_du_meme_tuteur_refuse(arretes_2010, demo):
    modele = factories.employeur()
    for _ in range(3):
        factories.convention(demo, employeur_=parties.copie_de(modele), tuteur_nom="M. Petit")
    with pytest.raises(RegleConventionError) as exc:
        factories.convention(demo, employeur_=parties.copie_de(modele), tuteur_nom=" m. PETIT ")
    assert "déjà 3 salariés" in champs(exc)["tuteur_nom"]
    # Another establishment's tutor of the same name is another person.
    factories.convention(demo, tuteur_nom="M. Petit")


def test_seconde_convention_en_meme_temps_refusee_sans_raison_puis_gardee_avec(arretes_2010, demo):
    premiere = factories.convention(demo, prescripteur="pe_paris")
    with pytest.raises(RegleConventionError) as exc:  # the draft already, at step 3 where the reason is typed
        factories.convention(demo, prescripteur="ml_paris", conclure=False, salarie_=premiere.salarie)
    message = champs(exc)["motif_chevauchement"]
    assert "d'un autre prescripteur" in message
    assert premiere.numero not in message and premiere.prescripteur.nom not in message
    assert premiere.employeur.raison_sociale not in message
    raison = "Deux temps partiels chez deux employeurs."
    seconde = factories.convention(
        demo, prescripteur="ml_paris", conclure=False, salarie_=premiere.salarie, motif_chevauchement=raison
    )
    seconde.motif_chevauchement = ""
    with pytest.raises(RegleConventionError) as exc:
        conclusion.enregistrer_brouillon(par=None, convention=seconde, motif_chevauchement="")
    assert "motif_chevauchement" in champs(exc)
    conclue = conclusion.conclure(seconde, par=None)
    assert conclue.motif_chevauchement == raison and conclue.history.first().motif_chevauchement == raison


def admin_form(convention, demo, **changements):
    admin_convention = site._registry[Convention]
    requete = RequestFactory().get("/")
    requete.user = demo.comptes.get("admin@demo.cui.fr")
    Formulaire = admin_convention.get_form(requete, obj=convention)
    donnees = {k: v for k, v in model_to_dict(convention, fields=list(Formulaire.base_fields)).items() if v is not None}
    return Formulaire(donnees | changements, instance=Convention.objects.get(pk=convention.pk))


def test_admin_refuse_motif_et_tuteur_contraires_a_la_loi(arretes_2010, demo):
    c = factories.convention(demo)
    form = admin_form(c, demo, motif_rupture="demission", date_rupture="2010-03-01", statut="rompue")
    assert not form.is_valid()
    assert any("L. 1243-1" in m for m in form.errors["motif_rupture"]), form.errors
    form = admin_form(c, demo, tuteur_experience_mois=23)
    assert not form.is_valid()
    assert any("24 mois" in m for m in form.errors["tuteur_experience_mois"]), form.errors


def test_la_demonstration_a_ses_tuteurs(demo):
    from conventions.demo import peupler

    factories.arretes_2010(demo)
    import io

    peupler(demo, io.StringIO())
    conclues = Convention.objects.exclude(statut="brouillon")
    assert conclues.exists()
    assert not conclues.filter(tuteur_nom="").exists()
    assert not conclues.filter(tuteur_experience_mois__lt=24).exists()
