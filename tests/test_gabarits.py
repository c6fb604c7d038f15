"""Templates: an undefined variable fails the test in the project's own templates, never in a library's."""

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string


def test_variable_inconnue_dans_un_gabarit_du_projet():
    with pytest.raises(AssertionError, match=r"« organisation\.nom » dans referentiels/templates/referentiels/"):
        render_to_string("referentiels/organisation.html", {})


def test_if_et_for_restent_permis():
    assert render_to_string("includes/pagination.html", {}).strip() == ""


def test_les_gabarits_des_bibliotheques_gardent_leur_silence():
    # Django's own widget template, with none of its variables: rendered as with the default "".
    assert "<input" in render_to_string("django/forms/widgets/input.html", {})
    # A template given as a string (no file of the project) is not checked either; filters still apply.
    assert Template('{{ absente|default:"défaut" }}').render(Context()) == "défaut"


def badge(gabarit: str, **contexte) -> str:
    return Template("{% load portail %}" + gabarit).render(Context(contexte)).strip()


def test_badge_d_un_objet_par_son_champ_statut():
    from arretes.models import Arrete
    from conventions.models import Convention
    from tableau_de_bord.models import BilanEtape

    assert badge("{% badge_statut a %}", a=Arrete(statut="publie")) == (
        '<span class="fr-badge fr-badge--sm fr-badge--success">Publié</span>'
    )
    assert badge("{% badge_statut c %}", c=Convention(statut="rompue")) == (
        '<span class="fr-badge fr-badge--sm fr-badge--error">Rompue</span>'
    )
    assert badge('{% badge_statut b taille="" %}', b=BilanEtape(statut="lu")) == (
        '<span class="fr-badge fr-badge--success">Lu par la DGEFP</span>'
    )


def test_badge_d_une_valeur_et_de_son_ensemble_et_repli():
    from caom.models import StatutCaom

    assert badge('{% badge_statut v "EtatPublication" %}', v="en_retard") == (
        '<span class="fr-badge fr-badge--sm fr-badge--error">En retard</span>'
    )
    assert badge("{% badge_statut v %}", v=StatutCaom.SIGNEE) == (
        '<span class="fr-badge fr-badge--sm fr-badge--success">Signée</span>'
    )
    en_negociation = badge('{% badge_statut v "StatutCaom" %}', v="en_negociation")
    assert en_negociation.endswith('fr-badge--info">En négociation</span>')
    # A value its set does not know: the set's default colour; a set nobody declared: a neutral badge.
    assert badge('{% badge_statut v "StatutCaom" %}', v="inconnu") == (
        '<span class="fr-badge fr-badge--sm fr-badge--info">inconnu</span>'
    )
    assert badge('{% badge_statut v "Absent" %}', v="<b>") == '<span class="fr-badge fr-badge--sm">&lt;b&gt;</span>'
    assert badge("{% badge_statut v %}", v=None) == "—"


def test_chaque_statut_a_son_ensemble_de_badges():
    from cui_portal import badges

    for nom in ("StatutConvention", "StatutArrete", "StatutCaom", "StatutBilan", "StatutTravail"):
        assert badges.choix_de(nom) is not None, nom
    assert badges.choix_de("EtatPublication") and badges.choix_de("NiveauConsommation")
