from django import forms
from django.conf import settings

from cui_portal.tableurs_bornes import octets_lisibles  # « 5 Mo », not Django's « 5,0 Mio »

from .importation import ErreurFichier, format_du_fichier


class ImportReleveForm(forms.Form):
    """An ASP statement to check; the region is chosen by national roles only (``regions`` is then given)."""

    region = forms.ModelChoiceField(label="Région du relevé", queryset=None, empty_label="Sélectionner…")
    fichier = forms.FileField(
        label="Relevé mensuel de paiements de l'ASP",
        help_text=(
            "Format .xlsx ou .csv (UTF-8, séparateur « ; » ou « , »), taille maximale "
            f"{octets_lisibles(settings.TAILLE_MAX_IMPORT)}. Colonnes : convention, mois, montant_etat, "
            "montant_conseil_general."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is None:
            del self.fields["region"]
        else:
            self.fields["region"].queryset = regions

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
        except ErreurFichier as exc:
            raise forms.ValidationError(str(exc)) from None
        return fichier
