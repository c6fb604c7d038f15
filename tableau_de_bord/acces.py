"""Who may use the CAE-jeunes pages: regional correspondents and gestionnaires (their region), national users
(every region, read-only except reading and commenting the bilans), administrators. Others get a 403."""

from django.http import Http404

from cui_portal.permissions import roles_requis
from droit.vocabulaire import Role
from referentiels.models import Region

ROLES_PROGRAMME = (Role.CORRESPONDANT_REGIONAL, Role.GESTIONNAIRE_REGIONAL, Role.NATIONAL)

programme_requis = roles_requis(*ROLES_PROGRAMME)


def region_visible(perimetre, region_id) -> Region:
    """A region the person may read (404 otherwise: another region's existence is not discussed)."""
    if perimetre.national or (perimetre.regional and perimetre.region_id == int(region_id)):
        try:
            return Region.objects.select_related("correspondant_mip").get(pk=region_id)
        except Region.DoesNotExist:
            raise Http404("Région inconnue.") from None
    raise Http404("Région inconnue.")
