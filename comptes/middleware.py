"""Attaches to each request the habilitation the person acts under (the one chosen, or their first one)."""

CLE_SESSION = "habilitation_id"


def habilitation_courante(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    habilitations = list(
        user.habilitations.filter(actif=True).select_related("organisation__region", "organisation__departement")
    )
    if not habilitations:
        return None
    choisie = request.session.get(CLE_SESSION)
    return next((h for h in habilitations if h.pk == choisie), habilitations[0])


class HabilitationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.habilitation = habilitation_courante(request)
        return self.get_response(request)
