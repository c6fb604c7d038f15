from django import forms
from django.conf import settings
from django.urls import reverse

from comptes.envois import EnvoiUnique
from cui_portal import horloge
from cui_portal.confirmation import Confirmation
from cui_portal.contraintes import ContraintesAuxChamps
from cui_portal.formulaires import DatesEnTexte
from cui_portal.tableurs import TableurRefuse, format_du_fichier
from cui_portal.tableurs_bornes import octets_lisibles  # « 5 Mo », not Django's « 5,0 Mio »
from droit.nombres import HEURES_MAX, HEURES_MIN, annee_de_campagne, nombre
from referentiels.models import PublicPrioritaire, Region

from .models import TITRES, VISAS_ANNEXE_3, VISAS_ANNEXE_3_BIS, Arrete, PorteeArrete
from .regles import erreurs_taux
from .services import arrete_remplace, consequences_de_publication, refus_de_publication


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ArreteForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    """The text of a draft arrêté. The region is the gestionnaire's own; an administrator chooses it. A new one
    carries a one-time token (``comptes.envois``): a double submit creates one arrêté."""

    class Meta:
        model = Arrete
        fields = [
            "region",
            "annee",
            "portee",
            "numero",
            "titre",
            "visas",
            "date_signature",
            "lieu_signature",
            "signataire",
        ]
        widgets = {"date_signature": DateInput(), "visas": forms.Textarea(attrs={"rows": 7})}

    def __init__(self, *args, region_imposee: Region | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region_imposee = region_imposee
        if region_imposee is not None or self.instance.pk:
            del self.fields["region"]
        self.fields["titre"].required = False
        self.fields["titre"].help_text = "Laissé vide : le titre du modèle de la circulaire (annexe 3 ou 3-bis)."
        self.fields["visas"].required = False
        self.fields["visas"].help_text = "Un visa par ligne. Laissé vide : les visas du modèle de la circulaire."
        if not self.instance.pk:
            self.initial.setdefault("annee", annee_de_campagne(horloge.aujourdhui()))

    def clean_annee(self):
        annee = self.cleaned_data["annee"]
        if annee < 2010:
            raise forms.ValidationError("Le contrat unique d'insertion s'applique à partir de 2010.")
        return annee

    def clean(self):
        donnees = super().clean()
        portee = donnees.get("portee") or PorteeArrete.CAE_CIE
        if not donnees.get("titre"):
            donnees["titre"] = TITRES[portee]
        if not donnees.get("visas"):
            donnees["visas"] = VISAS_ANNEXE_3 if portee == PorteeArrete.CAE_CIE else VISAS_ANNEXE_3_BIS
        region = self.region_imposee or (self.instance.region if self.instance.region_id else donnees.get("region"))
        numero = (donnees.get("numero") or "").strip()
        if region and numero:
            memes = Arrete.objects.filter(region=region, numero=numero).exclude(pk=self.instance.pk)
            if memes.exists():
                self.add_error("numero", f"La région a déjà un arrêté n° {numero}.")
        return donnees

    def save(self, commit=True):
        if self.region_imposee is not None:
            self.instance.region = self.region_imposee
        return super().save(commit)


class GrilleTauxForm(forms.Form):
    """One rate and one maximum of weekly hours for each contract of the arrêté and each priority public: the
    table of Articles 1 and 2. A blank row means no rate for that public."""

    def __init__(self, *args, arrete: Arrete, avec_cie: bool | None = None, contrats=None, **kwargs):
        """``contrats``: the tables shown (both when a form is posted, so that a CIE rate typed in a CAE-only
        arrêté is refused rather than silently dropped); ``avec_cie``: whether CIE rates are allowed."""
        super().__init__(*args, **kwargs)
        self.avec_cie = arrete.avec_cie if avec_cie is None else avec_cie
        contrats = contrats or (("CAE", "CIE") if self.avec_cie else ("CAE",))
        self.publics = list(PublicPrioritaire.objects.filter(actif=True))
        existants = {(t.contrat, t.public_id): t for t in arrete.taux.all()} if arrete.pk else {}
        self.lignes = []
        for contrat in contrats:
            for public in self.publics:
                cle_taux, cle_heures = f"taux_{contrat}_{public.code}", f"heures_{contrat}_{public.code}"
                self.fields[cle_taux] = forms.DecimalField(
                    label=f"Taux {contrat} – {public.libelle} (%)",
                    required=False,
                    max_digits=5,
                    decimal_places=2,
                    localize=True,
                )
                self.fields[cle_heures] = forms.IntegerField(
                    label=f"Heures maximales {contrat} – {public.libelle}", required=False
                )
                if (t := existants.get((contrat, public.pk))) is not None:
                    self.initial[cle_taux], self.initial[cle_heures] = t.taux, t.heures_max
                self.lignes.append((contrat, public, self[cle_taux], self[cle_heures]))

    def clean(self):
        donnees = super().clean()
        for contrat, public, champ_taux, champ_heures in self.lignes:
            taux, heures = donnees.get(champ_taux.name), donnees.get(champ_heures.name)
            if champ_taux.name in self.errors or champ_heures.name in self.errors:
                continue
            if taux is None and heures is None:
                continue
            if taux is None:
                self.add_error(champ_taux.name, "Indiquez le taux, ou videz aussi la durée.")
                continue
            if heures is None:
                self.add_error(
                    champ_heures.name,
                    f"Indiquez la durée prise en charge ({nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} h).",
                )
                continue
            for champ, message in erreurs_taux(contrat, public.code, taux, heures, self.avec_cie).items():
                self.add_error(champ_heures.name if champ == "heures_max" else champ_taux.name, message)
        return donnees

    def lignes_a_enregistrer(self) -> list[dict]:
        return [
            {
                "contrat": contrat,
                "public_code": public.code,
                "taux": self.cleaned_data[champ_taux.name],
                "heures_max": self.cleaned_data[champ_heures.name],
            }
            for contrat, public, champ_taux, champ_heures in self.lignes
            if self.cleaned_data.get(champ_taux.name) is not None
        ]


class ImportTauxForm(forms.Form):
    fichier = forms.FileField(
        label="Fichier des taux",
        help_text=(
            "Format .xlsx ou .csv (UTF-8 ou Windows-1252, séparateur « ; », « , » ou tabulation), taille maximale "
            f"{octets_lisibles(settings.TAILLE_MAX_IMPORT)}. Colonnes : contrat, public, taux, heures_max."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if fichier.size > settings.TAILLE_MAX_IMPORT:
            raise forms.ValidationError(
                f"Le fichier pèse {octets_lisibles(fichier.size)} : la taille maximale est de "
                f"{octets_lisibles(settings.TAILLE_MAX_IMPORT)}."
            )
        debut = fichier.read(8)
        fichier.seek(0)
        try:
            self.format = format_du_fichier(fichier.name, debut)
        except TableurRefuse as exc:
            raise forms.ValidationError(str(exc)) from None
        return fichier


class PublicationForm(DatesEnTexte, forms.Form):
    """The date of publication of a draft, checked as ``services.publier`` checks it (``refus_de_publication``)
    before the confirmation page says what publishing does (``cui_portal.confirmation``)."""

    date_publication = forms.DateField(
        label="Date de publication au recueil des actes administratifs", widget=DateInput()
    )

    def __init__(self, *args, arrete: Arrete | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrete, self.remplace = arrete, None

    def clean(self):
        donnees = super().clean()
        jour = donnees.get("date_publication")
        if self.arrete is not None and jour is not None:
            self.remplace = arrete_remplace(self.arrete)
            if erreurs := refus_de_publication(self.arrete, jour, self.remplace):
                raise forms.ValidationError(f"Publication impossible. {' '.join(erreurs)}")
        return donnees

    def confirmation(self, fil: list[tuple[str, str]]) -> Confirmation:
        """The page that asks before publishing: what it does, what cannot be undone, « Publier » and a way back."""
        return Confirmation(
            titre=f"Publier l'arrêté n° {self.arrete.numero} ?",
            action="Publier",
            consequences=consequences_de_publication(self.arrete, self.cleaned_data["date_publication"], self.remplace),
            irreversible="Un arrêté publié ne se modifie plus et ne se supprime pas : une correction est un nouvel "
            "arrêté, qui le remplace à sa propre publication.",
            retour=reverse("arretes:detail", args=[self.arrete.pk]),
            fil=fil,
        )
