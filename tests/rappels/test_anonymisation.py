"""R5134-23: employees anonymised one year after the end of their last convention; statistics kept."""

from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from conventions.models import Convention
from conventions.models_identites import IdentiteSalarie
from conventions.models_parties import Salarie
from conventions.regles.base import age_au as age_le
from conventions.selectors import rsa_hors_caom
from rappels import regles
from rappels.anonymisation import NOM_ANONYME, anonymiser
from tests.conventions.factories import ConventionFactory, SalarieFactory

AUJOURDHUI = date(2011, 6, 15)


def convention(salarie, fin, statut="terminee", n=[0], **kwargs):  # noqa: B006 - a counter for the numbers
    n[0] += 1
    debut = fin - timedelta(days=200)
    valeurs = {
        "salarie": salarie,
        "statut": statut,
        "numero": None if statut == "brouillon" else f"075-TEST-{n[0]:05d}",
        "date_conclusion": debut - timedelta(days=10),
        "date_embauche": debut,
        "date_debut": debut,
        "date_fin": fin,
        "date_fin_contrat_travail": fin,
        "taux": Decimal("90"),
        "aide_mensuelle": Decimal("600.00"),
        "part_etat": Decimal("600.00"),
        "part_conseil_general": Decimal("0"),
    }
    valeurs.update(kwargs)
    return ConventionFactory(**valeurs)


def salarie_termine_il_y_a(jours, **kwargs):
    kwargs.setdefault("nom_usage", "Lefebvre")
    salarie = SalarieFactory(
        beneficiaire_rsa=True, numero_allocataire="1234567", adresse="3 rue des Lilas", code_postal="75019", **kwargs
    )
    convention(salarie, AUJOURDHUI - timedelta(days=jours))
    return salarie


@pytest.mark.django_db
def test_366_jours_anonymise_364_non_en_cours_non():
    ancien = salarie_termine_il_y_a(366, inscrit_pole_emploi=True, identifiant_pole_emploi="1234567A")
    recent = salarie_termine_il_y_a(364)
    en_cours = SalarieFactory()
    convention(en_cours, AUJOURDHUI - timedelta(days=500))
    convention(en_cours, AUJOURDHUI + timedelta(days=100), statut="en_cours")

    assert anonymiser(AUJOURDHUI) == [ancien.pk]
    ancien.refresh_from_db()
    assert (ancien.nom, ancien.prenom, ancien.nir, ancien.numero_allocataire) == (NOM_ANONYME, "", "", "")
    assert (ancien.adresse, ancien.code_postal, ancien.anonymise_le) == ("", "", AUJOURDHUI)
    assert (ancien.nom_usage, ancien.identifiant_pole_emploi) == ("", "")  # the Cerfa's other identifiers
    for autre in (recent, en_cours):
        autre.refresh_from_db()
        assert autre.anonymise_le is None and autre.nom.startswith("Martin") and autre.nir
    # Once only.
    assert anonymiser(AUJOURDHUI) == []


@pytest.mark.django_db
def test_l_historique_est_efface_aussi():
    salarie = salarie_termine_il_y_a(400)
    salarie.nom = "Nouveau-Nom"
    salarie.save()
    anonymiser(AUJOURDHUI)
    noms = set(Salarie.history.filter(id=salarie.pk).values_list("nom", flat=True))
    assert noms == {NOM_ANONYME}
    assert not Salarie.history.filter(id=salarie.pk).exclude(adresse="").exists()
    assert not Salarie.history.filter(id=salarie.pk).exclude(nom_usage="").exists()


@pytest.mark.django_db
def test_les_statistiques_ne_bougent_pas():
    # Born 20 June 1985: 23 when hired on 10 June 2009 (before the birthday), 24 when hired on 25 June 2009.
    salarie = SalarieFactory(date_naissance=date(1985, 6, 20), beneficiaire_rsa=True, civilite="mme")
    c1 = convention(salarie, date(2010, 1, 31), date_embauche=date(2009, 6, 10), date_debut=date(2009, 7, 10))
    c2 = convention(salarie, date(2010, 3, 31), date_embauche=date(2009, 6, 25))  # its own record, same NIR
    assert c2.salarie_id != salarie.pk and c2.salarie.identite_id == salarie.identite_id
    identite = salarie.identite
    ages_avant = sorted(age_le(c.salarie.date_naissance, c.date_embauche) for c in (c1, c2))
    rsa_avant = rsa_hors_caom([c1.departement_id], 2009)
    nombre = Convention.objects.count()

    assert anonymiser(AUJOURDHUI) == [salarie.pk, c2.salarie_id]  # the person as a whole, every record
    salarie.refresh_from_db()
    c2.salarie.refresh_from_db()
    assert salarie.date_naissance.replace(day=1) == date(1985, 6, 1) and salarie.date_naissance != date(1985, 6, 20)
    assert salarie.identite is None and not IdentiteSalarie.objects.filter(pk=identite.pk).exists()  # NIR erased
    ages_apres = sorted(age_le(c.salarie.date_naissance, c.date_embauche) for c in (c1, c2))
    assert ages_apres == ages_avant == [23, 24]
    assert (salarie.civilite, salarie.beneficiaire_rsa) == ("mme", True)
    assert Convention.objects.count() == nombre
    assert rsa_hors_caom([c1.departement_id], 2009) == rsa_avant


@pytest.mark.django_db
def test_rupture_compte_comme_fin_et_brouillon_recent_protege():
    rompu = SalarieFactory()
    convention(
        rompu,
        AUJOURDHUI + timedelta(days=30),
        statut="rompue",
        date_rupture=AUJOURDHUI - timedelta(days=400),
        motif_rupture="accord_commun",
    )
    avec_brouillon = salarie_termine_il_y_a(400)
    ConventionFactory(salarie=avec_brouillon)  # a new convention being prepared
    assert anonymiser(AUJOURDHUI) == [rompu.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("options", [[], ["--dry-run"]], ids=["sans-option", "dry-run"])
def test_sans_execute_la_commande_n_ecrit_rien(options):
    """A destructive command is a dry run unless told otherwise (``--execute``)."""
    salarie = salarie_termine_il_y_a(400)
    sortie = StringIO()
    call_command("anonymiser_salaries", *options, "--date", AUJOURDHUI.isoformat(), stdout=sortie)
    texte = sortie.getvalue()
    assert "1 salarié(s) seraient anonymisé(s)" in texte and f"salarié n° {salarie.pk}" in texte
    assert "Relancez avec --execute" in texte
    assert salarie.nom not in texte and salarie.nir not in texte
    salarie.refresh_from_db()
    assert salarie.anonymise_le is None


@pytest.mark.django_db
def test_execute_anonymise():
    salarie = salarie_termine_il_y_a(400)
    sortie = StringIO()
    call_command("anonymiser_salaries", "--execute", "--date", AUJOURDHUI.isoformat(), stdout=sortie)
    assert "1 salarié(s) anonymisé(s)" in sortie.getvalue()
    salarie.refresh_from_db()
    assert salarie.anonymise_le == AUJOURDHUI


@pytest.mark.django_db
def test_execute_et_dry_run_s_excluent():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="s'excluent"):
        call_command("anonymiser_salaries", "--execute", "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_la_tache_planifiee_anonymise_par_le_service_sans_la_commande():
    """The monthly beat task writes (it calls the service), whatever the command's default."""
    from rappels import tasks

    salarie = salarie_termine_il_y_a(400)
    with time_machine.travel(AUJOURDHUI, tick=False):
        assert tasks.anonymiser_salaries() == 1
    salarie.refresh_from_db()
    assert salarie.anonymise_le == AUJOURDHUI


@pytest.mark.parametrize(
    ("naissance", "embauches", "attendu"),
    [
        (date(1985, 6, 20), [], date(1985, 6, 1)),
        (date(1985, 6, 20), [date(2009, 6, 25)], date(1985, 6, 1)),
        (date(1985, 6, 20), [date(2009, 6, 10)], date(1985, 6, 11)),
        (date(1985, 6, 20), [date(2009, 6, 10), date(2010, 6, 19), date(2011, 6, 20)], date(1985, 6, 20)),
        (date(1985, 6, 20), [date(2009, 7, 10)], date(1985, 6, 1)),
    ],
)
def test_date_de_naissance_garde_l_age_a_l_embauche(naissance, embauches, attendu):
    nouvelle = regles.date_naissance_anonymisee(naissance, embauches)
    assert nouvelle == attendu
    for e in embauches:
        assert age_le(nouvelle, e) == age_le(naissance, e)


def test_regle_de_conservation():
    assert regles.anonymisable([AUJOURDHUI - timedelta(days=366)], AUJOURDHUI)
    assert not regles.anonymisable([AUJOURDHUI - timedelta(days=364)], AUJOURDHUI)
    assert not regles.anonymisable([AUJOURDHUI - timedelta(days=800), None], AUJOURDHUI)
    assert not regles.anonymisable([], AUJOURDHUI)
    assert regles.fin_effective(date(2010, 6, 30), date(2010, 3, 1)) == date(2010, 3, 1)


def _annulee(salarie, il_y_a: int, fin_dans: int = 300):
    """A convention annulled ``il_y_a`` days before today, whose term (``fin_dans`` days ahead) it never reached."""
    return convention(
        salarie,
        AUJOURDHUI + timedelta(days=fin_dans),
        statut="annulee",
        date_annulation=AUJOURDHUI - timedelta(days=il_y_a),
        motif_annulation="Saisie en double de la même embauche.",
    )


@pytest.mark.django_db
def test_une_convention_annulee_garde_les_donnees_un_an_apres_son_annulation():
    """An annulled convention ends on its annulment: a year later its person is anonymised, though the term it
    would have run to is still ahead (before, the annulled convention counted as one still open)."""
    ancienne, recente = SalarieFactory(), SalarieFactory()
    _annulee(ancienne, 366)
    _annulee(recente, 364)
    assert anonymiser(AUJOURDHUI, dry_run=True) == [ancienne.pk]
    assert anonymiser(AUJOURDHUI) == [ancienne.pk]
    ancienne.refresh_from_db()
    recente.refresh_from_db()
    assert ancienne.nom == NOM_ANONYME and not ancienne.nir
    assert recente.anonymise_le is None and recente.nir
    # The day after, the second one's year has passed too.
    assert anonymiser(AUJOURDHUI + timedelta(days=2)) == [recente.pk]


@pytest.mark.django_db
def test_une_annulation_ne_prolonge_pas_la_conservation():
    """Annulled after its term was over: the year runs from the term, as for any convention ended."""
    salarie = SalarieFactory()
    _annulee(salarie, 10, fin_dans=-400)
    assert anonymiser(AUJOURDHUI) == [salarie.pk]


@pytest.mark.django_db
def test_une_autre_convention_en_cours_protege_la_personne_d_une_convention_annulee():
    salarie = SalarieFactory()
    _annulee(salarie, 500)
    convention(salarie, AUJOURDHUI + timedelta(days=100), statut="en_cours")  # the real one, same NIR
    assert anonymiser(AUJOURDHUI) == []


def test_regle_de_fin_avec_annulation():
    assert regles.fin_effective(date(2011, 6, 30), None, date(2010, 3, 1)) == date(2010, 3, 1)
    assert regles.fin_effective(date(2010, 6, 30), None, date(2011, 3, 1)) == date(2010, 6, 30)
    assert regles.fin_effective(date(2011, 6, 30), date(2010, 9, 1), date(2010, 10, 1)) == date(2010, 9, 1)
    assert regles.fin_effective(None, None, None) is None
