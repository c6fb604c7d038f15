"""Step 4 of the entry (the aid) and its htmx fragment: the aid and its split are computed by
``aide.calculer_aide`` (arrêté's rate, SMIC, 88 % of the RSA) — never here — each time a field changes."""

from decimal import Decimal

from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cui_portal.permissions import perimetre_requis
from droit.vocabulaire import Financement
from referentiels.violation import Violation

from ..forms_contrat import AideForm
from ..regles.base import RegleConventionError
from ..services import aide, conclusion
from .commun import convention_modifiable, erreurs_ailleurs, placer_violations

MANQUE = {
    "public": "le public prioritaire",
    "date_debut": "le début de la convention",
    "duree_hebdo_prise_en_charge": "la durée hebdomadaire prise en charge",
}


def calculer(convention, financement: str, taux_majore: Decimal | None):
    """(CalculAide or None, violations) for the draft with this financing."""
    manques = [champ for champ in MANQUE if getattr(convention, champ if champ != "public" else "public_id") is None]
    if manques:
        libelles = ", ".join(MANQUE[c] for c in manques)
        return None, [Violation(manques[0], f"Pour calculer l'aide, indiquez d'abord {libelles} (étape 3).")]
    try:
        calcul = aide.calculer_aide(
            type_contrat=convention.type_contrat,
            public=convention.public,
            region=convention.region,
            date_conclusion=convention.date_conclusion or timezone.localdate(),
            date_debut=convention.date_debut,
            heures_prises_en_charge=convention.duree_hebdo_prise_en_charge,
            financement=financement,
            aci=convention.aci,
            taux_majore=taux_majore,
        )
    except RegleConventionError as exc:
        return None, exc.violations
    return calcul, []


def _taux_majore_de(convention) -> Decimal | None:
    if (
        convention.financement != Financement.ETAT
        and convention.taux is not None
        and convention.taux_arrete is not None
        and convention.taux != convention.taux_arrete
    ):
        return convention.taux
    return None


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
            calcul, violations = calculer(convention, d["financement"], d["taux_majore"])
            if violations:
                autres = _violations_au_formulaire(form, violations, convention)
            elif request.POST.get("action") != "recalculer":
                champs = {"financement": d["financement"], "caom": d["caom"]}
                for champ in (
                    "taux",
                    "taux_arrete",
                    "arrete",
                    "smic_horaire",
                    "contribution_cg_max",
                    "aide_mensuelle",
                    "part_etat",
                    "part_conseil_general",
                ):
                    champs[champ] = getattr(calcul, champ)
                try:
                    convention = conclusion.enregistrer_brouillon(par=request.user, convention=convention, **champs)
                except RegleConventionError as exc:
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
                "taux_majore": _taux_majore_de(convention),
            },
            convention=convention,
        )
        calcul, violations = calculer(convention, convention.financement, _taux_majore_de(convention))
        autres = erreurs_ailleurs(convention, violations, 4)
    return render(
        request,
        "conventions/saisie/aide.html",
        contexte_etape(request, convention, 4, form=form, calcul=calcul, autres=autres),
    )


@require_GET
@perimetre_requis
def calcul_aide(request, pk):
    """The fragment htmx swaps in as the financing or the raised rate change (read-only: nothing is saved)."""
    convention = convention_modifiable(request, pk, brouillon=True)
    form = AideForm(request.GET, convention=convention)
    calcul, erreurs = None, []
    if form.is_valid():
        calcul, violations = calculer(convention, form.cleaned_data["financement"], form.cleaned_data["taux_majore"])
        erreurs = [v.message for v in violations]
    else:
        erreurs = [m for liste in form.errors.values() for m in liste]
    return render(
        request,
        "conventions/saisie/_aide.html",
        {"calcul": calcul, "erreurs_calcul": erreurs, "convention": convention},
    )
