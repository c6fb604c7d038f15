"""The printed documents of a convention (``cui_portal.pdf``, tagged PDF): the Cerfa of the CUI convention
(n° 13998*01) and the attestation d'expérience professionnelle. The Cerfa carries the NIR: printed in full only
for those allowed to read it (the owner prescripteur organisation, administrators), masked for the others."""

from django.contrib import messages
from django.shortcuts import redirect

from cui_portal import horloge
from cui_portal.pdf import reponse_pdf
from cui_portal.permissions import perimetre_de, perimetre_requis, peut_voir_nir

from ..models import MotifRupture
from ..models_parties import AssuranceChomage, NiveauFormation
from ..services.commun import cae_jeune
from .commun import convention_visible
from .detail import attestation_disponible

SIGNATAIRES_CG = "Le président du conseil général"
# The Cerfa's boxes of the contract, one ticked.
CONTRATS_DU_CERFA = (
    ("CAE", "Contrat d'accompagnement dans l'emploi (CAE) — secteur non marchand"),
    ("CIE", "Contrat initiative emploi (CIE) — secteur marchand"),
)


@perimetre_requis
def cerfa(request, pk):
    convention = convention_visible(request, pk)
    salarie = convention.salarie
    nir = salarie.nir if peut_voir_nir(perimetre_de(request), convention) else salarie.nir_masque
    return reponse_pdf(
        "conventions/pdf/cerfa.html",
        {
            "c": convention,
            "employeur": convention.employeur,
            "salarie": salarie,
            "nir": nir,
            "periodes": convention.periodes_immersion.all(),
            "avenants": convention.avenants.all(),
            "cae_jeune": cae_jeune(convention),
            "cases_contrat": [(libelle, convention.type_contrat == code) for code, libelle in CONTRATS_DU_CERFA],
            "assurances_chomage": AssuranceChomage.choices,
            "niveaux": NiveauFormation.choices,
            "pour_le_cg": convention.financement == "cg",
            "signataire_prescripteur": SIGNATAIRES_CG
            if convention.financement == "cg"
            else "Pour l'État, le prescripteur",
        },
        titre=f"Contrat unique d'insertion – convention individuelle {convention.type_contrat} "
        f"{convention.numero or '(brouillon)'}",
        nom_fichier=f"cerfa-convention-{convention.numero or f'brouillon-{convention.pk}'}",
    )


@perimetre_requis
def attestation(request, pk):
    convention = convention_visible(request, pk)
    if convention.statut == "brouillon" or not attestation_disponible(convention):
        messages.warning(
            request,
            "L'attestation d'expérience professionnelle est disponible à partir du dernier mois de la convention.",
        )
        return redirect("conventions:detail", convention.pk)
    fin = convention.date_rupture or convention.date_fin
    return reponse_pdf(
        "conventions/pdf/attestation.html",
        {
            "c": convention,
            "employeur": convention.employeur,
            "salarie": convention.salarie,
            "fin": fin,
            "aujourd_hui": horloge.aujourdhui(),
            "rupture_hors_cas_legaux": convention.motif_rupture == MotifRupture.HORS_CAS_LEGAUX,
        },
        titre=f"Attestation d'expérience professionnelle – convention {convention.numero}",
        nom_fichier=f"attestation-experience-{convention.numero}",
    )
