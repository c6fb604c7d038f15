from django import forms

from comptes.envois import EnvoiUnique
from cui_portal.contraintes import ContraintesAuxChamps, message_de
from cui_portal.formulaires import DatesEnTexte

from .models import (
    ComitePilotage,
    ConventionOperateur,
    CreditIngenierie,
    DemandePaiement,
    LigneBilan,
    ObjectifRegional,
    Operateur,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionBilanForm(forms.Form):
    """The version of the bilan the form was opened at (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class LigneBilanForm(ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = LigneBilan
        fields = ["operateur", "objectifs", "calendrier", "freins", "points_particuliers"]
        widgets = {
            champ: forms.Textarea(attrs={"rows": 3})
            for champ in ("objectifs", "calendrier", "freins", "points_particuliers")
        }

    def __init__(self, *args, operateurs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operateur"].queryset = operateurs if operateurs is not None else Operateur.objects.none()
        self.fields["operateur"].empty_label = "— Aucun opérateur désigné —"
        self.fields[
            "operateur"
        ].help_text = "Parmi les opérateurs de la région (Pôle emploi, mission locale, prestataire…)."

    def valeurs(self) -> dict:
        donnees = self.cleaned_data
        operateur = donnees.get("operateur")
        return {
            "operateur_id": operateur.pk if operateur else None,
            **{c: donnees.get(c, "") for c in ("objectifs", "calendrier", "freins", "points_particuliers")},
        }


class LectureBilanForm(forms.Form):
    commentaire_mip = forms.CharField(
        label="Commentaire de la DGEFP (MIP)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Visible par la région.",
        max_length=5000,
    )


class OperateurForm(EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = Operateur
        fields = ["organisation", "nature", "actif"]

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    def clean_organisation(self):
        # The region is not a field of the form, so Django's unique check would not see it.
        organisation = self.cleaned_data["organisation"]
        deja = Operateur.objects.filter(region=self.region, organisation=organisation).exclude(pk=self.instance.pk)
        if self.region is not None and deja.exists():
            raise forms.ValidationError(message_de(Operateur, "un_operateur_par_region"))
        return organisation


class ConventionOperateurForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = ConventionOperateur
        fields = ["operateur", "objet", "montant", "signee_le", "transmise_asp_le"]
        widgets = {"signee_le": DATE, "transmise_asp_le": DATE}

    def __init__(self, *args, operateurs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operateur"].queryset = operateurs if operateurs is not None else Operateur.objects.none()

    def clean(self):
        donnees = super().clean()
        signee, transmise = donnees.get("signee_le"), donnees.get("transmise_asp_le")
        if signee and transmise and transmise < signee:
            self.add_error("transmise_asp_le", "La convention est transmise à l'ASP dès sa signature, pas avant.")
        return donnees


class DemandePaiementForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = DemandePaiement
        fields = ["convention", "montant", "compte_rendu_recu_le", "attestation_recue_le", "payee_le"]
        widgets = {"compte_rendu_recu_le": DATE, "attestation_recue_le": DATE, "payee_le": DATE}

    def __init__(self, *args, conventions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convention"].queryset = (
            conventions if conventions is not None else ConventionOperateur.objects.none()
        )

    # The rules of a request (agreement sent to the ASP, what remains of it, paid after the complete file) are
    # ``DemandePaiement.clean`` (``regles.erreurs_demande_paiement``), run by this form and by the admin's.


class CreditIngenierieForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = CreditIngenierie
        fields = ["annee", "montant_notifie", "notifie_le"]
        widgets = {"notifie_le": DATE}

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region

    def clean_annee(self):
        # The region is set by the view, not a field: Django's check of the unique (region, année) would not run.
        annee = self.cleaned_data["annee"]
        deja = CreditIngenierie.objects.filter(region=self.region, annee=annee).exclude(pk=self.instance.pk)
        if self.region is not None and deja.exists():
            raise forms.ValidationError(message_de(CreditIngenierie, "un_credit_par_region_et_annee"))
        return annee


class ComitePilotageForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    class Meta:
        model = ComitePilotage
        fields = ["date", "heure", "lieu", "ordre_du_jour", "participants", "transmis_dgefp_le"]
        widgets = {
            "date": DATE,
            "transmis_dgefp_le": DATE,
            "heure": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ordre_du_jour": forms.Textarea(attrs={"rows": 3}),
            "participants": forms.Textarea(attrs={"rows": 2}),
        }


class ObjectifRegionalForm(ContraintesAuxChamps, forms.ModelForm):
    """One region's line of the objectives the DGEFP sets for a year (entries and State envelope)."""

    enveloppe_etat = forms.DecimalField(
        label="Enveloppe de l'État (€)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages={"invalid": "Indiquez un montant en euros, par exemple 1 250 000,00."},
    )

    class Meta:
        model = ObjectifRegional
        fields = ["objectif_cae", "objectif_cie", "objectif_cae_jeunes", "enveloppe_etat"]


class AnnulationComiteForm(forms.Form):
    motif = forms.CharField(
        label="Raison de l'annulation",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Elle est communiquée à la DGEFP avec le calendrier des comités.",
        error_messages={"required": "Indiquez la raison de l'annulation."},
    )


class RectificationBilanForm(forms.Form):
    texte = forms.CharField(
        label="Ce que la rectification corrige",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Elle est datée du jour et signée de votre nom ; le bilan lu reste tel que la DGEFP l'a lu.",
    )
