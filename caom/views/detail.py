"""A CAOM's page (envelope, consumption, steps, avenants, history), its PDF, and the exceptional mode of
co-financing recorded on it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cui_portal import horloge
from cui_portal.historique import lignes_historique
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import exiger, perimetre_de, perimetre_requis, peut_donner_avis_caom, peut_gerer_region
from droit.nombres import fin_du_premier_trimestre
from referentiels.regles import ParametreInconnu

from .. import services
from ..consommation import budgets, consommation, hors_caom
from ..forms import EtapeForm, ModeExceptionnelForm
from ..models import Caom, NatureAvis, StatutCaom
from ..regles import RegleCaomError
from ..regles_avis import texte_propose
from ..selectors import enveloppe_de
from .commun import caom_visible, url_conventions


@perimetre_requis
def detail(request, pk):
    return rendre_detail(request, caom_visible(request, pk))


def _mode_exceptionnel_propose(caom: Caom) -> bool:
    return caom.mode_exceptionnel_le is None and not caom.signee and caom.statut != StatutCaom.ECHEC


def rendre_detail(request, caom: Caom, form_mode=None, status=200, form_etape=None):
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
    caom = caom_visible(request, pk)
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
    return rendre_detail(request, caom, form_mode=form, status=400)


@perimetre_requis
def pdf(request, pk):
    caom = caom_visible(request, pk)
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
