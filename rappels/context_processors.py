"""The number of unread notifications, for the header of every page (one COUNT, only when it is shown)."""

from functools import cache


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def non_lues() -> int:
        from .models import Rappel

        return Rappel.objects.pour(user).non_lus().count()

    return {"notifications_non_lues": non_lues}
