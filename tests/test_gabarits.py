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
