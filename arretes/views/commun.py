"""What the arrêté pages share: the breadcrumb, the arrêté a page shows or changes, its rates by contract."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from cui_portal.permissions import exiger, perimetre_de, peut_gerer_region

from ..models import Arrete


def fil(arrete=None) -> list[tuple[str, str]]:
    liens = [(reverse("arretes:liste"), "Arrêtés régionaux")]
    if arrete is not None and arrete.pk:
        liens.append((reverse("arretes:detail", args=[arrete.pk]), str(arrete)))
    return liens


def arrete_visible(request, pk, *, pour_modifier=False) -> Arrete:
    """The arrêté if the person may see it (404 otherwise); with ``pour_modifier``, a draft they may edit (403)."""
    perimetre = perimetre_de(request)
    arrete = get_object_or_404(Arrete.objects.visibles_par(perimetre).select_related("region"), pk=pk)
    if pour_modifier:
        exiger(peut_gerer_region(perimetre, arrete.region_id))
        exiger(arrete.modifiable)
    return arrete


def taux_par_contrat(arrete):
    taux = list(arrete.taux.select_related("public").order_by("public__ordre", "public__libelle"))
    contrats = ("CAE", "CIE") if arrete.avec_cie or any(t.contrat == "CIE" for t in taux) else ("CAE",)
    return [(contrat, [t for t in taux if t.contrat == contrat]) for contrat in contrats]
