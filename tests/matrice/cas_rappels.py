"""More matrix lines of the notifications and deferred works (issue 7), added to the ones of ``cas.py``.

Each person sees only their own notifications and their own works: another's is a 404 (its existence is not
revealed). The demo has neither, so the cases make them (rolled back after each test).
"""

from tests.conftest import COMPTES
from tests.matrice.cas import Cas, tous_sauf


def _rappel(role: str):
    """A notification sent to the account of ``role`` (linked to the account, as the collectors do)."""

    def kwargs(ctx):
        from django.utils import timezone

        from rappels.models import Rappel, TypeRappel

        compte = ctx.comptes[COMPTES[role]]
        rappel = Rappel.objects.create(
            type=TypeRappel.ARRETE_ANNUEL,
            cle=f"matrice-{role}",
            destinataire=compte.email.lower(),
            utilisateur=compte,
            echeance=timezone.localdate(),
            niveau="j-3",
            sujet="Arrêté de l'année suivante",
            libelle="Publiez l'arrêté de l'année suivante",
            lien="/arretes/",
            envoye_le=timezone.now(),
        )
        return {"pk": rappel.pk}

    return kwargs


def _rappel_par_adresse(role: str):
    """A notification sent by e-mail address only (no account on the row): still its recipient's."""

    def kwargs(ctx):
        from django.utils import timezone

        from rappels.models import Rappel, TypeRappel

        rappel = Rappel.objects.create(
            type=TypeRappel.CAOM_NEGOCIATION,
            cle=f"matrice-adresse-{role}",
            destinataire=COMPTES[role].lower(),
            echeance=timezone.localdate(),
            niveau="j-7",
            sujet="État des négociations CAOM",
            libelle="Rapport du 30 novembre",
            lien="/caom/rapport/",
            envoye_le=timezone.now(),
        )
        return {"pk": rappel.pk}

    return kwargs


def _travail(role: str, termine: bool = False):
    """A deferred work of the account of ``role`` (finished with its file, or waiting)."""

    def kwargs(ctx):
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from rappels.models import StatutTravail, TravailDiffere

        travail = TravailDiffere.objects.create(
            proprietaire=ctx.comptes[COMPTES[role]], type="export_organisations_xlsx"
        )
        if termine:
            travail.fichier.save("matrice.txt", ContentFile(b"matrice"), save=False)
            travail.statut, travail.progression, travail.nom_fichier = StatutTravail.TERMINE, 100, "matrice.txt"
            travail.termine_le = timezone.now()
            travail.save()
        return {"pk": str(travail.pk)}

    return kwargs


def seul(role: str, statut: int) -> dict:
    """Only ``role`` gets ``statut``; everyone else 404."""
    return tous_sauf(404, **{role: statut})


CAS = {
    "rappels:ouvrir": [
        Cas(
            "notification du prescripteur (ouverte : vers sa page)",
            kwargs=_rappel("prescripteur"),
            attendu=seul("prescripteur", 302),
        ),
        Cas(
            "notification de la gestionnaire du Nord",
            kwargs=_rappel("gestionnaire_nord"),
            attendu=seul("gestionnaire_nord", 302),
        ),
        Cas(
            "notification envoyée à l'adresse du conseil général du 93",
            kwargs=_rappel_par_adresse("cg93"),
            attendu=seul("cg93", 302),
        ),
    ],
    "rappels:lancer_travail": [
        Cas(
            "export différé des conventions (chacun son périmètre)",
            kwargs=lambda ctx: {"type_travail": "export_conventions_xlsx"},
            methode="post",
            defaut=302,
        ),
    ],
    "rappels:travail": [
        Cas("travail en attente du prescripteur", kwargs=_travail("prescripteur"), attendu=seul("prescripteur", 200)),
        Cas("travail en attente du national", kwargs=_travail("national"), attendu=seul("national", 200)),
    ],
    "rappels:travail_etat": [
        Cas("état du travail du correspondant", kwargs=_travail("correspondant"), attendu=seul("correspondant", 200)),
        Cas("état du travail du cg59", kwargs=_travail("cg59"), attendu=seul("cg59", 200)),
    ],
    "rappels:telecharger": [
        Cas(
            "fichier d'un travail terminé du prescripteur du Nord",
            kwargs=_travail("prescripteur_nord", termine=True),
            attendu=seul("prescripteur_nord", 200),
        ),
        Cas(
            "fichier d'un travail terminé de l'administratrice",
            kwargs=_travail("admin", termine=True),
            attendu=seul("admin", 200),
        ),
        Cas(
            "travail en attente : pas encore de fichier, même pour son auteur",
            kwargs=_travail("prescripteur"),
            defaut=404,
        ),
    ],
}
