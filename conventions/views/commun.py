"""What the convention pages share: the convention a page shows or changes, the steps, and rule errors at fields.

Who sees a convention: ``Convention.objects.visibles_par`` (404 otherwise). Who changes it, reads the NIR
unmasked or creates one: the ``peut_*`` functions of ``cui_portal.permissions`` (403 otherwise).
"""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.urls import reverse

from cui_portal.permissions import exiger, perimetre_de, peut_modifier_convention
from droit.vocabulaire import StatutConvention

from ..models import Convention


@dataclass(frozen=True)
class Etape:
    numero: int
    titre: str


ETAPES = [
    Etape(1, "Employeur"),
    Etape(2, "Salarié"),
    Etape(3, "Contrat de travail et convention"),
    Etape(4, "Aide à l'employeur"),
    Etape(5, "Accompagnement et immersion"),
    Etape(6, "Récapitulatif"),
]
NB_ETAPES = len(ETAPES)

# The step where each field of the rules (``Violation.champ``) is typed.
CHAMPS_PAR_ETAPE = {
    1: {
        "siret",
        "raison_sociale",
        "statut_juridique",
        "departement",
        "aci",
        "bilan_employeur_fourni",
        "numero_urssaf_msa",
        "assurance_chomage",
        "numero_annexe_financiere",
    },
    2: {
        "civilite",
        "nom",
        "prenom",
        "date_naissance",
        "nir",
        "niveau_formation",
        "rqth",
        "amenagement_de_peine",
        "inscrit_depuis",
        "identifiant_pole_emploi",
    },
    3: {
        "type_contrat",
        "nature",
        "convention_precedente",
        "mois_deja_effectues",
        "type_contrat_travail",
        "date_conclusion",
        "date_embauche",
        "date_fin_contrat_travail",
        "duree_hebdo_travail",
        "difficultes_particulieres",
        "date_debut",
        "date_fin",
        "duree_hebdo_prise_en_charge",
        "public",
        "referent_nom",
        "tuteur_nom",
        "tuteur_fonction",
        "tuteur_volontaire",
        "tuteur_experience_mois",
        "tuteur_est_employeur",
        "motif_chevauchement",
        "formation_en_cours",
        "date_fin_formation",
        "emploi_intitule",
        "code_rome",
        "salaire_horaire_brut",
        "lieu_travail",
        "periode_essai_jours",
        "declaration_cotisations_a_jour",
        "declaration_sans_licenciement_economique",
        "declaration_sans_remplacement",
    },
    4: {"taux", "financement", "caom", "taux_majore"},
    5: {
        "immersion",
        "types_accompagnement",
        "actions_accompagnement",
        "types_formation",
        "actions_formation",
        "resultat_formation",
        "periodes",
    },
}


def etape_du_champ(champ: str) -> int | None:
    for numero, champs in CHAMPS_PAR_ETAPE.items():
        if champ in champs:
            return numero
    return None


@dataclass(frozen=True)
class ErreurAilleurs:
    """A rule error whose field is typed at another step: shown with a link to that step."""

    message: str
    etape: Etape | None
    url: str


def erreurs_ailleurs(convention, violations, etape_courante: int | None = None) -> list[ErreurAilleurs]:
    erreurs = []
    for v in violations:
        numero = etape_du_champ(v.champ)
        if numero == etape_courante:
            numero = None
        url = reverse("conventions:etape", args=[convention.pk, numero]) if numero and convention else ""
        erreurs.append(ErreurAilleurs(v.message, ETAPES[numero - 1] if numero else None, url))
    return erreurs


def placer_violations(form, violations, convention=None, etape: int | None = None) -> list[ErreurAilleurs]:
    """Each violation at its field of ``form`` when it has one; the others are returned (with their step)."""
    reste = []
    for v in violations:
        if v.champ in form.fields:
            form.add_error(v.champ, v.message)
        else:
            reste.append(v)
    return erreurs_ailleurs(convention, reste, etape)


# --- the convention of a page ---------------------------------------------------------------------------


def qs_detail():
    return Convention.objects.select_related(
        "employeur__departement",
        "salarie",
        "prescripteur",
        "departement",
        "region",
        "public",
        "arrete",
        "caom",
        "convention_precedente",
    )


def convention_visible(request, pk) -> Convention:
    return get_object_or_404(qs_detail().visibles_par(perimetre_de(request)), pk=pk)


def convention_modifiable(request, pk, *, brouillon: bool | None = None) -> Convention:
    """Visible (404), owned (403), and a draft (``brouillon=True``) or not (``False``) when asked (403)."""
    convention = convention_visible(request, pk)
    exiger(peut_modifier_convention(perimetre_de(request), convention))
    if brouillon is not None:
        exiger((convention.statut == StatutConvention.BROUILLON) == brouillon)
    return convention


# --- the error summary at the top of a form ------------------------------------------------------------


@dataclass(frozen=True)
class LienErreur:
    href: str
    texte: str
    lien: str = ""  # the text of the link to another step, if any


def _ancre(champ) -> str:
    widget = champ.field.widget
    if getattr(widget, "input_type", "") == "radio":
        return f"#{champ.auto_id}_0"
    return f"#{champ.auto_id}"


def _erreurs_du_formulaire(form) -> list[LienErreur]:
    liens = []
    for nom, erreurs in form.errors.items():
        for message in erreurs:
            if nom == "__all__" or nom not in form.fields:
                liens.append(LienErreur("", str(message)))
            else:
                champ = form[nom]
                liens.append(LienErreur(_ancre(champ), f"{champ.label} : {message}"))
    return liens


def resume_erreurs(*objets, autres=()) -> list[LienErreur]:
    """Every error of the forms and formsets given, each with a link to its field, then those of other steps."""
    from django.forms import BaseForm, BaseFormSet

    liens = []
    for objet in objets:
        if isinstance(objet, BaseFormSet) and objet.is_bound:
            for i, form in enumerate(objet.forms, start=1):
                liens += [LienErreur(lien.href, f"Période {i} – {lien.texte}") for lien in _erreurs_du_formulaire(form)]
            liens += [LienErreur(f"#{objet.prefix}", str(m)) for m in objet.non_form_errors()]
        elif isinstance(objet, BaseForm) and objet.is_bound:
            liens += _erreurs_du_formulaire(objet)
    for erreur in autres:
        lien = f"Corriger à l'étape {erreur.etape.numero} : {erreur.etape.titre}" if erreur.etape else ""
        liens.append(LienErreur(erreur.url, erreur.message, lien))
    return liens
