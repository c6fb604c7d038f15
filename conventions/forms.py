"""Forms of the entry of a convention, steps 1 and 2 (employer, employee), and the shared widgets.

The forms only check the shape of what is typed (a SIRET, a NIR with its key, a date); the law is checked by
``conventions.services`` (through ``regles``), whose ``Violation`` are then shown at their field.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fr import siret as stdnum_siret

from comptes.envois import EnvoiUnique
from cui_portal.contraintes import message_de
from droit.vocabulaire import StatutJuridique
from referentiels.models import Departement

from .models_parties import AssuranceChomage, Civilite, Employeur, NiveauFormation, Salarie, compacter_nir, valider_nir

FORMATS_DATE = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]


class ChampDate(forms.DateField):
    """A date typed as jj/mm/aaaa in a text box (the DSFR's advice; works the same with the keyboard alone)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", FORMATS_DATE)
        kwargs.setdefault(
            "widget",
            forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "jj/mm/aaaa", "autocomplete": "off"}),
        )
        aide = kwargs.pop("help_text", "")
        kwargs["help_text"] = f"{aide} Format attendu : jj/mm/aaaa.".strip()
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("invalid", "Saisissez une date valide au format jj/mm/aaaa.")
        super().__init__(**kwargs)


A_COMPLETER = "À compléter avant de conclure"


def signaler_a_completer(form, violations) -> list[str]:
    """Each field of ``form`` still empty that a violation of the conclusion names (the list the summary shows)
    gets the hint « À compléter avant de conclure » before its help text; the names of those fields are returned.
    A field filled but wrong is left to the summary: only what is missing is signalled here."""
    signales = []
    for champ in dict.fromkeys(v.champ for v in violations):
        if champ not in form.fields or form[champ].value() not in (None, "", False, [], ()):
            continue
        field = form.fields[champ]
        field.help_text = format_html(
            '<span class="portail-a-completer">{}.</span>{}',
            A_COMPLETER,
            format_html(" {}", field.help_text) if field.help_text else "",
        )
        form[champ].help_text = field.help_text  # the bound field copied it when first read
        signales.append(champ)
    return signales


def case(libelle: str, aide: str = "") -> forms.BooleanField:
    return forms.BooleanField(label=libelle, required=False, help_text=aide)


def texte(libelle: str, longueur: int, requis: bool = False, aide: str = "", **attrs) -> forms.CharField:
    return forms.CharField(
        label=libelle,
        max_length=longueur,
        required=requis,
        help_text=aide,
        widget=forms.TextInput(attrs=attrs) if attrs else None,
        error_messages={"required": f"Indiquez {libelle[0].lower()}{libelle[1:]}."},
    )


# --- step 1: the employer ---------------------------------------------------------------------------


class EmployeurForm(forms.Form):
    """The SIRET first: an employer already known is found again and its other fields filled in."""

    siret = forms.CharField(
        label="SIRET de l'établissement employeur",
        max_length=20,
        help_text="14 chiffres. Un employeur déjà connu est retrouvé par son SIRET.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": "Indiquez le SIRET de l'employeur."},
    )
    raison_sociale = texte("Raison sociale", 200, requis=True)
    statut_juridique = forms.ChoiceField(
        label="Statut juridique",
        choices=[("", "Choisissez le statut"), *StatutJuridique.choices],
        help_text="Il détermine le contrat : CAE pour le secteur non marchand, CIE pour le secteur marchand.",
        error_messages={"required": "Indiquez le statut juridique de l'employeur."},
    )
    code_naf = texte("Code NAF", 6)
    adresse = texte("Adresse", 250, autocomplete="street-address")
    code_postal = texte("Code postal", 5, inputmode="numeric", autocomplete="postal-code")
    commune = texte("Commune", 120, autocomplete="address-level2")
    departement = forms.ModelChoiceField(
        label="Département de l'établissement",
        queryset=Departement.objects.all(),
        empty_label="Sélectionner…",
        error_messages={"required": "Indiquez le département de l'établissement."},
    )
    effectif = forms.IntegerField(label="Effectif", required=False, min_value=0)
    contact_nom = texte("Nom du contact (tuteur par défaut)", 120)
    contact_email = forms.EmailField(label="Adresse électronique du contact", required=False)
    contact_telephone = texte("Téléphone du contact", 20, autocomplete="tel")
    numero_urssaf_msa = texte(
        "N° d'affiliation à l'URSSAF ou à la MSA", 20, aide="Requis à la conclusion (Cerfa n° 13998*01)."
    )
    assurance_chomage = forms.ChoiceField(
        label="Assurance chômage des salariés",
        choices=[("", "Choisissez"), *AssuranceChomage.choices],
        required=False,
        help_text="Requise à la conclusion (Cerfa n° 13998*01).",
    )
    numero_annexe_financiere = texte(
        "N° de l'annexe financière (atelier et chantier d'insertion)",
        30,
        aide="Seulement pour un atelier et chantier d'insertion : requis à sa conclusion.",
    )
    bilan_employeur_fourni = case(
        "Le bilan préalable de l'employeur (accompagnement et formation) est fourni",
    )

    CHAMPS_EMPLOYEUR = (
        "raison_sociale",
        "statut_juridique",
        "code_naf",
        "adresse",
        "code_postal",
        "commune",
        "departement",
        "effectif",
        "contact_nom",
        "contact_email",
        "contact_telephone",
        "numero_urssaf_msa",
        "assurance_chomage",
        "numero_annexe_financiere",
    )

    def clean_siret(self):
        siret = stdnum_siret.compact(self.cleaned_data["siret"])
        try:
            stdnum_siret.validate(siret)
        except StdnumValidationError as exc:
            raise ValidationError(
                "Le SIRET doit compter 14 chiffres et respecter sa clé de contrôle.", code="siret_invalide"
            ) from exc
        return siret

    def clean(self):
        donnees = super().clean()
        statut = donnees.get("statut_juridique")
        if donnees.get("numero_annexe_financiere") and statut and statut != StatutJuridique.ACI:
            self.add_error(
                "numero_annexe_financiere",
                message_de(Employeur, "employeur_annexe_financiere_aci"),
            )
        return donnees

    def champs_employeur(self) -> dict:
        return {c: self.cleaned_data[c] for c in self.CHAMPS_EMPLOYEUR}


class RechercheSiretForm(forms.Form):
    siret = EmployeurForm.base_fields["siret"]


def initial_employeur(employeur) -> dict:
    return {c: getattr(employeur, c) for c in ("siret", *EmployeurForm.CHAMPS_EMPLOYEUR)}


def initial_etablissement(etablissement) -> dict:
    """What a SIRET look-up fills in: the establishment's public identity, never another organisation's entry."""
    from .models_identites import IDENTITE_PUBLIQUE

    return {c: getattr(etablissement, c) for c in ("siret", *IDENTITE_PUBLIQUE)}


# --- step 2: the employee ---------------------------------------------------------------------------


class SalarieForm(EnvoiUnique):
    """The employee and their situation before hiring (Cerfa, rubric « le salarié »). Without a draft yet, it
    creates one: sent once (``comptes.envois``).

    The NIR is never put back into the page: when a draft already has one, the box stays empty and keeps it."""

    civilite = forms.ChoiceField(
        label="Civilité",
        choices=Civilite.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Indiquez la civilité du salarié."},
    )
    nom = texte("Nom de naissance", 120, requis=True, autocomplete="off")
    nom_usage = texte("Nom d'usage", 120, autocomplete="off")
    prenom = texte("Prénom", 120, requis=True, autocomplete="off")
    date_naissance = ChampDate(
        label="Date de naissance", error_messages={"required": "Indiquez la date de naissance du salarié."}
    )
    nir = forms.CharField(
        label="NIR (numéro d'inscription au répertoire, sécurité sociale)",
        max_length=21,
        required=False,
        help_text="13 chiffres et la clé de 2 chiffres, espaces permis.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    niveau_formation = forms.ChoiceField(
        label="Niveau de formation",
        choices=[("", "Choisissez le niveau"), *NiveauFormation.choices],
        error_messages={"required": "Indiquez le niveau de formation du salarié."},
    )
    inscrit_pole_emploi = case("Inscrit à Pôle emploi")
    inscrit_depuis = ChampDate(
        label="Inscrit à Pôle emploi depuis le", required=False, help_text="Requis à la conclusion pour un inscrit."
    )
    identifiant_pole_emploi = texte(
        "Identifiant Pôle emploi", 11, aide="Requis à la conclusion pour un inscrit.", autocomplete="off"
    )
    beneficiaire_rsa = case("Bénéficiaire du RSA")
    numero_allocataire = texte("Numéro d'allocataire (RSA)", 20, autocomplete="off")
    beneficiaire_ass = case("Bénéficiaire de l'ASS (allocation de solidarité spécifique)")
    beneficiaire_aah = case("Bénéficiaire de l'AAH (allocation aux adultes handicapés)")
    beneficiaire_ata = case("Bénéficiaire de l'ATA (allocation temporaire d'attente)")
    rqth = case("Reconnu travailleur handicapé (RQTH)")
    amenagement_de_peine = case("Personne sous main de justice (aménagement de peine)")
    adresse = texte("Adresse", 250, autocomplete="off")
    code_postal = texte("Code postal", 5, inputmode="numeric", autocomplete="off")
    commune = texte("Commune", 120, autocomplete="off")

    CHAMPS_SALARIE = (
        "civilite",
        "nom",
        "nom_usage",
        "prenom",
        "date_naissance",
        "niveau_formation",
        "inscrit_pole_emploi",
        "inscrit_depuis",
        "identifiant_pole_emploi",
        "beneficiaire_rsa",
        "numero_allocataire",
        "beneficiaire_ass",
        "beneficiaire_aah",
        "beneficiaire_ata",
        "rqth",
        "amenagement_de_peine",
        "adresse",
        "code_postal",
        "commune",
    )

    def __init__(self, *args, nir_enregistre: str = "", brouillon: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if brouillon:
            del self.fields["jeton_envoi"]  # the draft exists: sending its step again changes nothing more
        self.nir_enregistre = nir_enregistre
        if nir_enregistre:
            self.fields[
                "nir"
            ].help_text = (
                "Un NIR est déjà enregistré : laissez vide pour le garder, ou saisissez-le à nouveau pour le changer."
            )
        else:
            self.fields["nir"].required = True
            self.fields["nir"].error_messages["required"] = "Indiquez le NIR du salarié (il figure sur le Cerfa)."

    def clean_nir(self):
        nir = compacter_nir(self.cleaned_data.get("nir", "")).upper()
        if nir:
            valider_nir(nir)
        return nir

    def clean(self):
        donnees = super().clean()
        nir, civilite, naissance = donnees.get("nir"), donnees.get("civilite"), donnees.get("date_naissance")
        if nir and civilite and nir[0] in "12" and (nir[0] == "1") != (civilite == Civilite.MONSIEUR):
            self.add_error("nir", "Le premier chiffre du NIR (sexe) ne correspond pas à la civilité indiquée.")
        elif nir and naissance and nir[1:3] != f"{naissance.year % 100:02d}":
            self.add_error("nir", "Les 2e et 3e chiffres du NIR (année de naissance) ne correspondent pas à la date.")
        if donnees.get("inscrit_depuis") and not donnees.get("inscrit_pole_emploi"):
            self.add_error("inscrit_pole_emploi", "Cochez « inscrit à Pôle emploi » ou retirez la date d'inscription.")
        if donnees.get("identifiant_pole_emploi") and not donnees.get("inscrit_pole_emploi"):
            self.add_error("identifiant_pole_emploi", message_de(Salarie, "salarie_identifiant_si_inscrit"))
        if donnees.get("numero_allocataire") and not donnees.get("beneficiaire_rsa"):
            self.add_error("beneficiaire_rsa", "Le numéro d'allocataire ne concerne qu'un bénéficiaire du RSA.")
        return donnees

    def champs_salarie(self) -> dict:
        return {c: self.cleaned_data[c] for c in self.CHAMPS_SALARIE}


def initial_salarie(salarie) -> dict:
    return {c: getattr(salarie, c) for c in SalarieForm.CHAMPS_SALARIE}
