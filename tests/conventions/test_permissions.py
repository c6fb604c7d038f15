"""Who may do what on a convention (``cui_portal.permissions``, section conventions), looped over every role and
status, and the previous conventions a form offers, scoped to what the person sees."""

import pytest

from conventions.forms_contrat import ContratForm
from conventions.services import conclusion
from cui_portal.permissions import (
    Perimetre,
    peut_ajouter_avenant,
    peut_completer_convention,
    peut_creer_convention,
    peut_modifier_convention,
    peut_reprendre_convention,
    peut_rompre_convention,
    peut_suspendre_convention,
    peut_voir_nir,
)
from droit.vocabulaire import Role, StatutConvention

from .factories import ConventionFactory, PrescripteurFactory

PROPRIETAIRE = 7


class Convention:  # duck-typed, as cui_portal never imports conventions
    def __init__(self, statut):
        self.prescripteur_id = PROPRIETAIRE
        self.statut = statut


def perimetres():
    for role in Role.values:
        for organisation in (PROPRIETAIRE, 8, None):
            yield Perimetre(role=role, organisation_id=organisation)


@pytest.mark.parametrize("perimetre", list(perimetres()), ids=str)
@pytest.mark.parametrize("statut", StatutConvention.values)
def test_seul_le_prescripteur_proprietaire_ou_l_administrateur_agit(perimetre, statut):
    convention = Convention(statut)
    proprietaire = perimetre.role == Role.ADMINISTRATEUR or (
        perimetre.role == Role.PRESCRIPTEUR and perimetre.organisation_id == PROPRIETAIRE
    )
    assert peut_modifier_convention(perimetre, convention) is proprietaire
    assert peut_voir_nir(perimetre, convention) is proprietaire
    assert peut_completer_convention(perimetre, convention) is (proprietaire and statut == "brouillon")
    actives = {"conclue", "en_cours", "suspendue"}
    assert peut_ajouter_avenant(perimetre, convention) is (proprietaire and statut in actives)
    assert peut_rompre_convention(perimetre, convention) is (proprietaire and statut in actives)
    assert peut_suspendre_convention(perimetre, convention) is (proprietaire and statut in {"conclue", "en_cours"})
    assert peut_reprendre_convention(perimetre, convention) is (proprietaire and statut == "suspendue")


@pytest.mark.parametrize("perimetre", list(perimetres()), ids=str)
def test_creer_une_convention(perimetre):
    attendu = perimetre.organisation_id is not None and perimetre.role in (Role.PRESCRIPTEUR, Role.ADMINISTRATEUR)
    assert peut_creer_convention(perimetre) is attendu


@pytest.mark.django_db
def test_les_conventions_precedentes_proposees_sont_celles_que_l_on_voit(arretes_2010, demo):
    auteur = demo.comptes["prescripteur@demo.cui.fr"]
    autre = conclusion.conclure(ConventionFactory(prescripteur=PrescripteurFactory(nom="Pôle emploi B")), par=auteur)
    miens = PrescripteurFactory(nom="Pôle emploi A")
    mienne = conclusion.conclure(
        ConventionFactory(prescripteur=miens, salarie=autre.salarie, motif_chevauchement="Deux temps partiels."),
        par=auteur,
    )
    brouillon = ConventionFactory(prescripteur=miens, salarie=autre.salarie)
    perimetre = Perimetre(role=Role.PRESCRIPTEUR, organisation_id=miens.pk, departement_id=miens.departement_id)

    form = ContratForm(convention=brouillon, perimetre=perimetre)
    assert list(form.fields["convention_precedente"].queryset) == [mienne]
    saisie = ContratForm({"convention_precedente": autre.pk}, convention=brouillon, perimetre=perimetre)
    saisie.is_valid()
    assert "convention_precedente" in saisie.errors
    assert list(ContratForm(convention=brouillon).fields["convention_precedente"].queryset) == []
