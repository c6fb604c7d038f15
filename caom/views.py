"""CAOM pages. Who sees what: ``Caom.objects.visibles_par`` (a conseil général its own, a region its
départements, national all). Writes: the region's gestionnaire or an administrator (403 otherwise; national is
read-only). Prescripteurs have no CAOM page: 403 on the lists, 404 on a CAOM (its existence is not revealed).
"""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes.envois import EXPIRE, deja_envoye, une_fois
from cui_portal import horloge, parametres
from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.contraintes import message_d_integrite
from cui_portal.historique import lignes_historique
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import (
    caom_requis,
    choisit_la_region,
    exiger,
    perimetre_de,
    perimetre_requis,
    peut_donner_avis_caom,
    peut_gerer_region,
    peut_lire_rapport_caom,
    region_choisie,
)
from droit.nombres import DATE_CUI, PLAFOND_CAE, annee_de_campagne, fin_du_premier_trimestre
from referentiels.models import Region
from referentiels.regles import ParametreInconnu

from . import services
from .consommation import budgets, consommation, consommation_disponible, hors_caom
from .forms import AvenantForm, CaomForm, EtapeForm, ModeExceptionnelForm
from .models import Caom, NatureAvis, StatutCaom, date_reference_par_defaut
from .rapport import departements_visibles, lignes
from .regles import RegleCaomError, echeance_signature
from .regles_avis import texte_propose
from .selectors import enveloppe_de


def annee_demandee(request) -> int:
    annee = parametres.annee(request.GET.get("annee"))
    return annee if annee is not None else annee_de_campagne(horloge.aujourdhui())


def annees_proposees(annee: int) -> list[int]:
    derniere = max(annee_de_campagne(horloge.aujourdhui()), annee)
    return list(range(DATE_CUI.year, derniere + 1))


def region_demandee(request, perimetre) -> Region | None:
    """The region asked for by a national user (None: France entière), or the person's own."""
    region_id = region_choisie(perimetre, request.GET.get("region", ""))
    return Region.objects.filter(pk=region_id).first() if region_id is not None else None


@caom_requis
def liste(request):
    perimetre = perimetre_de(request)
    annee = annee_demandee(request)
    region = region_demandee(request, perimetre)
    lignes_caom = lignes(departements_visibles(perimetre, region.pk if region else None), annee)
    a_faire = request.GET.get("a_faire") == "1"
    if a_faire:
        lignes_caom = [ligne for ligne in lignes_caom if ligne.a_faire_avancer]
    return render(
        request,
        "caom/liste.html",
        {
            "title": f"CAOM {annee}",
            "annee": annee,
            "annees": annees_proposees(annee),
            "region": region,
            "regions": Region.objects.all() if choisit_la_region(perimetre) else [],
            "lignes": lignes_caom,
            "a_faire": a_faire,
            "peut_gerer": peut_gerer_region(perimetre, region.pk if region else None),
            "consommation_disponible": consommation_disponible(),
            "echeance": echeance_signature(annee),
            "rapport_visible": peut_lire_rapport_caom(perimetre),
        },
    )


def _caom_visible(request, pk) -> Caom:
    perimetre = perimetre_de(request)
    return get_object_or_404(Caom.objects.visibles_par(perimetre).select_related("departement__region"), pk=pk)


def url_conventions(caom: Caom) -> str:
    """The list of the conventions co-financed under this CAOM (a URL name, not an import of ``conventions``)."""
    return f"{reverse('conventions:liste')}?caom={caom.pk}"


@perimetre_requis
def detail(request, pk):
    return _rendre_detail(request, _caom_visible(request, pk))


def _mode_exceptionnel_propose(caom: Caom) -> bool:
    return caom.mode_exceptionnel_le is None and not caom.signee and caom.statut != StatutCaom.ECHEC


def _rendre_detail(request, caom: Caom, form_mode=None, status=200, form_etape=None):
    perimetre = perimetre_de(request)
    try:
        enveloppe, erreur_enveloppe = enveloppe_de(caom), ""
    except (ParametreInconnu, RegleCaomError) as exc:
        enveloppe, erreur_enveloppe = None, str(exc)
    peut_gerer = peut_gerer_region(perimetre, caom.departement.region_id)
    return render(
        request,
        "caom/detail.html",
        {
            "title": str(caom),
            "caom": caom,
            "enveloppe": enveloppe,
            "erreur_enveloppe": erreur_enveloppe,
            "conso": consommation([caom], {caom.pk: enveloppe})[caom.pk],
            "budget": budgets([caom.pk], horloge.aujourdhui()).get(caom.pk),
            "hors_caom": hors_caom([caom.departement_id], caom.annee)[caom.departement_id],
            "etapes": caom.etapes.select_related("auteur").prefetch_related("avis__auteur"),
            "peut_donner_avis": peut_donner_avis_caom(perimetre, caom.departement_id),
            "approbation": caom.avis.filter(nature=NatureAvis.APPROBATION).select_related("auteur").first(),
            "texte_propose": texte_propose(caom.statut),
            "avenants": caom.avenants.select_related("auteur"),
            "historique": lignes_historique(caom),
            "peut_gerer": peut_gerer,
            "peut_supprimer": peut_gerer and services.raison_de_garder_la_caom(caom) is None,
            "form_etape": form_etape
            or (EtapeForm(caom=caom, initial={"date_etape": horloge.aujourdhui()}) if peut_gerer else None),
            "form_mode": form_mode
            or (ModeExceptionnelForm() if peut_gerer and _mode_exceptionnel_propose(caom) else None),
            "fin_premier_trimestre": fin_du_premier_trimestre(caom.annee),
            "url_conventions": url_conventions(caom),
        },
        status=status,
    )


@require_POST
@perimetre_requis
def mode_exceptionnel(request, pk):
    """The region records the circular's exceptional mode of co-financing on a CAOM not yet signed (annexe 2)."""
    caom = _caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    form = ModeExceptionnelForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.decider_mode_exceptionnel(
                caom,
                date_decision=d["date_decision"],
                instruction=d["instruction"],
                motif=d["motif"],
                auteur=request.user,
            )
        except services.ErreursModeExceptionnel as exc:
            for champ, message in exc.erreurs.items():
                form.add_error(champ if champ in form.fields else None, message)
        else:
            messages.success(request, "La mise en œuvre exceptionnelle des CUI cofinancés est enregistrée.")
            return redirect("caom:detail", caom.pk)
    return _rendre_detail(request, caom, form_mode=form, status=400)


@caom_requis
def creer(request):
    perimetre = perimetre_de(request)
    annee = annee_demandee(request)
    demande = request.GET.get("departement") or request.POST.get("departement")
    departement = get_object_or_404(departements_visibles(perimetre), pk=parametres.identifiant(demande))
    exiger(peut_gerer_region(perimetre, departement.region_id))
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same page sent twice: one CAOM
    existante = Caom.objects.filter(departement=departement, annee=annee).first()
    if existante:
        return redirect("caom:detail", existante.pk)
    caom = Caom(departement=departement, annee=annee)
    initial = {}
    taux = services.taux_arrete_par_defaut(departement.region_id, annee)
    if taux is not None and taux <= PLAFOND_CAE:
        initial["taux_etat_cae"] = taux
    initial["date_reference"] = date_reference_par_defaut(annee)
    return _formulaire(request, caom, initial, f"Nouvelle CAOM {annee} – {departement}")


@perimetre_requis
def modifier(request, pk):
    caom = _caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if not caom.modifiable:
        messages.warning(request, "La CAOM est signée : ses volumes ne changent plus que par avenant.")
        return redirect("caom:detail", caom.pk)
    return _formulaire(request, caom, {}, f"Modifier la {caom}")


@perimetre_requis
def supprimer(request, pk):
    """Delete a CAOM entered by mistake (not signed nor failed, no convention under it), after a confirmation."""
    caom = _caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if raison := services.raison_de_garder_la_caom(caom):
        messages.warning(request, raison)
        return redirect("caom:detail", caom.pk)
    if request.method == "POST" and confirme(request):
        services.supprimer_caom(caom, auteur=request.user)
        messages.success(request, f"La {caom} est supprimée.")
        return redirect(f"{reverse('caom:liste')}?annee={caom.annee}")
    return demander_confirmation(
        request,
        Confirmation(
            titre="Supprimer la CAOM ?",
            action="Oui, supprimer la CAOM",
            consequences=[
                f"{caom} est supprimée avec ses étapes de négociation ({caom.etapes.count()}) ; le département "
                "pourra en saisir une nouvelle pour la même année.",
                "La suppression reste dans l'historique, avec votre nom.",
            ],
            irreversible="Une CAOM supprimée ne peut pas être retrouvée : ses volumes et ses étapes seront à saisir "
            "à nouveau.",
            retour=reverse("caom:detail", args=[caom.pk]),
            fil=[(reverse("caom:liste"), "CAOM"), (reverse("caom:detail", args=[caom.pk]), str(caom))],
        ),
    )


def _formulaire(request, caom, initial, titre):
    form = CaomForm(request.POST or None, instance=caom, initial=initial)
    if request.method == "POST" and form.is_valid():

        def enregistrer() -> str:
            return reverse(
                "caom:detail", args=[services.enregistrer_caom(form.save(commit=False), auteur=request.user).pk]
            )

        try:
            destination, premier = une_fois(request, form, enregistrer)  # a new CAOM: once per page shown
        except RegleCaomError as exc:
            form.add_error(None, str(exc))
        except IntegrityError as exc:
            # A concurrent write between the form's checks and the save: the constraint's own French message.
            form.add_error(None, message_d_integrite(Caom, exc))
        else:
            if destination is not None:
                if premier:
                    messages.success(request, "La CAOM est enregistrée.")
                return redirect(destination)
    return render(
        request,
        "caom/formulaire.html",
        {"title": titre, "form": form, "caom": caom, "departement": caom.departement},
    )


CONSEQUENCES_FINALES = {
    StatutCaom.SIGNEE: (
        "Les conventions des bénéficiaires du RSA du département peuvent être cofinancées par le conseil général.",
        "Une CAOM signée ne revient à aucun état antérieur : ses volumes et paramètres ne changent plus que par "
        "avenant.",
    ),
    StatutCaom.ECHEC: (
        "Aucune convention du département ne peut être cofinancée par le conseil général sous cette CAOM.",
        "Une négociation en échec ne reprend pas : la CAOM reste dans cet état.",
    ),
}


def confirmation_etape(caom: Caom, statut: str, date_etape) -> Confirmation:
    """The confirmation of a final step (signée or échec), which no later step undoes."""
    consequence, irreversible = CONSEQUENCES_FINALES[statut]
    libelle = StatutCaom(statut).label
    return Confirmation(
        titre=f"Passer la CAOM à l'état « {libelle} » ?",
        action=f"Oui, enregistrer l'état « {libelle} »",
        consequences=[f"{caom} passe à l'état « {libelle} » le {date_etape:%d/%m/%Y}.", consequence],
        irreversible=irreversible,
        retour=reverse("caom:detail", args=[caom.pk]),
        fil=[(reverse("caom:liste"), "CAOM"), (reverse("caom:detail", args=[caom.pk]), str(caom))],
    )


@require_POST
@perimetre_requis
def etape(request, pk):
    caom = _caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if destination := deja_envoye(request):
        return redirect(destination)  # the same step sent twice (double click, twenty at once): recorded once
    form = EtapeForm(request.POST, caom=caom)
    if form.is_valid():
        d = form.cleaned_data
        try:  # the rules first, at their field: a step they refuse is never confirmed, then refused
            services.verifier_changement_de_statut(
                caom,
                d["statut"],
                date_etape=d["date_etape"],
                aujourd_hui=horloge.aujourdhui(),
                date_deliberation=d["date_deliberation"],
                instance_deliberation=d["instance_deliberation"],
            )
        except RegleCaomError as exc:
            form.add_error(exc.champ if exc.champ in form.fields else None, str(exc))
            return _rendre_detail(request, caom, status=400, form_etape=form)
        if d["statut"] in CONSEQUENCES_FINALES:
            page = demander_confirmation(request, confirmation_etape(caom, d["statut"], d["date_etape"]))
            if page is not None:
                return page

        def enregistrer() -> str:
            services.changer_statut(
                caom,
                d["statut"],
                date_etape=d["date_etape"],
                auteur=request.user,
                aujourd_hui=horloge.aujourdhui(),
                date_deliberation=d["date_deliberation"],
                instance_deliberation=d["instance_deliberation"],
                commentaire=d["commentaire"],
            )
            return reverse("caom:detail", args=[caom.pk])

        try:
            destination, premier = une_fois(request, form, enregistrer)
        except RegleCaomError as exc:
            messages.error(request, str(exc))
        else:
            if destination is None:
                messages.error(request, f"L'étape n'est pas enregistrée : {EXPIRE}")
            elif premier:
                messages.success(request, "L'étape de la négociation est enregistrée.")
    else:
        erreurs = "; ".join(
            f"{form.fields[c].label} : {' '.join(e)}" if c in form.fields else " ".join(e)
            for c, e in form.errors.items()
        )
        messages.error(request, f"L'étape n'est pas enregistrée : {erreurs}")
    return redirect("caom:detail", caom.pk)


@perimetre_requis
def avenant(request, pk):
    caom = _caom_visible(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), caom.departement.region_id))
    if not caom.signee:
        messages.warning(request, "Un avenant ne concerne qu'une CAOM signée : modifiez directement la CAOM.")
        return redirect("caom:detail", caom.pk)
    if request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)  # the same page sent twice: one avenant
    initial = {c: getattr(caom, c) for c in services.CHAMPS_VOLUMES} | {"date_avenant": horloge.aujourdhui()}
    form = AvenantForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def enregistrer() -> str:
            services.enregistrer_avenant(
                caom,
                date_avenant=d["date_avenant"],
                objet=d["objet"],
                volumes={c: d[c] for c in services.CHAMPS_VOLUMES},
                auteur=request.user,
            )
            return reverse("caom:detail", args=[caom.pk])

        try:
            destination, premier = une_fois(request, form, enregistrer)
        except RegleCaomError as exc:
            form.add_error(None, str(exc))
        else:
            if destination is not None:
                if premier:
                    messages.success(request, "L'avenant est enregistré.")
                return redirect(destination)
    return render(
        request,
        "caom/formulaire.html",
        {"title": f"Avenant à la {caom}", "form": form, "caom": caom, "departement": caom.departement},
    )


@perimetre_requis
def pdf(request, pk):
    caom = _caom_visible(request, pk)
    try:
        enveloppe = enveloppe_de(caom)
    except (ParametreInconnu, RegleCaomError):
        enveloppe = None
    conseil = caom.departement.organisations.filter(type="conseil_general").first()
    return reponse_pdf(
        "caom/pdf/caom.html",
        {"caom": caom, "enveloppe": enveloppe, "conseil_general": conseil, "avenants": caom.avenants.all()},
        titre=str(caom),
        nom_fichier=f"caom-{caom.annee}-{caom.departement.code}",
    )
