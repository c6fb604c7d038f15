from django import forms
from django.contrib.auth.forms import AuthenticationForm


class ConnexionForm(AuthenticationForm):
    username = forms.EmailField(
        label="Adresse électronique",
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": "Adresse électronique ou mot de passe incorrect.",
        "inactive": "Ce compte est désactivé.",
    }


class ChoixHabilitationForm(forms.Form):
    habilitation = forms.ChoiceField(label="Organisation pour laquelle vous agissez", widget=forms.RadioSelect)

    def __init__(self, *args, habilitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["habilitation"].choices = [
            (h.pk, f"{h.organisation} — {h.get_role_display()}") for h in habilitations
        ]
