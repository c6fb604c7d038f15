"""The entry of a convention in six steps following the Cerfa: employer, employee, contract, aid, support and
immersion, summary. Step 1 keeps the employer in the session; from step 2 the draft is a ``Convention`` in
status ``brouillon`` saved at each step through ``conclusion.enregistrer_brouillon`` (a person can leave and come
back from the list). A rule error is shown at its field, or, when its field is on another step, at the top with
a link to that step; what was typed is never lost (the bound form is shown again).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from comptes.envois import deja_envoye, une_fois
from cui_portal import horloge
from cui_portal.permissions import (
    departement_de_l_organisation,
    exiger,
    organisation_agissante,
    perimetre_de,
    perimetre_requis,
    peut_creer_convention,
)
from referentiels.models import Departement

from ..forms import (
    EmployeurForm,
    SalarieForm,
    initial_employeur,
    initial_etablissement,
    initial_salarie,
    signaler_a_completer,
)
from ..forms_contrat import CHAMPS_CONTRAT, AccompagnementForm, ContratForm, PeriodesFormSet
from ..models_identites import Etablissement
from ..regles.base import RegleConventionError
from ..services import conclusion, saisie
from ..services.aide import taux_majore_de
from ..services.historique import a_eu_contrats_aides, annonce_historique, etablissement_a_eu_contrats_aides
from .aide import etape_aide
from .commun import (
    ETAPES,
    NB_ETAPES,
    convention_modifiable,
    placer_violations,
    resume_erreurs,
)

SESSION = "conventions_saisie"


def violations_a_la_conclusion(convention) -> list:
    """Every violation the conclusion of this draft would raise (``services.conclusion.violations_de_conclusion``):
    the summary lists them, each step signals at its fields those still empty."""
    return conclusion.violations_de_conclusion(convention, taux_majore=taux_majore_de(convention))


def contexte_etape(request, convention, numero: int, **extra) -> dict:
    etape = ETAPES[numero - 1]
    titre = f"Nouvelle convention – étape {numero} sur {NB_ETAPES} : {etape.titre}"
    liens = []
    for e in ETAPES:
        url = ""
        if convention is not None:
            url = (
                reverse("conventions:recapitulatif", args=[convention.pk])
                if e.numero == NB_ETAPES
                else reverse("conventions:etape", args=[convention.pk, e.numero])
            )
        liens.append((e, url))
    precedente = liens[numero - 2][1] if numero > 1 and convention else ""
    if numero == 2 and convention is None:
        precedente = reverse("conventions:nouvelle")
    erreurs = resume_erreurs(extra.get("form"), extra.get("formset"), autres=extra.get("autres", ()))
    if convention is not None and extra.get("form") is not None and numero < NB_ETAPES:
        signaler_a_completer(extra["form"], violations_a_la_conclusion(convention))
    return {
        "title": titre,
        "erreurs": erreurs,
        "convention": convention,
        "etape": etape,
        "etapes": liens,
        "nb_etapes": NB_ETAPES,
        "suivante": ETAPES[numero] if numero < NB_ETAPES else None,
        "url_precedente": precedente,
        **extra,
    }


def _apres(request, convention, numero: int):
    """Where to go after a step is saved: the next step, or the list when the person stops there."""
    if request.POST.get("action") == "quitter":
        messages.success(request, "Le brouillon est enregistré : vous le retrouverez dans la liste des conventions.")
        return redirect(f"{reverse('conventions:liste')}?statut=brouillon")
    if numero + 1 >= NB_ETAPES:
        return redirect("conventions:recapitulatif", convention.pk)
    return redirect("conventions:etape", convention.pk, numero + 1)


def _erreurs_de_validation(form, exc: ValidationError) -> None:
    for champ, erreurs in exc.message_dict.items():
        form.add_error(champ if champ in form.fields else None, erreurs)


# --- step 1 ------------------------------------------------------------------------------------------


@never_cache
@perimetre_requis
def nouvelle(request):
    exiger(peut_creer_convention(perimetre_de(request)))
    return _etape_employeur(request, None)


def _etape_employeur(request, convention):
    perimetre = perimetre_de(request)
    if convention is not None:
        initial = initial_employeur(convention.employeur) | {
            "bilan_employeur_fourni": convention.bilan_employeur_fourni
        }
    else:
        initial = {"departement": departement_de_l_organisation(perimetre)}
    autres, trouve = [], None
    contrats_aides = a_eu_contrats_aides(convention) if convention is not None else None
    if request.method == "POST" and request.POST.get("action") == "rechercher":
        # SIRET first: an establishment already known gives its public identity (never another organisation's
        # contact, headcount or anything else typed for its conventions).
        # Only the SIRET is checked: the rest of the form is kept as typed, without its errors.
        recherche = EmployeurForm(request.POST)
        recherche.is_valid()
        saisi = {k: v for k, v in request.POST.items() if k in EmployeurForm.base_fields and v != ""}
        if "siret" in recherche.errors:
            for champ in [c for c in recherche.errors if c != "siret"]:
                del recherche.errors[champ]  # the other fields are checked when the step is saved
            form = recherche
        else:
            siret = recherche.cleaned_data["siret"]
            trouve = Etablissement.objects.par_siret(siret).first()
            valeurs = (
                {**saisi, **initial_etablissement(trouve)}
                if trouve
                else {"departement": departement_de_l_organisation(perimetre), **saisi}
            )
            form = EmployeurForm(initial={**valeurs, "siret": siret})
            contrats_aides = etablissement_a_eu_contrats_aides(trouve.pk if trouve else None, horloge.aujourdhui())
            if trouve is None:
                messages.info(request, "Aucun employeur connu avec ce SIRET : complétez sa fiche.")
            else:
                messages.info(
                    request,
                    "Établissement connu : son identité publique est reprise ; complétez le contact et l'effectif "
                    "pour cette convention.",
                )
    elif request.method == "POST":
        form = EmployeurForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                etablissement, convention = saisie.enregistrer_employeur(
                    d["siret"],
                    par=request.user,
                    champs=form.champs_employeur(),
                    convention=convention,
                    bilan_employeur_fourni=d["bilan_employeur_fourni"],
                )
            except RegleConventionError as exc:
                autres = placer_violations(form, exc.violations, convention, 1)
            except ValidationError as exc:
                _erreurs_de_validation(form, exc)
            else:
                if convention is not None:
                    return _apres(request, convention, 1)
                request.session[SESSION] = {
                    "etablissement": etablissement.pk,
                    "employeur": champs_en_session(form.champs_employeur()),
                    "bilan": d["bilan_employeur_fourni"],
                }
                return redirect("conventions:nouvelle_salarie")
    else:
        form = EmployeurForm(initial=initial)
    return render(
        request,
        "conventions/saisie/employeur.html",
        contexte_etape(
            request, convention, 1, form=form, autres=autres, employeur_trouve=trouve, contrats_aides=contrats_aides
        ),
    )


# --- step 2 ------------------------------------------------------------------------------------------


@never_cache
@perimetre_requis
def nouvelle_salarie(request):
    perimetre = perimetre_de(request)
    exiger(peut_creer_convention(perimetre))
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same page sent twice (double click, twenty at once): one draft
    saisie = request.session.get(SESSION) or {}
    etablissement = Etablissement.objects.filter(pk=saisie.get("etablissement")).first()
    if etablissement is None or not isinstance(saisie.get("employeur"), dict):
        return redirect("conventions:nouvelle")
    employeur = champs_de_session(saisie["employeur"])
    return _etape_salarie(
        request, None, etablissement=etablissement, employeur=employeur, bilan=bool(saisie.get("bilan"))
    )


def champs_en_session(champs: dict) -> dict:
    """The employer typed at step 1, kept in the session until step 2 writes it (the département by its id)."""
    return {k: (v.pk if k == "departement" else v) for k, v in champs.items()}


def champs_de_session(valeurs: dict) -> dict:
    return {k: (Departement.objects.get(pk=v) if k == "departement" else v) for k, v in valeurs.items()}


def _etape_salarie(request, convention, etablissement=None, employeur=None, bilan=False):
    perimetre = perimetre_de(request)
    nir_enregistre = convention.salarie.nir_masque if convention is not None else ""
    autres = []
    if request.method == "POST":
        form = SalarieForm(request.POST, nir_enregistre=nir_enregistre, brouillon=convention is not None)
        if form.is_valid():
            nir = form.cleaned_data["nir"] or (convention.salarie.nir if convention is not None else "")

            def enregistrer() -> str:
                brouillon = saisie.enregistrer_salarie(
                    nir,
                    par=request.user,
                    champs=form.champs_salarie(),
                    convention=convention,
                    prescripteur_id=organisation_agissante(perimetre),
                    etablissement=etablissement,
                    champs_employeur=employeur,
                    bilan_employeur_fourni=bilan,
                )
                if annonce := annonce_historique(brouillon):
                    messages.info(request, annonce)  # the figures the caps need, nothing of the other conventions
                return _apres(request, brouillon, 2).url

            try:
                destination, _premier = une_fois(request, form, enregistrer)  # a new draft: once per page shown
            except RegleConventionError as exc:
                autres = placer_violations(form, exc.violations, convention, 2)
            except ValidationError as exc:
                _erreurs_de_validation(form, exc)
            else:
                if destination is not None:
                    request.session.pop(SESSION, None)
                    return redirect(destination)
    else:
        initial = initial_salarie(convention.salarie) if convention is not None else {}
        form = SalarieForm(initial=initial, nir_enregistre=nir_enregistre, brouillon=convention is not None)
    return render(
        request,
        "conventions/saisie/salarie.html",
        contexte_etape(
            request,
            convention,
            2,
            form=form,
            autres=autres,
            employeur=employeur and {"raison_sociale": employeur["raison_sociale"], "siret": etablissement.siret},
            nir_enregistre=nir_enregistre,
        ),
    )


# --- step 3 ------------------------------------------------------------------------------------------


def _etape_contrat(request, convention):
    autres = []
    if request.method == "POST":
        form = ContratForm(request.POST, convention=convention, perimetre=perimetre_de(request))
        if form.is_valid():
            try:
                convention = conclusion.enregistrer_brouillon(
                    par=request.user, convention=convention, **{c: form.cleaned_data[c] for c in CHAMPS_CONTRAT}
                )
            except RegleConventionError as exc:
                autres = placer_violations(form, exc.violations, convention, 3)
            else:
                return _apres(request, convention, 3)
    else:
        initial = {c: getattr(convention, c) for c in CHAMPS_CONTRAT}
        if not convention.date_conclusion:
            initial["date_conclusion"] = horloge.aujourdhui()
        form = ContratForm(initial=initial, convention=convention, perimetre=perimetre_de(request))
    return render(
        request,
        "conventions/saisie/contrat.html",
        contexte_etape(request, convention, 3, form=form, autres=autres),
    )


# --- step 5 ------------------------------------------------------------------------------------------


def _etape_accompagnement(request, convention):
    autres = []
    existantes = [
        {c: getattr(p, c) for c in ("employeur_accueil", "siret_accueil", "date_debut", "date_fin", "objet")}
        for p in convention.periodes_immersion.all()
    ]
    if request.method == "POST":
        form = AccompagnementForm(request.POST)
        formset = PeriodesFormSet(request.POST, prefix="periodes", convention=convention)
        if form.is_valid() and formset.is_valid():
            try:
                convention = saisie.enregistrer_accompagnement(
                    convention, par=request.user, champs=form.cleaned_data, periodes=list(formset.periodes())
                )
            except RegleConventionError as exc:
                reste = [v for v in exc.violations if v.champ not in form.fields]
                placer_violations(form, [v for v in exc.violations if v.champ in form.fields])
                formset._non_form_errors = formset.error_class([v.message for v in reste])
            else:
                return _apres(request, convention, 5)
    else:
        form = AccompagnementForm(initial={c: getattr(convention, c) for c in AccompagnementForm.base_fields})
        formset = PeriodesFormSet(initial=existantes, prefix="periodes", convention=convention)
    return render(
        request,
        "conventions/saisie/accompagnement.html",
        contexte_etape(request, convention, 5, form=form, formset=formset, autres=autres),
    )


# --- a step of a draft ---------------------------------------------------------------------------------

VUES_ETAPES = {1: _etape_employeur, 2: _etape_salarie, 3: _etape_contrat, 4: etape_aide, 5: _etape_accompagnement}


@never_cache
@perimetre_requis
def etape(request, pk, numero):
    convention = convention_modifiable(request, pk, brouillon=True)
    vue = VUES_ETAPES.get(numero)
    if vue is None:
        if numero == NB_ETAPES:
            return redirect("conventions:recapitulatif", convention.pk)
        raise Http404("Étape inconnue.")
    if vue is etape_aide:
        return vue(request, convention, contexte_etape)
    return vue(request, convention)
