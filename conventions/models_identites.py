"""The shared identities behind the parties of the conventions: a person (by NIR) and an establishment (by SIRET).

They hold only what several organisations may share: the identifier, and for an establishment its public
identity (raison sociale, legal status, NAF code, address, as the SIRENE directory publishes them), recorded once
by the first entry and never changed by another one. Everything an organisation types about a party (names, birth
date, situation, address, contact…) lives on the convention's own record (``models_parties.Salarie`` and
``models_parties.Employeur``, one of each per convention): another organisation never reads it, nor overwrites it.
Across organisations the rules read only aggregated figures (``services.historique``).
"""

from django.db import models
from stdnum.fr import siret as stdnum_siret

from cui_portal.contraintes import refus
from droit.vocabulaire import StatutJuridique
from referentiels.models import Departement

from .validation import compacter_nir, masquer_nir, valider_nir, valider_siret


class IdentiteSalarieQuerySet(models.QuerySet):
    def par_nir(self, nir: str):
        nir = compacter_nir(nir)
        return self.filter(nir=nir) if nir else self.none()


class IdentiteSalarie(models.Model):
    """A person known by their NIR: it links the conventions of one person (for the length caps), nothing else.
    The NIR is never in the history, a URL, a log or an export; it is erased at the anonymisation (R. 5134-23)."""

    nir = models.CharField("NIR (numéro de sécurité sociale)", max_length=15, validators=[valider_nir])
    cree_le = models.DateTimeField("créée le", auto_now_add=True)

    objects = IdentiteSalarieQuerySet.as_manager()

    class Meta:
        verbose_name = "identité d'un salarié"
        verbose_name_plural = "identités des salariés"
        constraints = [
            models.UniqueConstraint(
                fields=["nir"],
                name="identite_salarie_nir_unique",
                violation_error_message=refus("Ce NIR est déjà celui d'une personne enregistrée."),
                violation_error_code="unique",
            ),
        ]

    def __str__(self):
        return f"Personne n° {self.pk}"

    def save(self, *args, **kwargs):
        self.nir = compacter_nir(self.nir)
        super().save(*args, **kwargs)

    @property
    def nir_masque(self) -> str:
        return masquer_nir(self.nir)


class EtablissementQuerySet(models.QuerySet):
    def par_siret(self, siret: str):
        return self.filter(siret=stdnum_siret.compact(siret or ""))


class Etablissement(models.Model):
    """An employer's establishment and its public identity (what the SIRET look-up shows): never a contact,
    a headcount or anything else an organisation typed for its own convention."""

    siret = models.CharField("SIRET", max_length=14, validators=[valider_siret])
    raison_sociale = models.CharField("raison sociale", max_length=200)
    code_naf = models.CharField("code NAF", max_length=6, blank=True)
    statut_juridique = models.CharField("statut juridique", max_length=30, choices=StatutJuridique.choices)
    adresse = models.CharField("adresse", max_length=250, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    commune = models.CharField("commune", max_length=120, blank=True)
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="etablissements_cui"
    )
    cree_le = models.DateTimeField("créé le", auto_now_add=True)

    objects = EtablissementQuerySet.as_manager()

    class Meta:
        verbose_name = "établissement"
        ordering = ["raison_sociale"]
        constraints = [
            models.UniqueConstraint(
                fields=["siret"],
                name="etablissement_siret_unique",
                violation_error_message=refus("Ce SIRET est déjà celui d'un établissement enregistré."),
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=models.Q(statut_juridique__in=StatutJuridique.values),
                name="etablissement_statut_connu",
                violation_error_message=refus("Statut juridique inconnu : choisissez celui de l'employeur."),
            ),
        ]

    def __str__(self):
        return f"{self.raison_sociale} ({self.siret})"

    def save(self, *args, **kwargs):
        self.siret = stdnum_siret.compact(self.siret or "")
        super().save(*args, **kwargs)


# The public identity of an establishment: the fields of ``Etablissement`` a SIRET look-up may show.
IDENTITE_PUBLIQUE = (
    "raison_sociale",
    "statut_juridique",
    "code_naf",
    "adresse",
    "code_postal",
    "commune",
    "departement",
)
