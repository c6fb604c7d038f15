"""Forms of the entry of a convention, steps 3 to 5: the contract, the aid, support and immersion."""

from django import forms

from droit.nombres import (
    HEURES_MAX,
    HEURES_MAX_PRISES_EN_CHARGE,
    HEURES_MIN,
    SOURCE_ACTIONS_CAE,
    SOURCE_TUTEUR,
    TUTEUR_EXPERIENCE_MIN_ANS,
    TUTEUR_SALARIES_MAX,
    nombre,
)
from droit.vocabulaire import STATUTS_HORS_CHIFFRES, Financement, TypeContrat
from referentiels.models import PublicPrioritaire
from simulateur.forms import NombreDecimal

from .forms import ChampDate, case, texte
from .models import Convention, Nature, TypeContratTravail
from .models_cerfa import ActionAccompagnement, ActionFormation, ResultatFormation
from .regles.cerfa import ATTESTATIONS, CHAMPS_ATTESTATIONS, attestations_sans_objet
from .regles.immersion import Periode, verifier_periodes_immersion
from .regles.tuteur import MOIS_PAR_AN

CONTRATS_CUI = [(TypeContrat.CAE.value, TypeContrat.CAE.label), (TypeContrat.CIE.value, TypeContrat.CIE.label)]


def heures(libelle: str, requis: bool = False, aide: str = "") -> NombreDecimal:
    return NombreDecimal(
        label=libelle,
        required=requis,
        decimal_places=2,
        help_text=aide,
        error_messages={
            "invalid": "Saisissez un nombre d'heures par semaine, par exemple 26 ou 17,5.",
            "max_decimal_places": "Le nombre d'heures a au plus 2 chiffres après la virgule.",
        },
    )


def attestation(champ: str) -> forms.BooleanField:
    """The box of a statement the employer signs, labelled with its words and source (``regles.cerfa``)."""
    a = next(a for a in ATTESTATIONS if a.champ == champ)
    return case(f"{a.libelle} ({a.source})")


# --- step 3: work contract and convention ----------------------------------------------------------


class ContratForm(forms.Form):
    type_contrat = forms.ChoiceField(
        label="Contrat",
        choices=CONTRATS_CUI,
        widget=forms.RadioSelect,
        help_text="CAE pour un employeur non marchand, CIE pour un employeur marchand.",
    )
    nature = forms.ChoiceField(label="Nature de la convention", choices=Nature.choices)
    convention_precedente = forms.ModelChoiceField(
        label="Convention précédente (renouvellement ou prolongation)",
        queryset=Convention.objects.none(),
        required=False,
        empty_label="Aucune",
    )
    mois_deja_effectues = forms.IntegerField(
        label="Mois déjà effectués dans le contrat du plan de cohésion sociale",
        min_value=0,
        max_value=120,
        required=False,
        help_text="Seulement pour une nouvelle convention CUI qui prolonge un CAV, un CI-RMA, un CAE ou un CIE.",
    )
    type_contrat_travail = forms.ChoiceField(
        label="Contrat de travail", choices=TypeContratTravail.choices, widget=forms.RadioSelect
    )
    date_conclusion = ChampDate(
        label="Date de signature de la convention",
        required=False,
        help_text="Avant le début du contrat de travail ; elle fixe l'arrêté régional appliqué.",
    )
    date_embauche = ChampDate(label="Date d'embauche (début du contrat de travail)", required=False)
    date_fin_contrat_travail = ChampDate(label="Fin du contrat de travail (CDD)", required=False)
    duree_hebdo_travail = heures(
        "Durée hebdomadaire de travail (heures)", aide=f"De {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} heures."
    )
    difficultes_particulieres = case(
        f"Difficultés particulières : CAE de moins de {nombre(HEURES_MIN)} heures",
        f"Permet à un CAE une durée hebdomadaire inférieure à {nombre(HEURES_MIN)} heures (L. 5134-26).",
    )
    date_debut = ChampDate(label="Début de la convention (début de l'aide)", required=False)
    date_fin = ChampDate(label="Fin de la convention (fin de l'aide)", required=False)
    duree_hebdo_prise_en_charge = heures(
        "Durée hebdomadaire prise en charge (heures)",
        aide=f"{nombre(HEURES_MAX_PRISES_EN_CHARGE)} heures au plus, et pas plus que les heures travaillées.",
    )
    public = forms.ModelChoiceField(
        label="Public prioritaire",
        queryset=PublicPrioritaire.objects.filter(actif=True),
        required=False,
        empty_label="Sélectionner…",
        help_text="Il fixe le taux de l'arrêté régional.",
    )
    referent_nom = texte("Référent", 160, aide="Par défaut : le prescripteur (R. 5134-37, R. 5134-60).")
    tuteur_nom = texte(
        "Tuteur",
        160,
        aide=f"Un salarié de l'employeur, qui suit au plus {nombre(TUTEUR_SALARIES_MAX)} salariés du même contrat à "
        f"la fois ({SOURCE_TUTEUR['CAE']} ; {SOURCE_TUTEUR['CIE']}).",
    )
    tuteur_fonction = texte("Fonction du tuteur", 120)
    tuteur_volontaire = case("Le tuteur est un salarié qualifié et volontaire pour assumer cette fonction")
    tuteur_experience_mois = forms.IntegerField(
        label="Expérience professionnelle du tuteur (mois)",
        min_value=0,
        max_value=720,
        required=False,
        help_text=(
            f"Au moins {nombre(TUTEUR_EXPERIENCE_MIN_ANS)} ans, soit {TUTEUR_EXPERIENCE_MIN_ANS * MOIS_PAR_AN} mois."
        ),
        error_messages={"invalid": "Saisissez un nombre de mois, par exemple 36."},
    )
    # The post (Cerfa n° 13998*01, rubric « le contrat de travail »)
    emploi_intitule = texte("Emploi occupé (intitulé du poste)", 160, aide="Requis à la conclusion.")
    code_rome = texte(
        "Code ROME de l'emploi",
        5,
        aide="Une lettre et quatre chiffres, par exemple K1302 (répertoire des métiers de Pôle emploi). Requis à la "
        "conclusion.",
        autocomplete="off",
    )
    salaire_horaire_brut = NombreDecimal(
        label="Salaire horaire brut (€)",
        required=False,
        decimal_places=2,
        help_text="Au moins le SMIC horaire brut à l'embauche (L. 3231-2). Requis à la conclusion.",
        error_messages={"invalid": "Saisissez un montant en euros, par exemple 8,86."},
    )
    lieu_travail = texte("Lieu d'exécution du contrat", 250, aide="Adresse ou commune. Requis à la conclusion.")
    periode_essai_jours = forms.IntegerField(
        label="Durée de la période d'essai (jours)",
        min_value=0,
        max_value=366,
        required=False,
        help_text="En jours calendaires ; vide s'il n'y en a pas.",
        error_messages={"invalid": "Saisissez un nombre de jours, par exemple 14."},
    )
    # What the employer states on its honour by signing, in the words of ``regles.cerfa.ATTESTATIONS``
    declaration_cotisations_a_jour = attestation("declaration_cotisations_a_jour")
    declaration_sans_licenciement_economique = attestation("declaration_sans_licenciement_economique")
    declaration_sans_remplacement = attestation("declaration_sans_remplacement")
    tuteur_est_employeur = case(
        "À titre exceptionnel, l'employeur assure lui-même le tutorat (autorisé par le prescripteur)",
        "Sinon, le tuteur est un salarié désigné ci-dessus : le portail ne met jamais l'employeur à sa place.",
    )
    motif_chevauchement = forms.CharField(
        label="Raison d'une seconde convention en même temps",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Seulement si la personne a déjà une convention en cours pendant cette période.",
    )
    formation_en_cours = case("Formation en cours à achever (renouvellement)")
    date_fin_formation = ChampDate(label="Fin de la formation en cours", required=False)

    def __init__(self, *args, convention=None, perimetre=None, **kwargs):
        super().__init__(*args, **kwargs)
        if convention is not None and perimetre is not None:
            # Only the conventions the person may see: another organisation's ones are neither listed nor accepted.
            self.fields["convention_precedente"].queryset = (
                Convention.objects.visibles_par(perimetre)
                .filter(salarie__identite__isnull=False, salarie__identite=convention.salarie.identite_id)
                .exclude(pk=convention.pk)
                .exclude(statut__in=STATUTS_HORS_CHIFFRES)
            )
            self.fields["referent_nom"].widget.attrs["placeholder"] = str(convention.prescripteur)
        # The statements the contract does not ask (a CAE: the CIE's exclusions) are neither shown nor required.
        contrat = self.data.get("type_contrat") if self.is_bound else None
        if contrat not in dict(CONTRATS_CUI):
            contrat = convention.type_contrat if convention is not None else None
        if contrat is not None:
            for a in attestations_sans_objet(contrat):
                del self.fields[a.champ]

    def clean(self):
        donnees = super().clean()
        if donnees.get("type_contrat_travail") == TypeContratTravail.CDI:
            donnees["date_fin_contrat_travail"] = None
        if donnees.get("mois_deja_effectues") is None:
            donnees["mois_deja_effectues"] = 0
        transition_sans_precedente = (
            donnees.get("nature") == Nature.TRANSITION_PCS and donnees["mois_deja_effectues"] > 0
        )
        if (
            donnees.get("nature") != Nature.INITIALE
            and not donnees.get("convention_precedente")
            and not transition_sans_precedente
        ):
            self.add_error(
                "convention_precedente", "Indiquez la convention précédente que celle-ci renouvelle ou prolonge."
            )
        if not donnees.get("formation_en_cours"):
            donnees["date_fin_formation"] = None
        donnees["code_rome"] = (donnees.get("code_rome") or "").replace(" ", "").upper()
        for champ in CHAMPS_ATTESTATIONS:
            if champ not in self.fields:
                donnees[champ] = False  # not signed: the contract does not ask it
        return donnees

    def champs_attestations(self):
        """The boxes of the statements this contract asks, in the order of the Cerfa."""
        return [self[champ] for champ in CHAMPS_ATTESTATIONS if champ in self.fields]


CHAMPS_CONTRAT = tuple(ContratForm.base_fields)


# --- step 4: the aid --------------------------------------------------------------------------------


class AideForm(forms.Form):
    financement = forms.ChoiceField(
        label="Financement de l'aide",
        choices=Financement.choices,
        widget=forms.RadioSelect,
        help_text="Le conseil général cofinance, dans le cadre de sa CAOM, l'aide d'un bénéficiaire du RSA.",
    )
    caom = forms.ModelChoiceField(
        label="CAOM du conseil général",
        queryset=None,
        required=False,
        empty_label="Aucune",
        help_text="La convention annuelle d'objectifs et de moyens du département, si le conseil général cofinance.",
    )
    taux_majore = NombreDecimal(
        label="Taux majoré par le conseil général (%)",
        required=False,
        decimal_places=2,
        help_text="Facultatif : seulement si le conseil général majore le taux de l'arrêté, à sa charge.",
        error_messages={"invalid": "Saisissez le taux en pourcentage, par exemple 95."},
    )

    def __init__(self, *args, convention=None, **kwargs):
        super().__init__(*args, **kwargs)
        from caom.models import Caom

        qs = Caom.objects.none()
        if convention is not None:
            qs = Caom.objects.filter(departement_id=convention.departement_id).order_by("-annee")
        self.fields["caom"].queryset = qs

    def clean(self):
        donnees = super().clean()
        if donnees.get("financement") == Financement.ETAT:
            if donnees.get("taux_majore") is not None:
                self.add_error(
                    "taux_majore", "Seul le conseil général peut majorer le taux : choisissez son cofinancement."
                )
            donnees["caom"] = None
        return donnees


# --- step 5: support, training, immersion -----------------------------------------------------------


class AccompagnementForm(forms.Form):
    types_accompagnement = forms.MultipleChoiceField(
        label="Actions d'accompagnement professionnel",
        choices=ActionAccompagnement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions_accompagnement = forms.CharField(
        label="Précisions sur l'accompagnement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Requises si « autre » est coché.",
    )
    types_formation = forms.MultipleChoiceField(
        label="Actions de formation",
        choices=ActionFormation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Au moins une pour un CAE ({SOURCE_ACTIONS_CAE}).",
    )
    actions_formation = forms.CharField(
        label="Précisions sur la formation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Organisme, durée, pendant ou hors du temps de travail ; requises si « autre » est coché.",
    )
    resultat_formation = forms.ChoiceField(
        label="Résultat attendu des actions de formation",
        choices=[("", "Choisissez le résultat"), *ResultatFormation.choices],
        required=False,
    )
    immersion = case(
        "Immersion : le salarié pourra effectuer des périodes d'immersion chez d'autres employeurs",
        "Rubrique du Cerfa, à cocher systématiquement pour un CAE-jeunes (CAE seulement).",
    )


class PeriodeForm(forms.Form):
    employeur_accueil = texte("Employeur d'accueil", 200)
    siret_accueil = texte("SIRET de l'employeur d'accueil", 14, inputmode="numeric")
    date_debut = ChampDate(label="Début de la période", required=False)
    date_fin = ChampDate(label="Fin de la période (incluse)", required=False)
    objet = texte("Objet de la période", 500)

    def clean(self):
        donnees = super().clean()
        rempli = any(donnees.get(c) for c in ("employeur_accueil", "date_debut", "date_fin"))
        if rempli:
            for champ, message in (
                ("employeur_accueil", "Indiquez l'employeur d'accueil."),
                ("date_debut", "Indiquez le début de la période d'immersion."),
                ("date_fin", "Indiquez la fin de la période d'immersion."),
            ):
                if not donnees.get(champ) and champ not in self.errors:
                    self.add_error(champ, message)
        return donnees

    @property
    def periode(self) -> Periode | None:
        d = getattr(self, "cleaned_data", {})
        if d.get("date_debut") and d.get("date_fin") and not self.errors:
            return Periode(d["date_debut"], d["date_fin"])
        return None


class BasePeriodesFormSet(forms.BaseFormSet):
    """Each period is checked alone (one month at most) at its own fields; together (overlaps, 25 %) below."""

    def __init__(self, *args, convention=None, **kwargs):
        self.convention = convention
        super().__init__(*args, **kwargs)

    def clean(self):
        if any(self.errors) or self.convention is None:
            return
        c = self.convention
        if not (c.date_debut and c.date_fin):
            if any(f.periode for f in self.forms):
                raise forms.ValidationError("Indiquez d'abord les dates de la convention (étape 3).")
            return
        toutes = []
        for form in self.forms:
            periode = form.periode
            if periode is None:
                continue
            toutes.append(periode)
            for v in verifier_periodes_immersion(c.type_contrat, c.date_debut, c.date_fin, [periode]):
                form.add_error(v.champ if v.champ in form.fields else None, v.message)
        if any(self.errors):
            return
        erreurs = [v.message for v in verifier_periodes_immersion(c.type_contrat, c.date_debut, c.date_fin, toutes)]
        if erreurs:
            raise forms.ValidationError(erreurs)

    def periodes(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.periode is not None]


PeriodesFormSet = forms.formset_factory(PeriodeForm, formset=BasePeriodesFormSet, extra=2, max_num=12)
