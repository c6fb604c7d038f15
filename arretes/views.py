"""Pages of the arrêtés: list, detail, text and rates of a draft, publication, PDF, national follow-up."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes.envois import deja_envoye, une_fois
from cui_portal import horloge, parametres
from cui_portal.confirmation import Confirmation, confirme, demander_confirmation
from cui_portal.exports import reponse_xlsx
from cui_portal.historique import lignes_historique
from cui_portal.pagination import paginer
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import (
    arretes_a_preparer_requis,
    choisit_la_region,
    exiger,
    perimetre_de,
    perimetre_requis,
    peut_creer_arrete,
    peut_gerer_region,
    peut_lire_national,
    region_choisie,
    region_geree,
)
from droit.nombres import annee_de_campagne
from referentiels.models import Region

from .forms import ArreteForm, GrilleTauxForm, PublicationForm
from .models import Arrete, PorteeArrete, StatutArrete
from .regles import EtatPublication, RegleArreteError, date_limite_publication
from .services import preparer_remplacement, publier, remplacer_taux, supprimer_brouillon, verifier_publiable
from .suivi import ETATS_FILTRES, lignes_suivi


def fil(arrete=None) -> list[tuple[str, str]]:
    liens = [(reverse("arretes:liste"), "Arrêtés régionaux")]
    if arrete is not None and arrete.pk:
        liens.append((reverse("arretes:detail", args=[arrete.pk]), str(arrete)))
    return liens


def _arrete(request, pk, *, pour_modifier=False) -> Arrete:
    """The arrêté if the person may see it (404 otherwise); with ``pour_modifier``, a draft they may edit (403)."""
    perimetre = perimetre_de(request)
    arrete = get_object_or_404(Arrete.objects.visibles_par(perimetre).select_related("region"), pk=pk)
    if pour_modifier:
        exiger(peut_gerer_region(perimetre, arrete.region_id))
        exiger(arrete.modifiable)
    return arrete


@perimetre_requis
def liste(request):
    perimetre = perimetre_de(request)
    qs = Arrete.objects.visibles_par(perimetre).select_related("region", "remplace_par")
    annee, statut, region = request.GET.get("annee", ""), request.GET.get("statut", ""), request.GET.get("region", "")
    if (annee_demandee := parametres.annee(annee)) is not None:
        qs = qs.filter(annee=annee_demandee)
    if statut in StatutArrete.values:
        qs = qs.filter(statut=statut)
    region_id = region_choisie(perimetre, region)
    if region_id is not None:
        qs = qs.filter(region_id=region_id)
    annees = sorted(set(Arrete.objects.visibles_par(perimetre).values_list("annee", flat=True)), reverse=True)
    page = paginer(request, qs.order_by("-annee", "region__nom", "-pk"))
    return render(
        request,
        "arretes/liste.html",
        {
            "page_obj": page,
            "annees": annees,
            "annee": annee,
            "statut": statut,
            "region": region,
            "statuts": StatutArrete.choices,
            "regions": Region.objects.all() if choisit_la_region(perimetre) else None,
            "peut_creer": peut_creer_arrete(perimetre),
            "peut_suivre_national": peut_lire_national(perimetre),
            "title": "Arrêtés régionaux",
        },
    )


def _taux_par_contrat(arrete):
    taux = list(arrete.taux.select_related("public").order_by("public__ordre", "public__libelle"))
    contrats = ("CAE", "CIE") if arrete.avec_cie or any(t.contrat == "CIE" for t in taux) else ("CAE",)
    return [(contrat, [t for t in taux if t.contrat == contrat]) for contrat in contrats]


@perimetre_requis
def detail(request, pk):
    arrete = _arrete(request, pk)
    perimetre = perimetre_de(request)
    gerer = peut_gerer_region(perimetre, arrete.region_id)
    contexte = {
        "arrete": arrete,
        "taux_par_contrat": _taux_par_contrat(arrete),
        "historique": lignes_historique(arrete),
        "peut_modifier": gerer and arrete.modifiable,
        "peut_remplacer": gerer and arrete.statut == StatutArrete.PUBLIE,
        "remplaces": arrete.arretes_remplaces.all(),
        "title": str(arrete),
        "fil": fil(),
    }
    if contexte["peut_modifier"]:
        contexte["form_publication"] = PublicationForm(initial={"date_publication": horloge.aujourdhui()})
        contexte["manques"] = verifier_publiable(arrete, horloge.aujourdhui())
    return render(request, "arretes/detail.html", contexte)


@arretes_a_preparer_requis
def creer(request):
    perimetre = perimetre_de(request)
    # An administrator chooses the region; a gestionnaire prepares the arrêtés of theirs.
    region = None if choisit_la_region(perimetre) else get_object_or_404(Region, pk=region_geree(perimetre))
    return _editer(request, Arrete(region=region) if region else Arrete(), region)


@perimetre_requis
def modifier(request, pk):
    arrete = _arrete(request, pk, pour_modifier=True)
    return _editer(request, arrete, None)


def _editer(request, arrete: Arrete, region_imposee):
    nouveau = arrete.pk is None
    if nouveau and request.method == "POST" and (destination := deja_envoye(request)):
        return redirect(destination)
    if request.method == "POST":
        form = ArreteForm(request.POST, instance=arrete, region_imposee=region_imposee)
        portee = request.POST.get("portee") if request.POST.get("portee") in PorteeArrete.values else arrete.portee
        grille = GrilleTauxForm(
            request.POST, arrete=arrete, avec_cie=portee == PorteeArrete.CAE_CIE, contrats=("CAE", "CIE")
        )
        if form.is_valid() and grille.is_valid():

            def enregistrer() -> str:
                with transaction.atomic():
                    enregistre = form.save()
                    remplacer_taux(enregistre, grille.lignes_a_enregistrer(), motif="Saisie du texte et des taux")
                return reverse("arretes:detail", args=[enregistre.pk])

            try:
                destination, premier = une_fois(request, form, enregistrer)  # a new arrêté: once per page shown
            except RegleArreteError as exc:
                messages.error(request, str(exc))
            else:
                if destination is not None:
                    if premier:
                        messages.success(request, "Arrêté enregistré." if nouveau else "Modifications enregistrées.")
                    return redirect(destination)
    else:
        form = ArreteForm(instance=arrete, region_imposee=region_imposee)
        grille = GrilleTauxForm(arrete=arrete)
    titre = "Nouvel arrêté régional" if nouveau else f"Modifier l'{arrete}"
    return render(
        request,
        "arretes/formulaire.html",
        {"form": form, "grille": grille, "arrete": arrete, "title": titre, "fil": fil(arrete)},
    )


@require_POST
@perimetre_requis
def publier_vue(request, pk):
    arrete = _arrete(request, pk, pour_modifier=True)
    form = PublicationForm(request.POST, arrete=arrete)
    if not form.is_valid():
        for erreurs in form.errors.values():
            for erreur in erreurs:
                messages.error(request, erreur)
        return redirect("arretes:detail", pk=arrete.pk)
    if (page := demander_confirmation(request, form.confirmation(fil(arrete)))) is not None:
        return page  # what publishing does, « Publier » and a way back; nothing is done without it
    try:
        publier(arrete, form.cleaned_data["date_publication"])
    except RegleArreteError as exc:
        messages.error(request, f"Publication impossible. {exc}")
    else:
        messages.success(request, f"L'arrêté n° {arrete.numero} est publié.")
    return redirect("arretes:detail", pk=arrete.pk)


@perimetre_requis
def supprimer(request, pk):
    """Delete a draft (its rates and imports with it), after a confirmation page."""
    arrete = _arrete(request, pk, pour_modifier=True)
    if request.method == "POST" and confirme(request):
        supprimer_brouillon(arrete, auteur=request.user)
        messages.success(request, "Le brouillon d'arrêté est supprimé.")
        return redirect("arretes:liste")
    return demander_confirmation(
        request,
        Confirmation(
            titre="Supprimer le brouillon d'arrêté ?",
            action="Oui, supprimer le brouillon",
            consequences=[
                f"Le brouillon {arrete.titre or 'sans titre'} ({arrete.region}, {arrete.annee}) est supprimé avec sa "
                f"grille de taux ({arrete.taux.count()} taux) et ses imports.",
                "La suppression reste dans l'historique, avec votre nom.",
            ],
            irreversible="Un brouillon supprimé ne peut pas être retrouvé : il faudra saisir à nouveau son texte et "
            "ses taux.",
            retour=reverse("arretes:detail", args=[arrete.pk]),
            fil=fil(arrete),
        ),
    )


@require_POST
@perimetre_requis
def remplacer(request, pk):
    arrete = _arrete(request, pk)
    exiger(peut_gerer_region(perimetre_de(request), arrete.region_id))
    try:
        nouveau = preparer_remplacement(arrete)
    except RegleArreteError as exc:
        messages.error(request, str(exc))
        return redirect("arretes:detail", pk=arrete.pk)
    messages.success(
        request, "Un nouvel arrêté en brouillon reprend le texte et les taux : corrigez-le puis publiez-le."
    )
    return redirect("arretes:modifier", pk=nouveau.pk)


@perimetre_requis
def pdf(request, pk):
    arrete = _arrete(request, pk)
    titre = f"Arrêté n° {arrete.numero or '…'} – {arrete.region} – {arrete.annee}"
    return reponse_pdf(
        "arretes/pdf/arrete.html",
        {
            "arrete": arrete,
            "taux_par_contrat": _taux_par_contrat(arrete),
            "visas": [v.strip() for v in arrete.visas.splitlines() if v.strip()],
        },
        titre=titre,
        nom_fichier=f"arrete-{arrete.region.code_insee}-{arrete.annee}-{arrete.numero or 'projet'}",
    )


# --- national follow-up ----------------------------------------------------------------------------


def _annee_suivi(request) -> int:
    annee = request.GET.get("annee", "")
    demandee = parametres.annee(annee)
    return demandee if demandee is not None else annee_de_campagne(horloge.aujourdhui())


@perimetre_requis
def suivi(request):
    exiger(peut_lire_national(perimetre_de(request)))
    annee = _annee_suivi(request)
    lignes = lignes_suivi(annee, horloge.aujourdhui())
    compte = {etat: sum(1 for ligne in lignes if ligne["etat"] == etat) for etat in EtatPublication.LIBELLES}
    nb_sur_precedent = sum(1 for ligne in lignes if ligne["arrete_precedent"])
    etat = request.GET.get("etat", "")
    if etat in ETATS_FILTRES:
        lignes = [ligne for ligne in lignes if ligne["etat"] in ETATS_FILTRES[etat]]
    return render(
        request,
        "arretes/suivi.html",
        {
            "annee": annee,
            "lignes": lignes,
            "compte": compte,
            "nb_sur_precedent": nb_sur_precedent,
            "filtre_etat": etat if etat in ETATS_FILTRES else "",
            "libelles": EtatPublication.LIBELLES,
            "date_limite": date_limite_publication(annee),
            "annees": range(2010, horloge.aujourdhui().year + 2),
            "title": f"Suivi national des arrêtés {annee}",
            "fil": fil(),
        },
    )


@perimetre_requis
def suivi_export(request):
    exiger(peut_lire_national(perimetre_de(request)))
    annee = _annee_suivi(request)
    lignes = [
        (
            ligne["region"].code_insee,
            ligne["region"].nom,
            ligne["libelle"],
            ligne["date_publication"],
            ligne["arrete_precedent"].annee if ligne["arrete_precedent"] else None,
        )
        for ligne in lignes_suivi(annee, horloge.aujourdhui())
    ]
    entetes = ["Code région", "Région", "Statut", "Date de publication", "Prescrit sur l'arrêté de l'année"]
    return reponse_xlsx(
        f"suivi-arretes-{annee}",
        [(f"Arrêtés {annee}", entetes, lignes)],
    )
