"""Conventions for the page tests, made through ``conventions.services`` (as the pages do)."""

import io
import itertools
from datetime import date
from decimal import Decimal

from stdnum import luhn

from conventions.services import conclusion, parties
from referentiels.models import Departement, PublicPrioritaire

_compteur = itertools.count(1)


def nir(sexe: int, annee: int, mois: int, ordre: int = 123) -> str:
    base = f"{sexe}{annee % 100:02d}{mois:02d}75056{ordre:03d}"
    return f"{base}{97 - int(base) % 97:02d}"


def siret(n: int | None = None) -> str:
    n = next(_compteur) if n is None else n
    base = f"{732829320:09d}{n:04d}"
    return base + luhn.calc_check_digit(base)


def arretes_2010(demo):
    from arretes.demo import peupler

    peupler(demo, io.StringIO())


def employeur(code_departement="75", statut="association", raison_sociale=None, numero=None):
    return parties.trouver_ou_creer_employeur(
        siret(numero),
        raison_sociale=raison_sociale or "Association Les Jardins de Belleville",
        statut_juridique=statut,
        departement=Departement.objects.get(code=code_departement),
        commune="Paris",
        contact_nom="Mme Martin",
    )


def salarie(naissance=date(1990, 3, 15), sexe=1, **champs):
    champs.setdefault("civilite", "m" if sexe == 1 else "mme")
    champs.setdefault("nom", "Durand")
    champs.setdefault("prenom", "Karim")
    champs.setdefault("niveau_formation", "V")
    champs.setdefault("inscrit_pole_emploi", True)
    numero = nir(sexe, naissance.year, naissance.month, ordre=next(_compteur) % 1000)
    return parties.trouver_ou_creer_salarie(numero, date_naissance=naissance, **champs)


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
    }
    valeurs.update(champs)
    c = conclusion.enregistrer_brouillon(
        par=None,
        prescripteur=demo.organisations[prescripteur],
        employeur=employeur_ or employeur(code_departement),
        salarie=salarie_ or salarie(),
        **valeurs,
    )
    if conclure:
        c = conclusion.conclure(c, par=None)
    return c
