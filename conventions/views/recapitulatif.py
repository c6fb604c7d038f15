"""Step 6 of the entry: the summary of the draft, every rule error linked to its step, then « Enregistrer le
brouillon » or « Conclure la convention » (``conclusion.conclure``: rules, number, aid)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.permissions import perimetre_de, perimetre_requis, peut_voir_nir

from ..regles.base import RegleConventionError
from ..regles.immersion import Periode, verifier_periodes_immersion
from ..services import conclusion
from ..services.aide import taux_majore_de
from ..services.commun import cae_jeune
from .commun import ETAPES, NB_ETAPES, ErreurAilleurs, convention_modifiable, erreurs_ailleurs
from .saisie import contexte_etape, violations_a_la_conclusion

# Every violation the conclusion would raise: the summary shows exactly what ``conclure`` checks, and each step
# signals at its fields the same ones still empty.
verifier = violations_a_la_conclusion


def erreurs_par_etape(convention, violations) -> list[ErreurAilleurs]:
    """Immersion errors name the dates of a period: they belong to step 5, not to the convention's dates."""
    periodes = [Periode(p.date_debut, p.date_fin) for p in convention.periodes_immersion.all()]
    immersion = set()
    if periodes and convention.date_debut and convention.date_fin:
        immersion = set(
            verifier_periodes_immersion(convention.type_contrat, convention.date_debut, convention.date_fin, periodes)
        )
    erreurs = []
    for v in violations:
        if v in immersion:
            from django.urls import reverse

            erreurs.append(ErreurAilleurs(v.message, ETAPES[4], reverse("conventions:etape", args=[convention.pk, 5])))
        else:
            erreurs += erreurs_ailleurs(convention, [v])
    return erreurs


def confirmation_conclusion(convention) -> Confirmation:
    from django.urls import reverse

    salarie, employeur = convention.salarie, convention.employeur
    return Confirmation(
        titre="Conclure la convention ?",
        action="Oui, conclure la convention",
        consequences=[
            f"La convention de {salarie.prenom} {salarie.nom} chez {employeur.raison_sociale} reçoit son numéro.",
            f"L'aide est engagée du {convention.date_debut:%d/%m/%Y} au {convention.date_fin:%d/%m/%Y} : "
            "son échéancier est calculé et compte dans les budgets.",
        ],
        irreversible="Une convention conclue ne redevient pas un brouillon : ses termes ne changent plus que par "
        "avenant, et son numéro lui reste.",
        retour=reverse("conventions:recapitulatif", args=[convention.pk]),
        fil=[(reverse("conventions:liste"), "Conventions individuelles")],
    )


@require_http_methods(["GET", "POST"])
@perimetre_requis
def recapitulatif(request, pk):
    convention = convention_modifiable(request, pk, brouillon=True)
    if request.method == "POST":
        if request.POST.get("action") == "conclure":
            if not confirme(request) and not verifier(convention):
                return demander_confirmation(request, confirmation_conclusion(convention))
            try:
                convention = conclusion.conclure(convention, par=request.user, taux_majore=taux_majore_de(convention))
            except RegleConventionError as exc:
                violations = exc.violations
                messages.error(request, "La convention n'est pas conclue : corrigez les erreurs signalées.")
            else:
                messages.success(request, f"La convention est conclue sous le numéro {convention.numero}.")
                return redirect("conventions:detail", convention.pk)
        else:
            messages.success(
                request, "Le brouillon est enregistré : vous le retrouverez dans la liste des conventions."
            )
            return redirect("conventions:detail", convention.pk)
    else:
        violations = verifier(convention)
    return render(
        request,
        "conventions/saisie/recapitulatif.html",
        contexte_etape(
            request,
            convention,
            NB_ETAPES,
            autres=erreurs_par_etape(convention, violations),
            periodes=convention.periodes_immersion.all(),
            cae_jeune=cae_jeune(convention),
            voit_nir=peut_voir_nir(perimetre_de(request), convention),
            avant_de_conclure=True,
        ),
    )
