"""Responses that carry personal data are never kept by a browser or a proxy cache."""

from django.utils.cache import add_never_cache_headers

# Documents that may carry a NIR or a benefit status whoever asks for them (a Cerfa, an export).
TYPES_PERSONNELS = ("application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv")


class PasDeCacheMiddleware:
    """``Cache-Control: no-store, private`` on every page of a signed-in person and on every PDF or export."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        connecte = user is not None and user.is_authenticated
        if connecte or response.get("Content-Type", "").startswith(TYPES_PERSONNELS):
            add_never_cache_headers(response)
        return response
