"""Bilans d'étape: the region fills and transmits them, the DGEFP reads and comments them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cui_portal import horloge, parametres
from cui_portal.confirmation import Confirmation, demander_confirmation
from cui_portal.historique import lignes_historique
from cui_portal.pagination import paginer
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import (
    choisit_la_region,
    exiger,
    perimetre_de,
    peut_lire_national,
    peut_rectifier_bilan,
    peut_rouvrir_bilan,
    peut_suivre_region,
    programme_requis,
    region_suivie,
)
from referentiels.models import Region

from .. import indicateurs, regles
from ..forms import LectureBilanForm, LigneBilanForm, RectificationBilanForm, VersionBilanForm
from ..models import BilanEtape, Operateur, StatutBilan
from ..services import (
    BilanNonModifiable,
    ConflitVersion,
    enregistrer_bilan,
    lignes_ordonnees,
    marquer_lu,
    ouvrir_bilan,
    quinzaine_a_remplir,
    rectifier_bilan,
    rouvrir_bilan,
    soumettre_bilan,
)
from ..services_indicateurs import fraicheur


def _bilan(request, pk) -> BilanEtape:
    qs = BilanEtape.objects.visibles_par(perimetre_de(request)).select_related(
        "region__correspondant_mip", "quinzaine", "modifie_par", "soumis_par", "lu_par"
    )
    return get_object_or_404(qs, pk=pk)


def _contexte_bilan(bilan: BilanEtape) -> dict:
    q = bilan.quinzaine
    soumis = bilan.soumis_le and timezone.localtime(bilan.soumis_le)
    return {
        "bilan": bilan,
        "chiffres": indicateurs.chiffres_bilan(bilan.region, q.date_debut),
        "fraicheur": fraicheur(),
        "transmission": regles.LIBELLES_TRANSMISSION[
            regles.statut_transmission(soumis, q.date_echeance, horloge.aujourdhui())
        ],
        "debut_programme": regles.DEBUT_PROGRAMME,
    }


def confirmation_transmission(bilan: BilanEtape, brouillon: bool) -> Confirmation:
    """``brouillon``: the page comes from the form, whose fields are saved first (or alone, without sending)."""
    from django.urls import reverse

    return Confirmation(
        titre="Transmettre le bilan à la DGEFP ?",
        action="Oui, transmettre à la DGEFP",
        consequences=[
            f"{bilan.titre} de la région {bilan.region} est {'enregistré puis ' if brouillon else ''}transmis à la "
            f"DGEFP le {horloge.aujourdhui():%d/%m/%Y} (à transmettre au plus tard le "
            f"{bilan.quinzaine.date_echeance:%d/%m/%Y}).",
            "La DGEFP peut alors le lire et le commenter.",
        ],
        irreversible="Sa date de transmission reste enregistrée ; une fois lu par la DGEFP, le bilan n'est plus "
        "modifiable (seule une rectification datée s'y ajoute).",
        retour=reverse("tableau_de_bord:modifier_bilan" if brouillon else "tableau_de_bord:bilan", args=[bilan.pk]),
        fil=[(reverse("tableau_de_bord:bilans"), "Bilans d'étape CAE-jeunes")],
        autre_envoi=("Enregistrer le brouillon sans le transmettre", "enregistrer") if brouillon else None,
    )


@programme_requis
def liste(request):
    perimetre = perimetre_de(request)
    qs = BilanEtape.objects.visibles_par(perimetre).select_related("region", "quinzaine", "soumis_par")
    regions = Region.objects.all() if choisit_la_region(perimetre) else Region.objects.none()
    region = request.GET.get("region", "")
    statut = request.GET.get("statut", "")
    if (region_id := parametres.identifiant(region)) is not None:
        qs = qs.filter(region_id=region_id)
    if statut in StatutBilan.values:
        qs = qs.filter(statut=statut)
    page = paginer(request, qs.order_by("-quinzaine__date_debut", "region__nom"))
    return render(
        request,
        "tableau_de_bord/bilans.html",
        {
            "page_obj": page,
            "regions": regions,
            "region": region,
            "statut": statut,
            "statuts": StatutBilan.choices,
            "peut_remplir": region_suivie(perimetre) is not None,
            "title": "Bilans d'étape CAE-jeunes",
        },
    )


@programme_requis
def bilan_de_la_quinzaine(request):
    """The region's bilan to fill today: the fortnight that has just ended until it is transmitted, then the
    current one (opened from the previous one if needed)."""
    region_id = region_suivie(perimetre_de(request))
    exiger(region_id is not None)
    region = get_object_or_404(Region, pk=region_id)
    bilan = ouvrir_bilan(region, quinzaine_a_remplir(region, horloge.aujourdhui()), par=request.user)
    return redirect("tableau_de_bord:modifier_bilan" if bilan.modifiable else "tableau_de_bord:bilan", bilan.pk)


@programme_requis
def detail(request, pk):
    bilan = _bilan(request, pk)
    perimetre = perimetre_de(request)
    contexte = _contexte_bilan(bilan)
    contexte.update(
        {
            "lignes": lignes_ordonnees(bilan),
            "peut_modifier": bilan.modifiable and peut_suivre_region(perimetre, bilan.region_id),
            "peut_lire": peut_lire_national(perimetre) and not bilan.modifiable,
            "peut_rouvrir": peut_rouvrir_bilan(perimetre, bilan),
            "peut_rectifier": peut_rectifier_bilan(perimetre, bilan),
            "form_rectification": RectificationBilanForm(),
            "rectifications": bilan.rectifications.select_related("auteur"),
            "form_lecture": LectureBilanForm(initial={"commentaire_mip": bilan.commentaire_mip}),
            "historique": lignes_historique(bilan, limite=20),
            "title": f"{bilan.titre} – {bilan.region}",
        }
    )
    return render(request, "tableau_de_bord/bilan.html", contexte)


@programme_requis
def modifier(request, pk):
    bilan = _bilan(request, pk)
    perimetre = perimetre_de(request)
    exiger(peut_suivre_region(perimetre, bilan.region_id))
    if not bilan.modifiable:
        messages.info(request, "Ce bilan a été transmis à la DGEFP : il n'est plus modifiable.")
        return redirect("tableau_de_bord:bilan", bilan.pk)
    lignes = lignes_ordonnees(bilan)
    operateurs = Operateur.objects.filter(region=bilan.region, actif=True).select_related("organisation")
    conflit = autre_version = None
    if request.method == "POST":
        entete = VersionBilanForm(request.POST)
        formulaires = [
            LigneBilanForm(request.POST, instance=ligne, prefix=ligne.fonction, operateurs=operateurs)
            for ligne in lignes
        ]
        if entete.is_valid() and all(f.is_valid() for f in formulaires):
            if request.POST.get("action") == "transmettre":
                page = demander_confirmation(request, confirmation_transmission(bilan, brouillon=True))
                if page is not None:
                    return page
            valeurs = {f.instance.fonction: f.valeurs() for f in formulaires}
            try:
                enregistrer_bilan(bilan, entete.cleaned_data["version"], valeurs, request.user)
            except ConflitVersion as exc:
                conflit = str(exc)
                autre_version = lignes_ordonnees(exc.actuel)
                bilan = exc.actuel
                # Saving again (knowingly) replaces the other version: the form now carries its number.
                donnees = request.POST.copy()
                donnees["version"] = exc.actuel.version
                entete = VersionBilanForm(donnees)
            except BilanNonModifiable as exc:
                messages.error(request, str(exc))
                return redirect("tableau_de_bord:bilan", bilan.pk)
            else:
                if request.POST.get("action") == "transmettre":
                    soumettre_bilan(bilan, request.user)
                    messages.success(request, f"{bilan.titre} transmis à la DGEFP.")
                    return redirect("tableau_de_bord:bilan", bilan.pk)
                messages.success(request, "Bilan enregistré.")
                return redirect("tableau_de_bord:modifier_bilan", bilan.pk)
    else:
        entete = VersionBilanForm(initial={"version": bilan.version})
        formulaires = [LigneBilanForm(instance=ligne, prefix=ligne.fonction, operateurs=operateurs) for ligne in lignes]
    erreurs = any(f.errors for f in formulaires) or bool(entete.errors)
    contexte = _contexte_bilan(bilan)
    contexte.update(
        {
            "entete": entete,
            "formulaires": formulaires,
            "conflit": conflit,
            "autre_version": autre_version,
            "erreurs": erreurs and not conflit,
            "sans_operateur": not operateurs,
            "title": f"{'Conflit – ' if conflit else ''}{bilan.titre} – {bilan.region}",
        }
    )
    return render(request, "tableau_de_bord/bilan_form.html", contexte, status=409 if conflit else 200)


@require_POST
@programme_requis
def transmettre(request, pk):
    bilan = _bilan(request, pk)
    exiger(peut_suivre_region(perimetre_de(request), bilan.region_id))
    page = demander_confirmation(request, confirmation_transmission(bilan, brouillon=False))
    if page is not None:
        return page
    try:
        soumettre_bilan(bilan, request.user)
    except BilanNonModifiable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{bilan.titre} transmis à la DGEFP.")
    return redirect("tableau_de_bord:bilan", bilan.pk)


@require_POST
@programme_requis
def rouvrir(request, pk):
    """Back to a draft for correction, until the DGEFP has read it."""
    bilan = _bilan(request, pk)
    exiger(peut_rouvrir_bilan(perimetre_de(request), bilan))
    try:
        rouvrir_bilan(bilan, request.user)
    except BilanNonModifiable as exc:
        messages.error(request, str(exc))
        return redirect("tableau_de_bord:bilan", bilan.pk)
    messages.success(request, f"{bilan.titre} est rouvert : corrigez-le puis transmettez-le à nouveau.")
    return redirect("tableau_de_bord:modifier_bilan", bilan.pk)


@require_POST
@programme_requis
def rectifier(request, pk):
    """A dated rectification of a bilan the DGEFP has read."""
    bilan = _bilan(request, pk)
    exiger(peut_rectifier_bilan(perimetre_de(request), bilan))
    form = RectificationBilanForm(request.POST)
    if form.is_valid():
        try:
            rectifier_bilan(bilan, form.cleaned_data["texte"], request.user)
        except BilanNonModifiable as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "La rectification est ajoutée au bilan.")
    else:
        messages.error(request, "La rectification n'est pas ajoutée : indiquez ce qu'elle corrige.")
    return redirect("tableau_de_bord:bilan", bilan.pk)


@require_POST
@programme_requis
def lire(request, pk):
    bilan = _bilan(request, pk)
    exiger(peut_lire_national(perimetre_de(request)))
    form = LectureBilanForm(request.POST)
    if form.is_valid():
        try:
            marquer_lu(bilan, request.user, form.cleaned_data["commentaire_mip"])
        except BilanNonModifiable as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Bilan marqué comme lu.")
    return redirect("tableau_de_bord:bilan", bilan.pk)


@programme_requis
def pdf(request, pk):
    bilan = _bilan(request, pk)
    contexte = _contexte_bilan(bilan)
    contexte["lignes"] = lignes_ordonnees(bilan)
    return reponse_pdf(
        "tableau_de_bord/pdf/bilan.html",
        contexte,
        titre=f"{bilan.titre} – {bilan.region}",
        nom_fichier=f"bilan-etape-{bilan.region.nom}-{bilan.quinzaine.date_fin:%Y-%m-%d}",
    )
