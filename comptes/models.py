"""People, and the organisations they act for (habilitations)."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models

from cui_portal import horloge
from cui_portal.contraintes import refus
from droit.vocabulaire import Role
from referentiels.models import Organisation, TypeOrganisation


class UtilisateurManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("L'adresse électronique est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class Utilisateur(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("adresse électronique", unique=True)
    prenom = models.CharField("prénom", max_length=100, blank=True)
    nom = models.CharField("nom", max_length=100, blank=True)
    is_active = models.BooleanField("actif", default=True)
    is_staff = models.BooleanField("accès à l'administration", default=False)
    date_joined = models.DateTimeField("inscrit le", default=horloge.instant_reel)

    objects = UtilisateurManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = "utilisateur"

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.prenom} {self.nom}".strip()

    def get_short_name(self):
        return self.prenom or self.email


# The organisation types a role can be held in.
TYPES_PAR_ROLE = {
    Role.PRESCRIPTEUR: {
        TypeOrganisation.AGENCE_POLE_EMPLOI,
        TypeOrganisation.MISSION_LOCALE,
        TypeOrganisation.CAP_EMPLOI,
        TypeOrganisation.CONSEIL_GENERAL,
    },
    Role.CORRESPONDANT_REGIONAL: {TypeOrganisation.DIRECCTE, TypeOrganisation.DDTEFP},
    Role.GESTIONNAIRE_REGIONAL: {TypeOrganisation.DIRECCTE},
    Role.NATIONAL: {TypeOrganisation.DGEFP},
    Role.CONSEIL_GENERAL: {TypeOrganisation.CONSEIL_GENERAL},
    Role.ADMINISTRATEUR: set(TypeOrganisation),
}


class Habilitation(models.Model):
    """A person's membership of an organisation, with the role they hold there."""

    utilisateur = models.ForeignKey(Utilisateur, on_delete=models.CASCADE, related_name="habilitations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="habilitations")
    role = models.CharField("rôle", max_length=30, choices=Role.choices)
    actif = models.BooleanField("active", default=True)

    class Meta:
        verbose_name = "habilitation"
        ordering = ["organisation__nom", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["utilisateur", "organisation", "role"],
                name="une_habilitation_par_role_et_organisation",
                violation_error_message=refus("Cette personne a déjà ce rôle dans cette organisation."),
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} – {self.organisation}"

    def clean(self):
        if self.organisation_id and self.role:
            types = TYPES_PAR_ROLE[Role(self.role)]
            if self.organisation.type not in types:
                raise ValidationError(
                    {
                        "role": f"Le rôle « {Role(self.role).label} » ne peut pas être exercé dans une organisation "
                        f"de type « {self.organisation.get_type_display()} »."
                    }
                )


class EnvoiFormulaire(models.Model):
    """The one-time token of a creating form, consumed by its first successful submission (``comptes.envois``):
    a double click, a resent request or twenty parallel POSTs create one object; the others land on it."""

    jeton = models.UUIDField("jeton", unique=True)
    utilisateur = models.ForeignKey(Utilisateur, verbose_name="utilisateur", on_delete=models.CASCADE, related_name="+")
    destination = models.CharField("page de l'objet créé", max_length=500, blank=True)
    cree_le = models.DateTimeField("créé le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "envoi de formulaire"
        verbose_name_plural = "envois de formulaires"

    def __str__(self):
        return str(self.jeton)
