"""Writes on CAOM: creation, changes before signature, negotiation steps, avenants (each in one transaction)."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from arretes.regles import AucunArreteApplicable
from arretes.services import taux_applicable
from cui_portal import horloge

from .models import AvenantCaom, Caom, EtapeCaom, StatutCaom, date_reference_par_defaut
from .regles import (
    RegleCaomError,
    erreurs_mode_exceptionnel,
    raison_de_garder,
    verifier_parametres,
    verifier_transition,
)
from .selectors import parametres

CODE_PUBLIC_RSA = "beneficiaires-rsa"  # the public a CAOM co-finances
CHAMPS_VOLUMES = ("nb_cae_cofinances", "nb_cae_majores", "nb_cae_cg_seul", "nb_cie_cofinances")


def taux_arrete_par_defaut(region_id: int, annee: int) -> Decimal | None:
    """The CAE rate of the region's arrêté for RSA beneficiaries, when an arrêté for ``annee`` is published.

    No published arrêté is a normal case of the autumn negotiation (``None``); an unknown public or region is a
    bug of the reference data and is raised."""
    jour = date(annee, 1, 1)
    try:
        return taux_applicable("CAE", CODE_PUBLIC_RSA, region_id, jour, jour).taux
    except AucunArreteApplicable:
        return None


@transaction.atomic
def enregistrer_caom(caom: Caom, auteur=None) -> Caom:
    """Create or change a CAOM not yet signed; the rules are checked before the database constraints."""
    if caom.pk:
        stockee = Caom.objects.select_for_update().get(pk=caom.pk)
        if not stockee.modifiable:
            raise RegleCaomError(
                "La CAOM est signée (ou la négociation a échoué) : ses volumes ne changent plus que par avenant."
            )
    if caom.date_reference is None:
        caom.date_reference = date_reference_par_defaut(caom.annee)
    if caom.nb_cae_majores == 0:
        caom.taux_majore = None
    verifier_parametres(parametres(caom))
    caom._history_user = auteur
    caom.save()
    return caom


def verifier_changement_de_statut(
    caom: Caom,
    cible: str,
    *,
    date_etape: date,
    aujourd_hui: date | None = None,
    date_deliberation: date | None = None,
    instance_deliberation: str = "",
) -> tuple[date | None, str]:
    """The rule check of ``changer_statut`` without writing (``RegleCaomError`` with its field): the page checks
    it before asking to confirm a signature or a failure. Returns the deliberation the step keeps."""
    derniere = caom.etapes.order_by("-date_etape", "-pk").values_list("date_etape", flat=True).first()
    if cible == StatutCaom.SIGNEE and date_deliberation is None:
        date_deliberation, instance_deliberation = caom.date_deliberation, caom.instance_deliberation
    verifier_transition(
        caom.statut,
        cible,
        date_etape=date_etape,
        aujourd_hui=aujourd_hui or horloge.aujourdhui(),
        date_derniere_etape=derniere,
        date_deliberation=date_deliberation,
        instance_deliberation=instance_deliberation,
    )
    return date_deliberation, instance_deliberation


@transaction.atomic
def changer_statut(
    caom: Caom,
    cible: str,
    *,
    date_etape: date,
    auteur=None,
    aujourd_hui: date | None = None,
    date_deliberation: date | None = None,
    instance_deliberation: str = "",
    commentaire: str = "",
) -> EtapeCaom:
    """Move the negotiation to ``cible`` and record the step (who, when)."""
    caom = Caom.objects.select_for_update().get(pk=caom.pk)
    date_deliberation, instance_deliberation = verifier_changement_de_statut(
        caom,
        cible,
        date_etape=date_etape,
        aujourd_hui=aujourd_hui,
        date_deliberation=date_deliberation,
        instance_deliberation=instance_deliberation,
    )
    etape = EtapeCaom.objects.create(
        caom=caom,
        statut_precedent=caom.statut,
        statut=cible,
        date_etape=date_etape,
        instance_deliberation=instance_deliberation if cible in (StatutCaom.DELIBERATION, StatutCaom.SIGNEE) else "",
        commentaire=commentaire,
        auteur=auteur,
    )
    caom.statut = cible
    if cible in (StatutCaom.DELIBERATION, StatutCaom.SIGNEE):
        caom.date_deliberation, caom.instance_deliberation = date_deliberation, instance_deliberation
    if cible == StatutCaom.SIGNEE:
        caom.date_signature = date_etape
    caom._history_user = auteur
    caom._change_reason = f"Étape : {StatutCaom(cible).label} le {date_etape:%d/%m/%Y}"
    caom.save()
    return etape


@transaction.atomic
def enregistrer_avenant(caom: Caom, *, date_avenant: date, objet: str, volumes: dict, auteur=None) -> AvenantCaom:
    """Change the volumes of a signed CAOM by an avenant; the CAOM's history keeps the values before."""
    caom = Caom.objects.select_for_update().get(pk=caom.pk)
    if not caom.signee:
        raise RegleCaomError("Un avenant ne modifie qu'une CAOM signée : avant la signature, modifiez la CAOM.")
    if caom.date_signature and date_avenant < caom.date_signature:
        raise RegleCaomError(
            f"L'avenant ({date_avenant:%d/%m/%Y}) ne peut pas précéder la signature de la CAOM "
            f"({caom.date_signature:%d/%m/%Y})."
        )
    avant = {champ: getattr(caom, champ) for champ in CHAMPS_VOLUMES}
    for champ in CHAMPS_VOLUMES:
        setattr(caom, champ, volumes.get(champ, avant[champ]))
    if caom.nb_cae_majores and caom.taux_majore is None:
        raise RegleCaomError("Cette CAOM ne prévoit pas de taux majoré : un avenant ne peut pas créer de CAE majorés.")
    verifier_parametres(parametres(caom))
    numero = (caom.avenants.order_by("-numero").values_list("numero", flat=True).first() or 0) + 1
    avenant = AvenantCaom.objects.create(
        caom=caom,
        numero=numero,
        date_avenant=date_avenant,
        objet=objet,
        avant=avant,
        auteur=auteur,
        **{champ: getattr(caom, champ) for champ in CHAMPS_VOLUMES},
    )
    caom._history_user = auteur
    caom._change_reason = f"Avenant n° {numero} du {date_avenant:%d/%m/%Y}"
    caom.save()
    return avenant


@transaction.atomic
def decider_mode_exceptionnel(
    caom: Caom, *, date_decision: date, instruction: str, motif: str = "", auteur=None, aujourd_hui=None
) -> Caom:
    """Record the region's decision to co-finance under the circular's exceptional mode, pending the CAOM's
    signature (circular 2009-42, annexe 2): dated, naming the specific instruction, kept in the history. Raises
    ``ErreursModeExceptionnel`` with the errors by field."""
    caom = Caom.objects.select_for_update().get(pk=caom.pk)
    erreurs = erreurs_mode_exceptionnel(
        annee=caom.annee,
        statut=caom.statut,
        date_signature=caom.date_signature,
        date_decision=date_decision,
        instruction=instruction,
        aujourd_hui=aujourd_hui or horloge.aujourdhui(),
    )
    if caom.mode_exceptionnel_le is not None:
        erreurs.setdefault(
            "date_decision",
            f"Le mode exceptionnel est déjà décidé sur cette CAOM depuis le {caom.mode_exceptionnel_le:%d/%m/%Y}.",
        )
    if erreurs:
        raise ErreursModeExceptionnel(erreurs)
    caom.mode_exceptionnel_le = date_decision
    caom.mode_exceptionnel_instruction = instruction.strip()
    caom.mode_exceptionnel_motif = motif.strip()
    caom.mode_exceptionnel_par = auteur
    caom._history_user = auteur
    caom._change_reason = f"Mise en œuvre exceptionnelle des CUI cofinancés décidée le {date_decision:%d/%m/%Y}"
    caom.save()
    return caom


class ErreursModeExceptionnel(RegleCaomError):
    def __init__(self, erreurs: dict[str, str]):
        self.erreurs = erreurs
        super().__init__(" ".join(erreurs.values()))


def raison_de_garder_la_caom(caom: Caom) -> str | None:
    return raison_de_garder(caom.statut, caom.conventions.count(), caom.mode_exceptionnel_le is not None)


@transaction.atomic
def supprimer_caom(caom: Caom, auteur=None) -> None:
    """Delete a CAOM entered by mistake, with its steps and avenants; refused (``RegleCaomError``) when
    ``regles.raison_de_garder`` says why it stays. The deletion stays in the history with its author."""
    caom = Caom.objects.select_for_update().get(pk=caom.pk)
    if raison := raison_de_garder_la_caom(caom):
        raise RegleCaomError(raison)
    caom.etapes.all().delete()
    caom.avenants.all().delete()
    caom._history_user = auteur
    caom._change_reason = "CAOM supprimée (saisie par erreur)"
    caom.delete()
