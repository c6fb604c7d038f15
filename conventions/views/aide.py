"""Step 4 of the entry (the aid) and its htmx fragment: the aid and its split are computed by
``services.aide.calculer_aide_du_brouillon`` (arrêté's rate, SMIC, the conseil général's share of the RSA) and
saved by ``services.conclusion.enregistrer_aide`` — never here — each time a field changes."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from cui_portal.permissions import perimetre_requis
from referentiels.violation import Violation

from ..forms_contrat import AideForm
from ..regles.base import RegleConventionError
from ..services import aide, conclusion
from .commun import convention_modifiable, erreurs_ailleurs, placer_violations


def _violations_au_formulaire(form, violations, convention):
    """``taux`` of the rules is the raised rate typed here."""
    vues = [Violation("taux_majore", v.message) if v.champ == "taux" else v for v in violations]
    return placer_violations(form, vues, convention, 4)


def etape_aide(request, convention, contexte_etape):
    autres, calcul = [], None
    if request.method == "POST":
        form = AideForm(request.POST, convention=convention)
        if form.is_valid():
            d = form.cleaned_data
            if request.POST.get("action") == "recalculer":
                calcul, violations = aide.calculer_aide_du_brouillon(convention, d["financement"], d["taux_majore"])
                autres = _violations_au_formulaire(form, violations, convention)
            else:
                try:
                    convention = conclusion.enregistrer_aide(
                        convention,
                        par=request.user,
                        financement=d["financement"],
                        caom=d["caom"],
                        taux_majore=d["taux_majore"],
                    )
                except RegleConventionError as exc:
                    calcul = aide.calculer_aide_du_brouillon(convention, d["financement"], d["taux_majore"])[0]
                    autres = _violations_au_formulaire(form, exc.violations, convention)
                else:
                    if request.POST.get("action") == "quitter":
                        return redirect("conventions:detail", convention.pk)
                    return redirect("conventions:etape", convention.pk, 5)
    else:
        form = AideForm(
            initial={
                "financement": convention.financement,
                "caom": convention.caom_id,
                "taux_majore": aide.taux_majore_de(convention),
            },
            convention=convention,
        )
        calcul, violations = aide.calculer_aide_du_brouillon(
            convention, convention.financement, aide.taux_majore_de(convention)
        )
        autres = erreurs_ailleurs(convention, violations, 4)
    return render(
        request,
        "conventions/saisie/aide.html",
        contexte_etape(
            request,
            convention,
            4,
            form=form,
            calcul=calcul,
            autres=autres,
            cofinancement=aide.cofinancement_possible(convention),
        ),
    )


@require_GET
@perimetre_requis
def calcul_aide(request, pk):
    """The fragment htmx swaps in as the financing or the raised rate change (read-only: nothing is saved)."""
    convention = convention_modifiable(request, pk, brouillon=True)
    form = AideForm(request.GET, convention=convention)
    calcul, erreurs = None, []
    if form.is_valid():
        calcul, violations = aide.calculer_aide_du_brouillon(
            convention, form.cleaned_data["financement"], form.cleaned_data["taux_majore"]
        )
        erreurs = [v.message for v in violations]
    else:
        erreurs = [m for liste in form.errors.values() for m in liste]
    return render(
        request,
        "conventions/saisie/_aide.html",
        {"calcul": calcul, "erreurs_calcul": erreurs, "convention": convention},
    )
