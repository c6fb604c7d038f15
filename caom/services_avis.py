"""The conseil général comments on a step of its CAOM or approves the text proposed for signature; each write
in one transaction, the CAOM locked, the rule checked first."""

from django.db import transaction

from cui_portal import horloge

from .models import AvisCaom, Caom, EtapeCaom, NatureAvis
from .regles_avis import verifier_approbation, verifier_commentaire


@transaction.atomic
def commenter_etape(etape: EtapeCaom, auteur, texte: str) -> AvisCaom:
    caom = Caom.objects.select_for_update().get(pk=etape.caom_id)
    return AvisCaom.objects.create(
        caom=caom,
        etape=etape,
        nature=NatureAvis.COMMENTAIRE,
        statut_caom=caom.statut,
        texte=verifier_commentaire(texte),
        auteur=auteur,
        donne_le=horloge.maintenant(),
    )


@transaction.atomic
def approuver_texte(caom: Caom, auteur) -> AvisCaom:
    caom = Caom.objects.select_for_update().get(pk=caom.pk)
    verifier_approbation(caom.statut, caom.avis.filter(nature=NatureAvis.APPROBATION).exists())
    return AvisCaom.objects.create(
        caom=caom,
        nature=NatureAvis.APPROBATION,
        statut_caom=caom.statut,
        auteur=auteur,
        donne_le=horloge.maintenant(),
    )
