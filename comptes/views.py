from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from cui_portal.horloge import avis_demonstration

from .forms import ChoixHabilitationForm, ConnexionForm
from .middleware import CLE_SESSION


class Connexion(auth_views.LoginView):
    form_class = ConnexionForm
    template_name = "comptes/connexion.html"
    redirect_authenticated_user = True
    extra_context = {"title": "Connexion"}

    def get_success_url(self):
        suite = super().get_success_url()
        if self.request.user.habilitations.filter(actif=True).count() > 1:
            return f"{reverse('comptes:choisir_organisation')}?next={suite}"
        return suite


@login_required
def choisir_organisation(request):
    habilitations = request.user.habilitations.filter(actif=True).select_related("organisation")
    form = ChoixHabilitationForm(
        request.POST or None,
        habilitations=habilitations,
        initial={"habilitation": getattr(request.habilitation, "pk", None)},
    )
    if request.method == "POST" and form.is_valid():
        request.session[CLE_SESSION] = int(form.cleaned_data["habilitation"])
        messages.success(request, "Organisation choisie.")
        suite = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(suite, {request.get_host()}, require_https=request.is_secure()):
            suite = reverse("accueil")
        return redirect(suite)
    return render(
        request,
        "comptes/choisir_organisation.html",
        {"form": form, "next": request.GET.get("next", ""), "title": "Choisir l'organisation"},
    )


class ChangementMotDePasse(auth_views.PasswordChangeView):
    template_name = "comptes/mot_de_passe_changement.html"
    success_url = reverse_lazy("comptes:mot_de_passe_change")
    extra_context = {"title": "Changer de mot de passe"}


class ReinitialisationMotDePasse(auth_views.PasswordResetView):
    template_name = "comptes/reinitialisation.html"
    email_template_name = "comptes/emails/reinitialisation.txt"
    html_email_template_name = "comptes/emails/reinitialisation.html"
    subject_template_name = "comptes/emails/reinitialisation_sujet.txt"
    success_url = reverse_lazy("comptes:reinitialisation_envoyee")
    extra_context = {"title": "Mot de passe oublié"}

    @property
    def extra_email_context(self):
        return {"avis_demonstration": avis_demonstration()}


class ReinitialisationConfirmation(auth_views.PasswordResetConfirmView):
    template_name = "comptes/reinitialisation_confirmation.html"
    success_url = reverse_lazy("comptes:reinitialisation_terminee")
    extra_context = {"title": "Nouveau mot de passe"}
