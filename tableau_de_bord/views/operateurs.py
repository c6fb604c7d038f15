"""Operators, their agreements and ASP payments, engineering credits, comités de pilotage."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from comptes.envois import DEJA_ENREGISTRE, EXPIRE, enregistrer_une_fois, protege
from cui_portal import horloge, parametres
from cui_portal.contraintes import message_d_integrite
from cui_portal.permissions import (
    exiger,
    perimetre_de,
    peut_modifier_comite,
    peut_suivre_region,
    programme_requis,
    region_suivie,
    regions_du_programme,
)
from droit.nombres import DELAI_PAIEMENT_OPERATEUR_JOURS
from referentiels.models import Organisation, Region, TypeOrganisation

from ..credits import credits_par_region
from ..forms import (
    ComitePilotageForm,
    ConventionOperateurForm,
    CreditIngenierieForm,
    DemandePaiementForm,
    OperateurForm,
)
from ..models import ComitePilotage, ConventionOperateur, DemandePaiement, Operateur

ZERO = Decimal(0)
FILTRES_PAIEMENT = {"en_retard": "en retard", "a_payer": "à payer dans le délai"}


def _region(perimetre, pk) -> Region:
    """A region whose programme pages the person may read (404 otherwise)."""
    regions = regions_du_programme(Region.objects.select_related("correspondant_mip"), perimetre)
    return get_object_or_404(regions, pk=pk)


@programme_requis
def operateurs(request):
    """Regional users go to their region; national users see every region's credits and payments."""
    region_id = region_suivie(perimetre_de(request))
    if region_id is not None:
        return redirect("tableau_de_bord:operateurs_region", region_id)
    annee = horloge.aujourdhui().year
    limite = horloge.aujourdhui() - timedelta(days=DELAI_PAIEMENT_OPERATEUR_JOURS)
    regions = list(Region.objects.all())
    credits = credits_par_region([r.pk for r in regions], [annee])
    retards = dict(
        DemandePaiement.objects.filter(payee_le__isnull=True, date_dossier_complet__lt=limite)
        .values("convention__operateur__region_id")
        .annotate(n=Count("pk"))
        .values_list("convention__operateur__region_id", "n")
    )
    lignes = [
        {
            "region": r,
            "notifie": credits[(r.pk, annee)].notifie,
            "engage": credits[(r.pk, annee)].engage,
            "paye": credits[(r.pk, annee)].paye,
            "retards": retards.get(r.pk, 0),
        }
        for r in regions
    ]
    return render(
        request,
        "tableau_de_bord/operateurs_national.html",
        {"lignes": lignes, "annee": annee, "title": "Opérateurs et crédits d'ingénierie"},
    )


@programme_requis
def operateurs_region(request, pk):
    perimetre = perimetre_de(request)
    region = _region(perimetre, pk)
    aujourd_hui = horloge.aujourdhui()
    liste = Operateur.objects.filter(region=region).select_related("organisation")
    conventions = list(
        ConventionOperateur.objects.filter(operateur__region=region)
        .select_related("operateur__organisation")
        .annotate(paye=Sum("demandes__montant", filter=Q(demandes__payee_le__isnull=False)))
    )
    paiement = request.GET.get("paiement", "")
    paiement = paiement if paiement in FILTRES_PAIEMENT else ""
    demandes = list(
        DemandePaiement.objects.filter(convention__operateur__region=region)
        .filtrer(paiement, aujourd_hui)
        .select_related("convention__operateur__organisation")
    )
    for d in demandes:
        d.retard = d.en_retard(aujourd_hui)
    credits = sorted(
        (c for c in credits_par_region([region.pk]).values() if c.notifie is not None),
        key=lambda c: -c.annee,
    )
    return render(
        request,
        "tableau_de_bord/operateurs.html",
        {
            "region": region,
            "operateurs": liste,
            "conventions": conventions,
            "demandes": demandes,
            "paiement": paiement,
            "libelle_paiement": FILTRES_PAIEMENT.get(paiement, ""),
            "credits": credits,
            "nb_retards": (
                sum(d.retard for d in demandes)
                if not paiement
                else DemandePaiement.objects.filter(convention__operateur__region=region).en_retard(aujourd_hui).count()
            ),
            "peut_modifier": peut_suivre_region(perimetre, region.pk),
            "title": f"Opérateurs CAE-jeunes – {region.nom}",
        },
    )


# The field where a unique constraint broken by a race is shown.
CHAMP_DU_DOUBLON = {CreditIngenierieForm: "annee", OperateurForm: "organisation"}


def _formulaire(request, pk, classe, titre, instance=None, **options):
    """Create or change an object of the region ``pk``: only its correspondents and gestionnaires write."""
    perimetre = perimetre_de(request)
    region = _region(perimetre, pk)
    exiger(peut_suivre_region(perimetre, region.pk))
    operateurs_ = Operateur.objects.filter(region=region).select_related("organisation")
    if classe in (OperateurForm, CreditIngenierieForm):
        options["region"] = region
    if classe is ConventionOperateurForm:
        options["operateurs"] = operateurs_
    if classe is DemandePaiementForm:
        options["conventions"] = ConventionOperateur.objects.filter(operateur__region=region).select_related(
            "operateur__organisation"
        )
    form = classe(request.POST or None, instance=instance, **options)
    if classe is OperateurForm:
        form.fields["organisation"].queryset = Organisation.objects.filter(
            Q(region=region) | Q(departement__region=region),
            type__in=[TypeOrganisation.OPERATEUR, TypeOrganisation.MISSION_LOCALE, TypeOrganisation.AGENCE_POLE_EMPLOI],
        )
    if request.method == "POST" and form.is_valid():

        def enregistrer() -> str:
            objet = form.save(commit=False)
            if hasattr(objet, "region_id") and not isinstance(objet, DemandePaiement | ConventionOperateur):
                objet.region = region
            objet.save()
            if isinstance(objet, ComitePilotage):
                return reverse("tableau_de_bord:comites")
            return reverse("tableau_de_bord:operateurs_region", args=[region.pk])

        try:
            destination, premier = (
                enregistrer_une_fois(request, form, enregistrer)
                if protege(form)
                else (
                    enregistrer(),
                    True,
                )
            )
        except IntegrityError as erreur:  # a race past the form's checks (the same year entered twice at once)
            form.add_error(CHAMP_DU_DOUBLON.get(classe), message_d_integrite(classe._meta.model, erreur))
        else:
            if destination is None:
                form.add_error(None, EXPIRE)
            else:
                messages.success(request, "Enregistrement effectué." if premier else DEJA_ENREGISTRE)
                return redirect(destination)
    retour = reverse("tableau_de_bord:comites") if classe is ComitePilotageForm else ""
    return render(
        request,
        "tableau_de_bord/formulaire.html",
        {"form": form, "region": region, "title": titre, "retour": retour},
    )


@programme_requis
def ajouter_operateur(request, pk):
    return _formulaire(request, pk, OperateurForm, "Ajouter un opérateur")


@programme_requis
def ajouter_convention(request, pk):
    return _formulaire(request, pk, ConventionOperateurForm, "Ajouter une convention avec un opérateur")


@programme_requis
def ajouter_credit(request, pk):
    return _formulaire(request, pk, CreditIngenierieForm, "Enregistrer les crédits d'ingénierie notifiés")


@programme_requis
def ajouter_demande(request, pk):
    return _formulaire(request, pk, DemandePaiementForm, "Enregistrer une demande de paiement")


@programme_requis
def modifier_demande(request, pk, demande):
    perimetre = perimetre_de(request)
    objet = get_object_or_404(
        DemandePaiement.objects.visibles_par(perimetre), pk=demande, convention__operateur__region=pk
    )
    return _formulaire(request, pk, DemandePaiementForm, "Suivre une demande de paiement", instance=objet)


@programme_requis
def comites(request):
    """Regions see theirs; the DGEFP sees the calendar of every region, by month."""
    perimetre = perimetre_de(request)
    qs = ComitePilotage.objects.visibles_par(perimetre).select_related("region").order_by("date", "region__nom")
    annee = parametres.annee(request.GET.get("annee"))
    if annee is not None:
        qs = qs.filter(date__year=annee)
    par_mois = defaultdict(list)
    for comite in qs:
        comite.modifiable = peut_modifier_comite(perimetre, comite)
        par_mois[comite.date.replace(day=1)].append(comite)
    return render(
        request,
        "tableau_de_bord/comites.html",
        {
            "par_mois": sorted(par_mois.items()),
            "annee": annee,
            "peut_ajouter": region_suivie(perimetre) is not None,
            "region_id": region_suivie(perimetre),
            "title": "Comités de pilotage CAE-jeunes",
        },
    )


@programme_requis
def ajouter_comite(request, pk):
    return _formulaire(request, pk, ComitePilotageForm, "Annoncer un comité de pilotage")
