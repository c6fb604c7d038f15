"""The page of one convention (every section, the aid with its parameters, avenants, immersion, events, history)
and its actions by status: avenants (renouvellement, modification, période d'immersion), suspension, rupture,
resumption. Every action goes through ``conventions.services`` and its rules; errors are shown at their field.

The NIR is shown unmasked here only, and only to the owner prescripteur organisation and administrators.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from comptes.envois import deja_envoye, une_fois
from cui_portal import horloge
from cui_portal.confirmation import Confirmation, demander_confirmation
from cui_portal.historique import lignes_historique
from cui_portal.permissions import (
    STATUTS_ACTIFS,
    perimetre_de,
    perimetre_requis,
    peut_ajouter_avenant,
    peut_annuler_convention,
    peut_completer_convention,
    peut_corriger_rupture,
    peut_corriger_suspension,
    peut_modifier_convention,
    peut_reprendre_convention,
    peut_retirer_rupture,
    peut_retirer_suspension,
    peut_rompre_convention,
    peut_supprimer_brouillon,
    peut_suspendre_convention,
    peut_voir_nir,
)
from droit.vocabulaire import STATUTS_HORS_CHIFFRES

from ..forms_actions import FORMULAIRES_AVENANT, RepriseForm, RuptureForm, SuspensionForm
from ..models_evenements import TypeAvenant
from ..regles.base import RegleConventionError
from ..regles.statuts import attestation_disponible as regle_attestation_disponible
from ..services import evenements
from ..services.commun import cae_jeune
from ..services.paiements_de_l_aide import paiements_de_l_aide
from .commun import (
    convention_modifiable,
    convention_visible,
    placer_violations,
    resume_erreurs,
)

TITRES_AVENANT = {
    TypeAvenant.RENOUVELLEMENT: "Avenant de renouvellement",
    TypeAvenant.MODIFICATION: "Avenant de modification",
    TypeAvenant.IMMERSION: "Avenant : période d'immersion",
}


def attestation_disponible(convention, jour=None) -> bool:
    return regle_attestation_disponible(convention.statut_actuel, convention.date_fin, jour or horloge.aujourdhui())


def fil(convention=None):
    from django.urls import reverse

    liens = [(reverse("conventions:liste"), "Conventions individuelles")]
    if convention is not None:
        liens.append((reverse("conventions:detail", args=[convention.pk]), _libelle(convention)))
    return liens


def _libelle(convention) -> str:
    return f"Convention {convention.numero}" if convention.numero else "Convention en brouillon"


@never_cache
@perimetre_requis
def detail(request, pk):
    convention = convention_visible(request, pk)
    perimetre = perimetre_de(request)
    return render(
        request,
        "conventions/detail.html",
        {
            "title": _libelle(convention),
            "convention": convention,
            "salarie": convention.salarie,
            "employeur": convention.employeur,
            "voit_nir": peut_voir_nir(perimetre, convention),
            "avenants": convention.avenants.all(),
            "periodes": convention.periodes_immersion.all(),
            "suspensions": convention.suspensions.all(),
            "paiements": paiements_de_l_aide(convention, horloge.aujourdhui()),
            "historique": lignes_historique(convention),
            "historique_salarie": lignes_historique(convention.salarie, champs_masques=frozenset({"nir"})),
            "peut_modifier": peut_modifier_convention(perimetre, convention),
            "peut_completer": peut_completer_convention(perimetre, convention),
            "peut_avenant": peut_ajouter_avenant(perimetre, convention),
            "peut_suspendre": peut_suspendre_convention(perimetre, convention),
            "peut_reprendre": peut_reprendre_convention(perimetre, convention),
            "peut_rompre": peut_rompre_convention(perimetre, convention),
            "peut_supprimer": peut_supprimer_brouillon(perimetre, convention),
            "peut_annuler": peut_annuler_convention(perimetre, convention),
            "peut_corriger_rupture": peut_corriger_rupture(perimetre, convention),
            "peut_retirer_rupture": peut_retirer_rupture(perimetre, convention),
            "peut_corriger_suspension": peut_corriger_suspension(perimetre, convention),
            "peut_retirer_suspension": peut_retirer_suspension(perimetre, convention),
            "attestation": convention.statut not in STATUTS_HORS_CHIFFRES and attestation_disponible(convention),
            "types_avenant": TypeAvenant.choices,
            "cae_jeune": cae_jeune(convention),
            "fil": fil(),
        },
    )


def _action(
    request, convention, form, titre, executer, message_succes, confirmation=None, verifier=None, template=None
):
    """Show ``form``; on a valid POST run ``executer(cleaned_data)`` once per page shown (the form's one-time
    token: a double submit leads to the convention with a message); rule errors go to their field. With
    ``confirmation(cleaned_data) -> Confirmation``, nothing is run before the person confirms; with
    ``verifier(cleaned_data) -> [Violation]`` the rules are checked first, so that a write they refuse shows its
    errors at the field instead of being confirmed, then refused."""
    autres = []
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)
    valide = request.method == "POST" and form.is_valid()
    if valide and verifier is not None and (violations := verifier(form.cleaned_data)):
        autres = placer_violations(form, violations, None, None)
    if request.method == "POST" and form.is_valid() and not autres:
        if confirmation is not None:
            page = demander_confirmation(request, confirmation(form.cleaned_data))
            if page is not None:
                return page

        def enregistrer() -> str:
            executer(form.cleaned_data)
            return reverse("conventions:detail", args=[convention.pk])

        try:
            destination, premier = une_fois(request, form, enregistrer)
        except RegleConventionError as exc:
            autres = placer_violations(form, exc.violations, None, None)
        except ValidationError as exc:
            for champ, erreurs in exc.message_dict.items():
                form.add_error(champ if champ in form.fields else None, erreurs)
        else:
            if destination is not None:
                if premier:
                    messages.success(request, message_succes)
                return redirect(destination)
    return render(
        request,
        template or "conventions/action.html",
        {
            "title": titre,
            "convention": convention,
            "form": form,
            "erreurs": resume_erreurs(form, autres=autres),
            "fil": fil(convention),
        },
    )


@perimetre_requis
def avenant(request, pk, type_avenant):
    convention = convention_modifiable(request, pk, brouillon=False)
    classe = FORMULAIRES_AVENANT.get(type_avenant)
    if classe is None:
        raise Http404("Type d'avenant inconnu.")
    if convention.statut_actuel not in STATUTS_ACTIFS:
        messages.warning(request, "La convention n'est plus en cours : elle ne peut plus recevoir d'avenant.")
        return redirect("conventions:detail", convention.pk)
    form = classe(request.POST or None)

    def executer(d):
        evenements.ajouter_avenant(convention, type=type_avenant, par=request.user, **form.arguments())

    return _action(request, convention, form, TITRES_AVENANT[type_avenant], executer, "L'avenant est enregistré.")


@perimetre_requis
def suspension(request, pk):
    convention = convention_modifiable(request, pk, brouillon=False)
    form = SuspensionForm(request.POST or None)

    def executer(d):
        evenements.declarer_suspension(
            convention,
            date_suspension=d["date_suspension"],
            motif=d["motif"],
            date_declaration=d["date_declaration"],
            remuneration_maintenue=d["remuneration_maintenue"],
            par=request.user,
        )

    return _action(request, convention, form, "Déclarer une suspension", executer, "La suspension est déclarée.")


@perimetre_requis
def rupture(request, pk):
    convention = convention_modifiable(request, pk, brouillon=False)
    form = RuptureForm(request.POST or None)

    def executer(d):
        evenements.declarer_rupture(
            convention,
            date_rupture=d["date_rupture"],
            motif=d["motif"],
            date_declaration=d["date_declaration"],
            par=request.user,
        )

    def confirmation(d) -> Confirmation:
        from django.urls import reverse

        return Confirmation(
            titre="Déclarer la rupture ?",
            action="Oui, déclarer la rupture",
            consequences=[
                f"La convention {convention.numero} est rompue le {d['date_rupture']:%d/%m/%Y} "
                f"(motif : {dict(form.fields['motif'].choices).get(d['motif'], d['motif'])}) : l'aide s'arrête "
                "à cette date.",
                form.fields["motif"].help_text,
            ],
            irreversible="Une convention rompue ne reprend pas : elle ne reçoit plus d'avenant ni de suspension.",
            retour=reverse("conventions:detail", args=[convention.pk]),
            fil=fil(convention),
        )

    return _action(
        request,
        convention,
        form,
        "Déclarer une rupture",
        executer,
        "La rupture est déclarée.",
        confirmation=confirmation,
        verifier=lambda d: evenements.verifier_rupture(
            convention, date_rupture=d["date_rupture"], motif=d["motif"], date_declaration=d["date_declaration"]
        ),
    )


@perimetre_requis
def reprise(request, pk):
    convention = convention_modifiable(request, pk, brouillon=False)
    if not peut_reprendre_convention(perimetre_de(request), convention):
        messages.warning(request, "La convention n'est pas suspendue : aucune reprise à enregistrer.")
        return redirect("conventions:detail", convention.pk)
    form = RepriseForm(request.POST or None)

    def executer(d):
        evenements.lever_suspension(
            convention, date_reprise=d["date_reprise"], date_declaration=d["date_declaration"], par=request.user
        )

    return _action(
        request,
        convention,
        form,
        "Enregistrer la reprise après suspension",
        executer,
        "La reprise du contrat après suspension est enregistrée.",
    )
