"""Correct and undo a convention: delete a draft (with its dependants), annul a concluded convention entered by
mistake, correct or withdraw a rupture or a suspension declared by mistake within its 7 days. Deleting, annulling
and withdrawing ask for a confirmation (``cui_portal.confirmation``) after the rules are checked."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from comptes.envois import deja_envoye
from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.permissions import (
    exiger,
    perimetre_de,
    perimetre_requis,
    peut_annuler_convention,
    peut_corriger_rupture,
    peut_corriger_suspension,
    peut_retirer_rupture,
    peut_retirer_suspension,
    peut_supprimer_brouillon,
)

from ..forms_actions import AnnulationForm, CorrectionSuspensionForm, RetraitForm, RuptureForm
from ..services import annulation, retrait
from .commun import convention_modifiable, convention_visible
from .detail import _action, _libelle, fil


@perimetre_requis
def supprimer(request, pk):
    convention = convention_modifiable(request, pk, brouillon=True)
    exiger(peut_supprimer_brouillon(perimetre_de(request), convention))
    if request.method == "POST" and confirme(request):
        annulation.supprimer_brouillon(convention, par=request.user)
        messages.success(request, "Le brouillon est supprimé.")
        return redirect("conventions:liste")
    salarie, employeur = convention.salarie, convention.employeur
    personne = f"{salarie.prenom} {salarie.nom}".strip() or "salarié non renseigné"
    return demander_confirmation(
        request,
        Confirmation(
            titre="Supprimer le brouillon ?",
            action="Oui, supprimer le brouillon",
            consequences=[
                f"Le brouillon ({personne}, {employeur.raison_sociale or 'employeur non renseigné'}) est supprimé avec "
                "ses périodes d'immersion et ses fiches employeur et salarié ; les identités partagées (SIRET, NIR) "
                "restent.",
                "La suppression reste dans l'historique, avec votre nom.",
            ],
            irreversible="Un brouillon supprimé ne peut pas être retrouvé : il faudra tout saisir à nouveau.",
            retour=reverse("conventions:detail", args=[convention.pk]),
            fil=fil(convention),
        ),
    )


@perimetre_requis
def annuler(request, pk):
    convention = convention_visible(request, pk)
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same confirmed page sent twice: done once
    exiger(peut_annuler_convention(perimetre_de(request), convention))
    form = AnnulationForm(request.POST or None)

    def executer(d):
        annulation.annuler_convention(convention, motif=d["motif"], par=request.user)

    def confirmation(d) -> Confirmation:
        return Confirmation(
            titre="Annuler la convention ?",
            action="Oui, annuler la convention",
            consequences=[
                f"La {_libelle(convention).lower()} est annulée (raison : {d['motif'].strip()}) ; la raison reste "
                "dans l'historique.",
                "Elle ne compte plus dans aucun chiffre : tableaux de bord, budgets, échéancier de l'aide, "
                "indicateurs, consommation de la CAOM, exports.",
                f"Son numéro {convention.numero} n'est jamais attribué à une autre convention.",
            ],
            irreversible="Une convention annulée ne redevient pas active : si elle était juste, il faudra en saisir "
            "une nouvelle, qui aura un autre numéro.",
            retour=reverse("conventions:detail", args=[convention.pk]),
            fil=fil(convention),
        )

    return _action(
        request,
        convention,
        form,
        "Annuler la convention",
        executer,
        "La convention est annulée : elle ne compte plus dans aucun chiffre.",
        confirmation=confirmation,
        verifier=lambda d: annulation.verifier_annulation_de(convention, d["motif"]),
    )


@perimetre_requis
def corriger_rupture(request, pk):
    """Correct the date or the motive of a rupture declared by mistake, within the 7 days of its declaration."""
    convention = convention_visible(request, pk)
    exiger(peut_corriger_rupture(perimetre_de(request), convention))
    initial = {
        "date_rupture": convention.date_rupture,
        "motif": convention.motif_rupture,
        "date_declaration": convention.date_declaration_evenement,
    }
    form = RuptureForm(request.POST or None, initial=initial)
    del form.fields["jeton_envoi"]  # a change of an existing declaration: sending it twice changes nothing more

    def executer(d):
        annulation.corriger_rupture(
            convention,
            date_rupture=d["date_rupture"],
            motif=d["motif"],
            date_declaration=d["date_declaration"],
            par=request.user,
        )

    return _action(
        request,
        convention,
        form,
        "Corriger la déclaration de rupture",
        executer,
        "La déclaration de rupture est corrigée.",
    )


def _confirmation_retrait(convention, titre, action, consequences):
    return Confirmation(
        titre=titre,
        action=action,
        consequences=[*consequences, "Le retrait reste dans l'historique, avec votre nom et sa raison."],
        irreversible="Un retrait ne se défait pas : si la déclaration était juste, il faudra la déclarer à nouveau.",
        retour=reverse("conventions:detail", args=[convention.pk]),
        fil=fil(convention),
    )


@perimetre_requis
def retirer_rupture(request, pk):
    """Withdraw a rupture declared by mistake, within the 7 days of its declaration, after a confirmation."""
    convention = convention_visible(request, pk)
    exiger(peut_retirer_rupture(perimetre_de(request), convention))
    form = RetraitForm(request.POST or None)

    def confirmation(d) -> Confirmation:
        return _confirmation_retrait(
            convention,
            "Retirer la déclaration de rupture ?",
            "Oui, retirer la rupture",
            [
                f"La rupture du {convention.date_rupture:%d/%m/%Y} est retirée : la convention {convention.numero} "
                "revient à son état d'avant la déclaration (la suspension que la rupture avait close est rouverte).",
                "L'échéancier de l'aide est recalculé.",
            ],
        )

    return _action(
        request,
        convention,
        form,
        "Retirer la déclaration de rupture",
        lambda d: retrait.retirer_rupture(convention, raison=d["raison"], par=request.user),
        "La déclaration de rupture est retirée.",
        confirmation=confirmation,
        verifier=lambda d: retrait.verifier_retrait_rupture(convention),
    )


@perimetre_requis
def corriger_suspension(request, pk):
    """Correct the last suspension declared (dates, motive, remuneration), within the 7 days of its declaration."""
    convention = convention_visible(request, pk)
    exiger(peut_corriger_suspension(perimetre_de(request), convention))
    suspension = retrait.derniere_suspension(convention)
    initial = {
        "date_suspension": suspension.date_debut,
        "date_fin": suspension.date_fin,
        "motif": suspension.motif,
        "remuneration_maintenue": suspension.remuneration_maintenue,
        "date_declaration": suspension.date_declaration,
    }
    form = CorrectionSuspensionForm(request.POST or None, initial=initial)
    del form.fields["jeton_envoi"]  # a change of an existing declaration: sending it twice changes nothing more
    if suspension.date_fin is None:
        del form.fields["date_fin"]  # still running: its end is the resumption, declared apart

    def executer(d):
        retrait.corriger_suspension(
            convention,
            date_suspension=d["date_suspension"],
            date_fin=d.get("date_fin"),
            motif=d["motif"],
            remuneration_maintenue=d["remuneration_maintenue"],
            date_declaration=d["date_declaration"],
            par=request.user,
        )

    return _action(
        request, convention, form, "Corriger la déclaration de suspension", executer, "La suspension est corrigée."
    )


@perimetre_requis
def retirer_suspension(request, pk):
    """Withdraw the last suspension declared by mistake, within the 7 days of its declaration, after a
    confirmation."""
    convention = convention_visible(request, pk)
    exiger(peut_retirer_suspension(perimetre_de(request), convention))
    suspension = retrait.derniere_suspension(convention)
    form = RetraitForm(request.POST or None)

    def confirmation(d) -> Confirmation:
        return _confirmation_retrait(
            convention,
            "Retirer la déclaration de suspension ?",
            "Oui, retirer la suspension",
            [
                f"La suspension du {suspension.date_debut:%d/%m/%Y} est retirée : la convention {convention.numero} "
                "revient à son état d'avant la déclaration.",
                "L'aide est due pour ses jours, l'échéancier de l'aide est recalculé.",
            ],
        )

    return _action(
        request,
        convention,
        form,
        "Retirer la déclaration de suspension",
        lambda d: retrait.retirer_suspension(convention, raison=d["raison"], par=request.user),
        "La déclaration de suspension est retirée.",
        confirmation=confirmation,
        verifier=lambda d: retrait.verifier_reprise_de_suspension(convention, retrait.derniere_suspension(convention)),
    )
