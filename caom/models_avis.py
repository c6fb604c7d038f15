"""The conseil général's word on its CAOM (circular DGEFP 2009-42, annexe 2: the CAOM is negotiated with it and
signed after its deliberation): a comment on a step of the negotiation, or the approval of the text proposed
for signature. Imported by ``caom.models`` so that Django knows the model."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from cui_portal.contraintes import refus
from droit.nombres import SOURCE_CAOM


class NatureAvis(models.TextChoices):
    COMMENTAIRE = "commentaire", "Commentaire d'une étape"
    APPROBATION = "approbation", "Approbation du texte proposé à la signature"


class AvisCaom(models.Model):
    caom = models.ForeignKey("caom.Caom", verbose_name="CAOM", on_delete=models.CASCADE, related_name="avis")
    etape = models.ForeignKey(
        "caom.EtapeCaom",
        verbose_name="étape commentée",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="avis",
    )
    nature = models.CharField("nature", max_length=12, choices=NatureAvis.choices)
    statut_caom = models.CharField("état de la CAOM", max_length=20, help_text="L'état de la négociation ce jour-là.")
    texte = models.TextField("texte", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    donne_le = models.DateTimeField("donné le")

    class Meta:
        verbose_name = "avis du conseil général"
        verbose_name_plural = "avis du conseil général"
        ordering = ["donne_le", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nature="approbation", etape__isnull=True)
                | Q(nature="commentaire", etape__isnull=False) & ~Q(texte=""),
                name="avis_caom_commentaire_d_une_etape",
                violation_error_message=refus(
                    "Un commentaire porte sur une étape de la négociation et a un texte ; une approbation porte sur "
                    "le texte proposé à la signature."
                ),
            ),
            models.UniqueConstraint(
                fields=["caom"],
                condition=Q(nature="approbation"),
                name="une_approbation_par_caom",
                violation_error_message=refus(
                    f"Le conseil général a déjà approuvé le texte de cette CAOM proposé à la signature ({SOURCE_CAOM})."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_nature_display()} – {self.caom}"
