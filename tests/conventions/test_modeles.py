"""NIR validation and masking, SIRET, database constraints, scoping by perimeter, CAOM consumption providers."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conventions import selectors
from conventions.models import Convention
from conventions.models_identites import Etablissement, IdentiteSalarie
from conventions.models_parties import Salarie, masquer_nir
from conventions.services import conclusion
from cui_portal.permissions import Perimetre
from droit.vocabulaire import Financement, Role

from .factories import ConventionFactory, EmployeurFactory, SalarieFactory, departement, nir_valide, public

pytestmark = pytest.mark.django_db


def test_nir_valide_stocke_compact_et_jamais_affiche():
    nir = nir_valide(451, sexe=1, annee=84, mois=12)
    salarie = SalarieFactory(nir=" ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]]))
    salarie.refresh_from_db()
    assert salarie.nir == nir
    assert salarie.nir_masque == "1 84 12 •• ••• ••• ••"
    assert nir not in str(salarie) and nir not in repr(salarie)
    assert nir[5:] not in salarie.nir_masque
    assert "nir" not in [f.name for f in Salarie.history.model._meta.fields]
    assert not hasattr(IdentiteSalarie, "history")  # the NIR is on the identity only, never in a history


def test_nir_invalide_refuse_sans_repeter_la_valeur():
    nir = nir_valide(451)
    faux = nir[:-2] + ("00" if nir[-2:] != "00" else "01")
    with pytest.raises(ValidationError) as exc:
        IdentiteSalarie(nir=faux).full_clean()
    assert "clé" in str(exc.value) and faux not in str(exc.value)
    assert masquer_nir("") == ""


def test_siret_valide():
    with pytest.raises(ValidationError, match="SIRET"):
        Etablissement(siret="73282932000075", raison_sociale="X", statut_juridique="association").full_clean(
            exclude=["departement"]
        )


def test_secteur_du_statut():
    assert EmployeurFactory.build(statut_juridique="aci").secteur == "non_marchand"
    assert EmployeurFactory.build(statut_juridique="entreprise").secteur == "marchand"


@pytest.mark.parametrize(
    "champs",
    [
        {"duree_hebdo_travail": D(19)},  # CAE without particular difficulties
        {"duree_hebdo_travail": D(36), "duree_hebdo_prise_en_charge": D(35)},
        {"duree_hebdo_prise_en_charge": D(36)},
        {"duree_hebdo_prise_en_charge": D(27)},  # more than worked (26)
        {"date_fin": date(2010, 1, 4)},
        {"taux": D("105.01")},
        {"taux": D(0)},
        {"type_contrat_travail": "CDI"},  # a CDI with an end date
        {"aide_mensuelle": D(100), "part_etat": D(50), "part_conseil_general": D(40)},
        {"statut": "conclue"},  # no number nor aid
        {"statut": "rompue"},
    ],
)
def test_contraintes_de_la_base(champs):
    with pytest.raises(IntegrityError), transaction.atomic():
        ConventionFactory(**champs)


def test_contraintes_acceptent_les_cas_permis():
    ConventionFactory(duree_hebdo_travail=D(15), duree_hebdo_prise_en_charge=D(15), difficultes_particulieres=True)
    ConventionFactory(aide_mensuelle=D("894.30"), part_etat=D("494.23"), part_conseil_general=D("400.07"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ConventionFactory(type_contrat="CIE", duree_hebdo_travail=D(15), difficultes_particulieres=True)


def test_visibles_par(demo):
    org = demo.organisations
    pe_paris = ConventionFactory(prescripteur=org["pe_paris"])
    bobigny_etat = ConventionFactory(
        prescripteur=org["pe_bobigny"], employeur=EmployeurFactory(departement=departement("93"))
    )
    bobigny_cg = ConventionFactory(
        prescripteur=org["pe_bobigny"],
        employeur=EmployeurFactory(departement=departement("93")),
        financement=Financement.ETAT_CG,
    )
    par_le_cg = ConventionFactory(prescripteur=org["cg93"], employeur=EmployeurFactory(departement=departement("93")))

    def visibles(role, cle):
        o = org[cle]
        p = Perimetre(role=role, organisation_id=o.pk, departement_id=o.departement_id, region_id=o.region_id)
        return set(Convention.objects.visibles_par(p))

    assert visibles(Role.PRESCRIPTEUR, "pe_paris") == {pe_paris}
    assert visibles(Role.CONSEIL_GENERAL, "cg93") == {bobigny_cg, par_le_cg}
    assert visibles(Role.CONSEIL_GENERAL, "cg59") == set()
    assert visibles(Role.CORRESPONDANT_REGIONAL, "direccte_idf") == {pe_paris, bobigny_etat, bobigny_cg, par_le_cg}
    assert visibles(Role.CORRESPONDANT_REGIONAL, "direccte_npdc") == set()
    assert len(visibles(Role.NATIONAL, "dgefp")) == 4
    assert set(Convention.objects.visibles_par(Perimetre(role=None))) == set()


def test_fournisseurs_de_consommation_caom(arretes_2010, demo, django_assert_num_queries):
    from caom.consommation import LigneConsommation, _fournisseurs, _fournisseurs_hors_caom
    from caom.models import Caom

    assert selectors.lignes_consommation_caom in _fournisseurs
    assert selectors.rsa_hors_caom in _fournisseurs_hors_caom
    auteur = demo.comptes["prescripteur@demo.cui.fr"]
    caom = Caom.objects.create(
        departement=departement("93"),
        annee=2010,
        date_reference=date(2009, 11, 5),
        statut="signee",
        date_deliberation=date(2009, 12, 1),
        instance_deliberation="commission_permanente",
        date_signature=date(2009, 12, 1),
    )
    dep93 = departement("93")

    def rsa(financement, **kw):
        return conclusion.conclure(
            ConventionFactory(
                employeur=kw.pop("employeur", None) or EmployeurFactory(departement=dep93),
                salarie=SalarieFactory(beneficiaire_rsa=True),
                public=public("beneficiaires-rsa"),
                financement=financement,
                **kw,
            ),
            par=auteur,
        )

    a = rsa(Financement.ETAT_CG)
    rsa(
        Financement.ETAT_CG,
        date_embauche=date(2010, 2, 1),
        date_debut=date(2010, 2, 1),
        date_fin=date(2010, 7, 31),
        date_fin_contrat_travail=date(2010, 7, 31),
    )
    rsa(Financement.CG)
    conclusion.conclure(
        ConventionFactory(
            employeur=EmployeurFactory(departement=dep93),
            salarie=SalarieFactory(beneficiaire_rsa=True),
            public=public("autres-publics"),  # 90 % in the test arrêté, raised to 95 % by the conseil général
            financement=Financement.ETAT_CG,
        ),
        par=auteur,
        taux_majore=D(95),
    )
    rsa(Financement.ETAT)  # State alone: outside the CAOM
    with django_assert_num_queries(1):
        lignes = selectors.lignes_consommation_caom([caom.pk])
    par_cle = {(ligne.mois, ligne.categorie): ligne for ligne in lignes}
    assert all(isinstance(ligne, LigneConsommation) for ligne in lignes)
    janvier = par_cle[(date(2010, 1, 1), "cae_cofinances")]
    assert janvier.nombre == 1
    assert janvier.montant_cg == (a.part_conseil_general * 6).quantize(D("0.01"))
    assert par_cle[(date(2010, 2, 1), "cae_cofinances")].nombre == 1
    assert par_cle[(date(2010, 1, 1), "cae_cg_seul")].nombre == 1
    assert par_cle[(date(2010, 1, 1), "cae_majores")].nombre == 1
    assert sum(ligne.nombre for ligne in lignes) == 4
    dep75 = departement("75")
    with django_assert_num_queries(1):
        assert selectors.rsa_hors_caom([dep93.pk, dep75.pk], 2010) == {dep93.pk: 1}
    assert selectors.rsa_hors_caom([dep93.pk], 2011) == {}
