from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "comptes"

urlpatterns = [
    path("connexion/", views.Connexion.as_view(), name="connexion"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="deconnexion"),
    path("organisation/", views.choisir_organisation, name="choisir_organisation"),
    path("mot-de-passe/", views.ChangementMotDePasse.as_view(), name="mot_de_passe"),
    path(
        "mot-de-passe/change/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="comptes/message.html",
            extra_context={"title": "Mot de passe changé", "message": "Votre mot de passe a été changé."},
        ),
        name="mot_de_passe_change",
    ),
    path("mot-de-passe-oublie/", views.ReinitialisationMotDePasse.as_view(), name="reinitialisation"),
    path(
        "mot-de-passe-oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="comptes/message.html",
            extra_context={
                "title": "Courriel envoyé",
                "message": "Si un compte existe pour cette adresse, un courriel vient de vous être envoyé "
                "avec un lien pour choisir un nouveau mot de passe.",
            },
        ),
        name="reinitialisation_envoyee",
    ),
    path(
        "reinitialiser/<uidb64>/<token>/",
        views.ReinitialisationConfirmation.as_view(),
        name="reinitialisation_confirmation",
    ),
    path(
        "reinitialiser/termine/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="comptes/message.html",
            extra_context={
                "title": "Mot de passe choisi",
                "message": "Votre nouveau mot de passe est enregistré. Vous pouvez vous connecter.",
                "lien_connexion": True,
            },
        ),
        name="reinitialisation_terminee",
    ),
]
