"""Writes of the ASP's statements: deposit (kept server-side, checked now or by a task), check, confirmation.

Nothing is written in ``PaiementAsp`` unless every row of the file is valid, and then every row at once
(``bulk_create`` in one transaction). A file already recorded for the region (same SHA-256) is refused at the
deposit and, should two people confirm it at the same time, by the database.
"""

import hashlib
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from conventions.models import Convention, MoisAide
from cui_portal import horloge
from cui_portal.taches import envoyer_tache
from referentiels.models import Region

from .importation import ErreurFichier, colonnes, lire_tableau, numeros, verifier_lignes
from .models import PaiementAsp, ReleveAsp, StatutReleve
from .regles import ConventionConnue, RegleReleveError
from .tasks import verifier_releve_asp

SEUIL_VERIFICATION_ASYNCHRONE = 100 * 1024  # bytes: beyond, the check runs as a task and the page shows progress
# A task checks MAX_LIGNES rows in well under a minute: still « en cours » after this, its worker is gone.
DELAI_VERIFICATION_INTERROMPUE = timedelta(minutes=10)
# Beyond this, the periodic recovery stops retrying an interrupted check and fails it with an explanation.
DELAI_ABANDON_VERIFICATION = timedelta(hours=1)
MESSAGE_ABANDON = (
    "La vérification de ce relevé n'a pas abouti : elle a été interrompue à plusieurs reprises (service de "
    "vérification arrêté). Rien n'a été enregistré ; déposez le relevé à nouveau."
)
LOT_REQUETE = 5000  # numbers or ids per IN (…) of a look-up (SQLite's bound on parameters)
LOT_ECRITURE = 5000


def empreinte(contenu: bytes) -> str:
    return hashlib.sha256(contenu).hexdigest()


def _lots(valeurs: list, taille: int = LOT_REQUETE):
    for debut in range(0, len(valeurs), taille):
        yield valeurs[debut : debut + taille]


def index_conventions(numeros_: set[str]) -> dict[str, ConventionConnue]:
    """What the portal knows of the conventions a file names: their id, region and schedule months (one query
    per ``LOT_REQUETE`` numbers and per ``LOT_REQUETE`` conventions, whatever the number of rows)."""
    trouvees: dict[int, tuple[str, int, date | None]] = {}
    for lot in _lots(sorted(n for n in numeros_ if n)):
        for numero, pk, region_id, annulee_le in Convention.objects.filter(numero__in=lot).values_list(
            "numero", "pk", "region_id", "date_annulation"
        ):
            trouvees[pk] = (numero, region_id, annulee_le)
    mois: dict[int, set[date]] = {pk: set() for pk in trouvees}
    for lot in _lots(list(trouvees)):
        for convention_id, m in MoisAide.objects.filter(convention_id__in=lot).values_list("convention_id", "mois"):
            mois[convention_id].add(m)
    return {
        numero: ConventionConnue(pk, region_id, frozenset(mois[pk]), annulee_le)
        for pk, (numero, region_id, annulee_le) in trouvees.items()
    }


def releve_deja_enregistre(region_id: int, empreinte_: str) -> ReleveAsp | None:
    return ReleveAsp.objects.filter(region_id=region_id, empreinte=empreinte_, statut=StatutReleve.APPLIQUE).first()


def _message_deja_enregistre(releve: ReleveAsp) -> str:
    quand = timezone.localtime(releve.enregistre_le) if releve.enregistre_le else None
    return (
        f"Ce relevé a déjà été enregistré pour la région {releve.region.nom}"
        + (f" le {quand:%d/%m/%Y}" if quand else "")
        + f" (fichier « {releve.nom_fichier} ») : un relevé n'est enregistré qu'une fois."
    )


def deposer_releve(region: Region, nom_fichier: str, format_: str, contenu: bytes, auteur) -> ReleveAsp:
    """Keep the file server-side and check it: now if small, else in a task (the preview polls its progress).
    A file already recorded for the region is refused (``RegleReleveError``)."""
    cle = empreinte(contenu)
    if (existant := releve_deja_enregistre(region.pk, cle)) is not None:
        raise RegleReleveError(_message_deja_enregistre(existant))
    with transaction.atomic():
        # The author's earlier deposits for the region that were never recorded are superseded.
        ReleveAsp.objects.filter(region=region, auteur=auteur).exclude(statut=StatutReleve.APPLIQUE).delete()
        releve = ReleveAsp.objects.create(
            region=region,
            auteur=auteur,
            nom_fichier=nom_fichier[:200],
            format=format_,
            empreinte=cle,
            contenu=contenu,
        )
        asynchrone = len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
        if asynchrone:
            # Broker down: the check runs here, after the commit (bounded: MAX_LIGNES rows, TAILLE_MAX_IMPORT).
            envoyer_tache(verifier_releve_asp, releve.pk, si_injoignable=partial(verifier_releve, releve.pk))
    if asynchrone:
        releve.refresh_from_db()
        return releve
    return verifier_releve(releve.pk)


def verification_interrompue(releve: ReleveAsp, maintenant: datetime | None = None) -> bool:
    """A check still « en cours » long after the deposit: its worker died, or no worker took it."""
    maintenant = maintenant or horloge.instant_reel()
    return releve.statut == StatutReleve.EN_COURS and releve.cree_le < maintenant - DELAI_VERIFICATION_INTERROMPUE


def relancer_verification(releve: ReleveAsp) -> ReleveAsp:
    """Check an interrupted (or failed) file again, in the request: the file is bounded."""
    releve = ReleveAsp.objects.get(pk=releve.pk)
    if releve.statut == StatutReleve.ECHEC and releve.contenu:
        ReleveAsp.objects.filter(pk=releve.pk).update(statut=StatutReleve.EN_COURS, traitees=0, erreurs_fichier=[])
    elif not verification_interrompue(releve):
        raise RegleReleveError("La vérification de ce relevé n'est pas interrompue : rien à relancer.")
    return verifier_releve(releve.pk)


def reprendre_releves_interrompus(maintenant: datetime | None = None) -> dict[str, int]:
    """The periodic recovery (beat, ``paiements.reprendre_releves``): every check still « en cours » after
    ``DELAI_VERIFICATION_INTERROMPUE`` is resumed here (bounded by ``importation.bornes()``), and one still there
    after ``DELAI_ABANDON_VERIFICATION`` is failed with a French explanation and its file dropped. Idempotent."""
    maintenant = maintenant or horloge.instant_reel()
    en_cours = ReleveAsp.objects.filter(statut=StatutReleve.EN_COURS)
    abandonnes = en_cours.filter(cree_le__lt=maintenant - DELAI_ABANDON_VERIFICATION).update(
        statut=StatutReleve.INVALIDE, erreurs_fichier=[MESSAGE_ABANDON], contenu=b"", lignes=[]
    )
    repris = 0
    for pk in en_cours.filter(cree_le__lt=maintenant - DELAI_VERIFICATION_INTERROMPUE).values_list("pk", flat=True):
        verifier_releve(pk)
        repris += 1
    return {"repris": repris, "abandonnes": abandonnes}


def _refuser_fichier(releve: ReleveAsp, message: str) -> ReleveAsp:
    releve.erreurs_fichier = [message]
    releve.statut = StatutReleve.INVALIDE
    releve.contenu = b""
    releve.save()
    return releve


def verifier_releve(pk: int) -> ReleveAsp:
    """Read and check every row of a deposited statement; writes no payment. Idempotent (a retried task does
    nothing). An unexpected error leaves the statement « échec » (the file is kept to try again) and is raised."""
    releve = ReleveAsp.objects.select_related("region").get(pk=pk)
    if releve.statut != StatutReleve.EN_COURS:
        return releve
    try:
        try:
            entete, lignes = lire_tableau(releve.format, bytes(releve.contenu))
            noms = colonnes(entete)
        except ErreurFichier as exc:
            return _refuser_fichier(releve, str(exc))
        if not lignes:
            return _refuser_fichier(releve, "Le fichier ne contient que l'en-tête : ajoutez une ligne par paiement.")
        releve.total = len(lignes)
        releve.save(update_fields=["total"])

        def progression(traitees: int) -> None:
            ReleveAsp.objects.filter(pk=pk).update(traitees=traitees)

        index = index_conventions(numeros(noms, lignes))
        regions = dict(Region.objects.values_list("pk", "nom"))
        releve.lignes = verifier_lignes(noms, lignes, index, releve.region_id, regions, progression)
    except Exception:
        ReleveAsp.objects.filter(pk=pk).update(
            statut=StatutReleve.ECHEC,
            erreurs_fichier=["La vérification a échoué sur une erreur du portail : relancez-la ou signalez-la."],
        )
        raise
    releve.traitees = releve.total
    releve.contenu = b""
    refuse = any(ligne["erreurs"] for ligne in releve.lignes)
    releve.statut = StatutReleve.INVALIDE if refuse else StatutReleve.VALIDE
    releve.save()
    return releve


@transaction.atomic
def confirmer_releve(releve: ReleveAsp) -> int:
    """Record every payment of a checked statement, all or nothing. The rows are checked again against the
    conventions and their schedules as they are now (an avenant or a rupture may have moved them since the
    preview): one row no longer valid and nothing is written."""
    releve = ReleveAsp.objects.select_for_update().select_related("region").get(pk=releve.pk)
    if releve.statut != StatutReleve.VALIDE:
        raise RegleReleveError("Ce relevé n'est pas prêt à être enregistré : corrigez-le et déposez-le à nouveau.")
    if (existant := releve_deja_enregistre(releve.region_id, releve.empreinte)) is not None:
        raise RegleReleveError(_message_deja_enregistre(existant))
    donnees = [ligne["donnees"] for ligne in releve.lignes]
    ids = sorted({d[0] for d in donnees})
    connus: dict[int, int] = {}
    for lot in _lots(ids):
        connus.update(Convention.objects.filter(pk__in=lot).values_list("pk", "region_id"))
    prevus: set[tuple[int, str]] = set()
    for lot in _lots(ids):
        prevus.update(
            (c, m.isoformat())
            for c, m in MoisAide.objects.filter(convention_id__in=lot).values_list("convention_id", "mois")
        )
    for ligne, (convention_id, mois, _etat, _cg) in zip(releve.lignes, donnees, strict=True):
        if connus.get(convention_id) != releve.region_id or (convention_id, mois) not in prevus:
            raise RegleReleveError(
                f"La ligne {ligne['numero']} ne correspond plus à l'échéancier de la convention "
                f"{ligne['valeurs'][0]} (modifiée depuis l'aperçu) : déposez le relevé à nouveau."
            )
    paiements = [
        PaiementAsp(
            releve_id=releve.pk,
            convention_id=convention_id,
            region_id=releve.region_id,
            mois=date.fromisoformat(mois),
            montant_etat=Decimal(etat),
            montant_conseil_general=Decimal(cg),
        )
        for convention_id, mois, etat, cg in donnees
    ]
    PaiementAsp.objects.bulk_create(paiements, batch_size=LOT_ECRITURE)
    releve.statut = StatutReleve.APPLIQUE
    releve.enregistre_le = horloge.maintenant()
    try:
        with transaction.atomic():
            releve.save(update_fields=["statut", "enregistre_le"])
    except IntegrityError:
        raise RegleReleveError(
            "Ce relevé vient d'être enregistré pour cette région : il ne l'est qu'une fois."
        ) from None
    return len(paiements)
