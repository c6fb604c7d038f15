"""Every database constraint speaks French to the person who hits it: the limit, its source, never its name."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.db.models import CheckConstraint, F, Q
from django.db.models.constraints import BaseConstraint
from django.utils import translation

from droit import nombres
from droit.nombres import nombre

CONTRAINTES = [(modele, c) for modele in apps.get_models() for c in modele._meta.constraints]
NOMS = {c.name for _, c in CONTRAINTES}
SOURCES = [valeur for nom, valeur in vars(nombres).items() if nom.startswith("SOURCE_")]
NOMBRES_DE_LA_LOI = {
    Decimal(v)
    for v in (
        nombres.HEURES_MIN,
        nombres.HEURES_MAX,
        nombres.PLAFOND_CAE,
        nombres.PLAFOND_CAE_ACI,
        nombres.PLAFOND_CIE,
        nombres.DUREE_MAX_MOIS,
    )
}


def valeurs(condition) -> set:
    """The plain values a ``Q`` compares fields with (not the other fields)."""
    trouvees = set()
    for enfant in condition.children:
        if isinstance(enfant, Q):
            trouvees |= valeurs(enfant)
        elif isinstance(enfant, tuple) and not isinstance(enfant[1], F | list | tuple | bool | str | type(None)):
            trouvees.add(enfant[1])
    return trouvees


def test_il_y_a_des_contraintes():
    assert len(CONTRAINTES) > 80


@pytest.mark.parametrize(("modele", "contrainte"), CONTRAINTES, ids=[c.name for _, c in CONTRAINTES])
def test_chaque_contrainte_a_un_message_francais(modele, contrainte):
    assert contrainte.violation_error_message != BaseConstraint.default_violation_error_message
    message = contrainte.get_violation_error_message()  # formats: a lone « % » would raise here
    with translation.override("fr"):
        assert message != str(BaseConstraint.default_violation_error_message) % {"name": contrainte.name}
    assert not [nom for nom in NOMS if nom in message], message
    assert "contrainte" not in message.lower() and "constraint" not in message.lower()
    assert message[0].isupper() and message.endswith("."), message
    assert "%%" not in message


@pytest.mark.parametrize(
    ("modele", "contrainte"),
    [(m, c) for m, c in CONTRAINTES if isinstance(c, CheckConstraint)],
    ids=[c.name for _, c in CONTRAINTES if isinstance(c, CheckConstraint)],
)
def test_une_limite_de_la_loi_est_dite_avec_sa_source(modele, contrainte):
    limites = {Decimal(v) for v in valeurs(contrainte.condition) if isinstance(v, int | Decimal)} & NOMBRES_DE_LA_LOI
    if not limites:
        return
    message = contrainte.get_violation_error_message()
    for limite in limites:
        assert nombre(limite) in message, (limite, message)
    assert any(source in message for source in SOURCES), message


@pytest.mark.django_db
def test_une_unicite_d_un_seul_champ_est_dite_au_champ():
    """``violation_error_code="unique"``: the message is at the field, and it is ours (not « … existe déjà »)."""
    from django.core.exceptions import ValidationError

    from conventions.models_identites import IdentiteSalarie
    from tests.conventions.factories import SalarieFactory

    premier = SalarieFactory()
    second = IdentiteSalarie(nir=premier.nir)
    with pytest.raises(ValidationError) as erreur:
        second.validate_constraints()
    assert erreur.value.message_dict["nir"] == ["Ce NIR est déjà celui d'une personne enregistrée."]


@pytest.mark.django_db
def test_une_unicite_de_plusieurs_champs_dit_notre_message(demo):
    from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

    from comptes.models import Habilitation

    existante = Habilitation.objects.first()
    double = Habilitation(utilisateur=existante.utilisateur, organisation=existante.organisation, role=existante.role)
    with pytest.raises(ValidationError) as erreur:
        double.validate_constraints()
    assert erreur.value.message_dict[NON_FIELD_ERRORS] == ["Cette personne a déjà ce rôle dans cette organisation."]
