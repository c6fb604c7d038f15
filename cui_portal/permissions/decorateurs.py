"""What a view asks before it acts: ``exiger`` (403) and the function-view decorators built on a condition of the
scope. Each concern's decorator (``caom_requis``, ``programme_requis``…) is built in that concern's module."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

from .perimetre import Perimetre, a_l_un_des_roles, a_une_habilitation, perimetre_de


def exiger(condition: bool) -> None:
    """Raise a 403 when an action is not allowed."""
    if not condition:
        raise PermissionDenied("Vous n'avez pas les droits nécessaires pour cette action.")


def permission_requise(condition: Callable[[Perimetre], bool]):
    """Function-view decorator: logged in (login page otherwise), and ``condition(perimetre)`` true (403)."""

    def decorateur(vue):
        @wraps(vue)
        def enveloppe(request, *args, **kwargs):
            if not request.user.is_authenticated:
                # Imported here: django.contrib.auth.views loads the user model, and the models' querysets
                # import this module while the models load.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            exiger(condition(perimetre_de(request)))
            return vue(request, *args, **kwargs)

        return enveloppe

    return decorateur


def roles_requis(*roles):
    """Function-view decorator: logged in, and acting under one of ``roles`` (administrators always pass)."""
    return permission_requise(lambda perimetre: a_l_un_des_roles(perimetre, roles))


# Function-view decorator: logged in and acting under some habilitation (403 otherwise).
perimetre_requis = permission_requise(a_une_habilitation)
