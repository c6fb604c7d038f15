"""Employers, employees and conventions for the tests: factory_boy factories for the model tests, and helpers
that go through ``conventions.services`` as the pages do (``convention(demo, …)``), with the 2010 arrêtés."""

import io
import itertools
from datetime import date
from decimal import Decimal

import factory

from conventions.models import Convention
from conventions.models_identites import Etablissement, IdentiteSalarie
from conventions.models_parties import Employeur, Salarie
from conventions.services import conclusion, parties
from droit.vocabulaire import StatutJuridique, TypeContrat
from referentiels import identifiants
from referentiels.identifiants import nir
from referentiels.models import Departement, Organisation, PublicPrioritaire, TypeOrganisation


def nir_valide(n: int, sexe: int = 1, annee: int = 84, mois: int = 12) -> str:
    """The ``n``-th NIR of a person born in Paris (commune and order number taken from ``n``)."""
    return identifiants.nir(sexe, annee, mois, "75", commune=n % 1000, ordre=n // 1000 % 1000)


def departement(code="75") -> Departement:
    return Departement.objects.get(code=code)


def public(code="autres-publics") -> PublicPrioritaire:
    return PublicPrioritaire.objects.get(code=code)


class PrescripteurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("type", "nom")

    nom = factory.Sequence(lambda n: f"Pôle emploi test {n}")
    type = TypeOrganisation.AGENCE_POLE_EMPLOI
    departement = factory.LazyFunction(lambda: departement("75"))


class EtablissementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Etablissement
        django_get_or_create = ("siret",)

    siret = factory.Sequence(lambda n: identifiants.siret(73282932, n))
    raison_sociale = factory.Sequence(lambda n: f"Association test {n}")
    statut_juridique = StatutJuridique.ASSOCIATION
    departement = factory.LazyFunction(lambda: departement("75"))


class EmployeurFactory(factory.django.DjangoModelFactory):
    """A convention's record of its employer, on a new establishment with the same public identity."""

    class Meta:
        model = Employeur

    raison_sociale = factory.Sequence(lambda n: f"Association test {n}")
    statut_juridique = StatutJuridique.ASSOCIATION
    departement = factory.LazyFunction(lambda: departement("75"))
    numero_urssaf_msa = "750123456789"
    assurance_chomage = "unedic"
    numero_annexe_financiere = factory.LazyAttribute(
        lambda o: "AF-075-2010-001" if o.statut_juridique == StatutJuridique.ACI else ""
    )
    etablissement = factory.SubFactory(
        EtablissementFactory,
        raison_sociale=factory.SelfAttribute("..raison_sociale"),
        statut_juridique=factory.SelfAttribute("..statut_juridique"),
        departement=factory.SelfAttribute("..departement"),
    )
    siret = factory.SelfAttribute("etablissement.siret")


class IdentiteSalarieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IdentiteSalarie
        django_get_or_create = ("nir",)

    nir = factory.Sequence(lambda n: nir_valide(n + 1))


class SalarieFactory(factory.django.DjangoModelFactory):
    """A convention's record of its employee, on the person of ``nir`` (a new one by default)."""

    class Meta:
        model = Salarie

    class Params:
        nir = factory.Sequence(lambda n: nir_valide(n + 1))

    civilite = "m"
    nom = factory.Sequence(lambda n: f"Martin{n}")
    prenom = "Jean"
    date_naissance = date(1980, 5, 17)
    identite = factory.SubFactory(IdentiteSalarieFactory, nir=factory.SelfAttribute("..nir"))
    niveau_formation = "V"


class ConventionFactory(factory.django.DjangoModelFactory):
    """A complete draft CAE of 6 months from 4 January 2010 (26 h a week, 20 h taken in charge: the test
    arrêté's ceiling for « autres publics »), ready to conclude."""

    class Meta:
        model = Convention

    type_contrat = TypeContrat.CAE
    prescripteur = factory.SubFactory(PrescripteurFactory)
    employeur = factory.SubFactory(EmployeurFactory)
    salarie = factory.SubFactory(SalarieFactory)
    departement = factory.LazyAttribute(lambda o: o.employeur.departement)
    region = factory.LazyAttribute(lambda o: o.employeur.departement.region)
    type_contrat_travail = "CDD"
    date_conclusion = date(2009, 12, 15)
    date_embauche = date(2010, 1, 4)
    date_debut = date(2010, 1, 4)
    date_fin = date(2010, 7, 3)
    date_fin_contrat_travail = date(2010, 7, 3)
    duree_hebdo_travail = Decimal(26)
    duree_hebdo_prise_en_charge = Decimal(20)
    public = factory.LazyFunction(lambda: public("autres-publics"))
    tuteur_nom = "Mme Martin"
    tuteur_fonction = "Coordinatrice"
    tuteur_volontaire = True
    tuteur_experience_mois = 60
    emploi_intitule = "Agent d'entretien des espaces verts"
    code_rome = "A1203"
    salaire_horaire_brut = Decimal("9.50")
    lieu_travail = "Paris"
    types_formation = factory.LazyFunction(lambda: ["adaptation"])
    resultat_formation = "attestation"
    declaration_cotisations_a_jour = True
    declaration_sans_licenciement_economique = True
    declaration_sans_remplacement = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A record already held by another convention gives this one its own copy (the same person or employer).
        for partie in ("salarie", "employeur"):
            kwargs[partie] = propre(kwargs.get(partie))
        return super()._create(model_class, *args, **kwargs)


# --- through the services, as the pages do ---------------------------------------------------------------

_compteur = itertools.count(1)


def siret(n: int | None = None) -> str:
    """The SIRET of establishment ``n`` (a new one each call by default) of the SIREN 732 829 320."""
    return identifiants.siret(73282932, next(_compteur) if n is None else n)


def arretes_2010(demo):
    from arretes.demo import peupler

    peupler(demo, io.StringIO())


def employeur(code_departement="75", statut="association", raison_sociale=None, numero=None, **champs):
    """A convention's record of the employer (to give to one convention: ``convention`` copies a record already
    given to another one, as the same organisation's next convention would hold its own)."""
    champs.setdefault("commune", "Paris")
    champs.setdefault("contact_nom", "Mme Martin")
    # The Cerfa's boxes required at the conclusion (``regles.cerfa``)
    champs.setdefault("numero_urssaf_msa", "750123456789")
    champs.setdefault("assurance_chomage", "unedic")
    if statut == StatutJuridique.ACI:
        champs.setdefault("numero_annexe_financiere", "AF-075-2010-001")
    return parties.nouvel_employeur(
        siret(numero),
        raison_sociale=raison_sociale or "Association Les Jardins de Belleville",
        statut_juridique=statut,
        departement=Departement.objects.get(code=code_departement),
        **champs,
    )


def salarie(naissance=date(1990, 3, 15), sexe=1, **champs):
    champs.setdefault("civilite", "m" if sexe == 1 else "mme")
    champs.setdefault("nom", "Durand")
    champs.setdefault("prenom", "Karim")
    champs.setdefault("niveau_formation", "V")
    champs.setdefault("inscrit_pole_emploi", True)
    if champs["inscrit_pole_emploi"]:
        champs.setdefault("inscrit_depuis", date(2009, 6, 1))
        champs.setdefault("identifiant_pole_emploi", "1234567A")
    numero = nir(sexe, naissance.year, naissance.month, ordre=next(_compteur) % 1000)
    return parties.nouveau_salarie(numero, date_naissance=naissance, **champs)


def propre(fiche):
    """``fiche`` when no convention holds it yet, else a copy of it (the same person or establishment)."""
    if fiche is not None and type(fiche).objects.filter(pk=fiche.pk, convention__isnull=False).exists():
        return parties.copie_de(fiche)
    return fiche


# The other boxes of the Cerfa a conclusion requires (``regles.cerfa``), filled as an employer would.
RUBRIQUES_DU_CERFA = {
    "emploi_intitule": "Agent d'entretien des espaces verts",
    "code_rome": "A1203",
    "salaire_horaire_brut": Decimal("9.50"),
    "lieu_travail": "Paris",
    "types_formation": ["adaptation"],
    "resultat_formation": "attestation",
    "declaration_cotisations_a_jour": True,
    "declaration_sans_licenciement_economique": True,
    "declaration_sans_remplacement": True,
}


def convention(
    demo,
    *,
    prescripteur="pe_paris",
    code_departement="75",
    conclure=True,
    financement="etat",
    public="jeunes-moins-26-ans",
    salarie_=None,
    employeur_=None,
    **champs,
):
    """A CAE of 12 months from 4 January 2010 with an association (a CAE-jeunes for a young employee)."""
    valeurs = {
        "type_contrat": "CAE",
        "type_contrat_travail": "CDD",
        "date_conclusion": date(2009, 12, 15),
        "date_embauche": date(2010, 1, 4),
        "date_fin_contrat_travail": date(2011, 1, 3),
        "date_debut": date(2010, 1, 4),
        "date_fin": date(2011, 1, 3),
        "duree_hebdo_travail": Decimal(26),
        "duree_hebdo_prise_en_charge": Decimal(20),
        "public": PublicPrioritaire.objects.get(code=public),
        "financement": financement,
        # A qualified volunteer employee with five years' experience (R. 5134-38), a name of its own per convention
        # so that the tests do not meet the limit of three employees per tutor by chance
        "tuteur_nom": f"Tuteur {next(_compteur)}",
        "tuteur_fonction": "Coordinatrice",
        "tuteur_volontaire": True,
        "tuteur_experience_mois": 60,
        **RUBRIQUES_DU_CERFA,
    }
    valeurs.update(champs)
    c = conclusion.enregistrer_brouillon(
        par=None,
        prescripteur=demo.organisations[prescripteur],
        employeur=propre(employeur_) or employeur(code_departement),
        salarie=propre(salarie_) or salarie(),
        **valeurs,
    )
    if conclure:
        c = conclusion.conclure(c, par=None)
    return c
