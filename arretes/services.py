"""Writes on arrêtés (publication, rates loaded from a file, correction) and the rate look-up used by the other
apps (conventions, simulateur, caom): ``taux_applicable``."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial

from django.db import transaction
from simple_history.utils import update_change_reason

from cui_portal import horloge
from cui_portal.taches import envoyer_tache
from referentiels.models import PublicPrioritaire, Region

from .importation import ErreurFichier, colonnes, lire_tableau, normaliser, verifier_lignes
from .models import Arrete, ImportTaux, PorteeArrete, StatutArrete, StatutImport, TauxPriseEnCharge
from .regles import (
    CODE_PUBLIC_ACI,
    CONTRATS,
    ArreteDate,
    AucunArreteApplicable,
    RegleArreteError,
    arrete_applicable,
    erreurs_publication,
    erreurs_taux,
    message_aucun_arrete,
)
from .tasks import verifier_import_taux


@dataclass(frozen=True)
class TauxApplicable:
    taux: Decimal  # percent of the SMIC horaire brut
    heures_max: int  # weekly hours taken in charge at most
    arrete: Arrete


def arretes_dates(region: Region | int, annee_max: int) -> list[ArreteDate]:
    """The region's arrêtés published (in force or replaced) for ``annee_max`` or an earlier year."""
    return [
        ArreteDate(*ligne)
        for ligne in Arrete.objects.filter(region=region, annee__lte=annee_max, date_publication__isnull=False)
        .exclude(statut=StatutArrete.BROUILLON)
        .values_list("pk", "annee", "date_publication", "date_abrogation")
    ]


def arrete_en_vigueur(region: Region | int, date_conclusion: date, date_debut_contrat: date) -> Arrete | None:
    """The arrêté of the region that applies to a convention concluded on ``date_conclusion`` for a contract
    starting on ``date_debut_contrat`` (``regles.arrete_applicable``), or None."""
    choisi = arrete_applicable(arretes_dates(region, date_debut_contrat.year), date_conclusion, date_debut_contrat)
    return None if choisi is None else Arrete.objects.get(pk=choisi.id)


def taux_applicable(
    contrat: str,
    public: PublicPrioritaire | str,
    region: Region | int,
    date_conclusion: date,
    date_debut_contrat: date,
) -> TauxApplicable:
    """The rate of a convention: fixed by the latest arrêté of its region published on or before
    ``date_conclusion``, not yet replaced on that date, for the year ``date_debut_contrat.year`` or an earlier one
    (``regles.arrete_applicable``: an arrêté stays in force until the next one is published).

    ``public`` is a ``PublicPrioritaire`` or its code, ``region`` a ``Region`` or its pk. Raises
    ``AucunArreteApplicable`` (a ``ValueError``) with a French message naming the region, the year, the public
    and the contract when no arrêté fixes it; ``ValueError`` for an unknown contract or public.
    """
    contrat = str(contrat)
    if contrat not in CONTRATS:
        raise ValueError(f"Contrat « {contrat} » inconnu : seuls le CAE et le CIE ouvrent droit à l'aide du CUI.")
    if not isinstance(public, PublicPrioritaire):
        try:
            public = PublicPrioritaire.objects.get(code=public)
        except PublicPrioritaire.DoesNotExist:
            raise ValueError(f"Public prioritaire « {public} » inconnu.") from None
    if not isinstance(region, Region):
        region = Region.objects.get(pk=region)
    annee = date_debut_contrat.year
    choisi = arrete_applicable(arretes_dates(region, annee), date_conclusion, date_debut_contrat)
    if choisi is None:
        raise AucunArreteApplicable(message_aucun_arrete(contrat, public.libelle, region.nom, annee, date_conclusion))
    ligne = (
        TauxPriseEnCharge.objects.select_related("arrete__region")
        .filter(arrete_id=choisi.id, contrat=contrat, public=public)
        .first()
    )
    if ligne is None:
        arrete = Arrete.objects.get(pk=choisi.id)
        raise AucunArreteApplicable(
            f"L'arrêté n° {arrete.numero} de la région {region.nom} pour {arrete.annee} ne fixe pas de taux de prise "
            f"en charge {contrat} pour le public « {public.libelle} »"
            + (" : il ne concerne que les CAE (annexe 3-bis)." if arrete.portee == PorteeArrete.CAE else ".")
        )
    return TauxApplicable(taux=ligne.taux, heures_max=ligne.heures_max, arrete=ligne.arrete)


# --- writes --------------------------------------------------------------------------------------


def _publics_actifs():
    return list(PublicPrioritaire.objects.filter(actif=True).values_list("code", "libelle"))


def verifier_publiable(arrete: Arrete, date_publication: date | None) -> list[str]:
    return erreurs_publication(
        numero=arrete.numero,
        date_signature=arrete.date_signature,
        date_publication=date_publication,
        avec_cie=arrete.avec_cie,
        taux=list(arrete.taux.values_list("contrat", "public__code")),
        publics=_publics_actifs(),
    )


def arrete_remplace(arrete: Arrete, *, verrouiller: bool = False) -> Arrete | None:
    """The region's arrêté in force for the same year, which the publication of ``arrete`` abrogates (or None)."""
    qs = Arrete.objects.filter(region_id=arrete.region_id, annee=arrete.annee, statut=StatutArrete.PUBLIE)
    return (qs.select_for_update() if verrouiller else qs).exclude(pk=arrete.pk).first()


def refus_de_publication(arrete: Arrete, date_publication: date, remplace: Arrete | None) -> list[str]:
    """Why ``arrete`` cannot be published on ``date_publication`` (empty when it can): checked by ``publier`` and,
    before the confirmation page, by ``forms.PublicationForm``."""
    if arrete.statut != StatutArrete.BROUILLON:
        return ["Cet arrêté est déjà publié : un arrêté publié ne peut plus être modifié."]
    erreurs = verifier_publiable(arrete, date_publication)
    if remplace is not None and date_publication < remplace.date_publication:
        erreurs.append(
            f"L'arrêté n° {remplace.numero} en vigueur a été publié le {remplace.date_publication:%d/%m/%Y} : "
            "l'arrêté qui le remplace ne peut pas être publié avant cette date."
        )
    return erreurs


def consequences_de_publication(arrete: Arrete, date_publication: date, remplace: Arrete | None) -> list[str]:
    """What publishing does, one sentence each, for the confirmation page: the conventions it applies to (circular
    2009-42, annexes 3 and 3-bis: « aux nouvelles conventions conclues à compter de la date de sa publication, pour
    des contrats de travail prenant effet à partir du 1er janvier »), the arrêté it replaces, and what stays."""
    contrats = "de CAE et de CIE" if arrete.avec_cie else "de CAE (annexe 3-bis : aucun taux CIE)"
    region, jour = arrete.region.de_nom, f"{date_publication:%d/%m/%Y}"
    phrases = [
        f"L'arrêté n° {arrete.numero} {region} pour {arrete.annee} est publié au recueil des actes administratifs "
        f"à la date du {jour}.",
        f"Ses {arrete.taux.count()} taux de prise en charge s'appliquent aux nouvelles conventions {contrats} "
        f"conclues dans la région à partir du {jour}, pour des contrats de travail prenant effet à partir du "
        f"1er janvier {arrete.annee}, jusqu'à la publication de l'arrêté suivant.",
    ]
    if remplace is not None:
        phrases.append(
            f"Il remplace l'arrêté n° {remplace.numero} publié le {remplace.date_publication:%d/%m/%Y}, abrogé à la "
            f"date du {jour} : les conventions conclues avant gardent ses taux."
        )
    else:
        phrases.append("Les conventions déjà conclues gardent le taux de l'arrêté appliqué à leur conclusion.")
    return phrases


@transaction.atomic
def publier(arrete: Arrete, date_publication: date) -> Arrete:
    """Publish a draft: set its publication date, abrogate the arrêté of the region published for the same year
    (linked to its replacement), and record both in the history (the author comes from the request)."""
    arrete = Arrete.objects.select_for_update().get(pk=arrete.pk)
    precedent = arrete_remplace(arrete, verrouiller=True)
    erreurs = refus_de_publication(arrete, date_publication, precedent)
    if erreurs:
        raise RegleArreteError(" ".join(erreurs))
    if precedent is not None:
        precedent.statut = StatutArrete.ABROGE
        precedent.date_abrogation = date_publication
        precedent.remplace_par = arrete
        precedent._change_reason = f"Abrogé et remplacé par l'arrêté n° {arrete.numero}"
        precedent.save()
    arrete.statut = StatutArrete.PUBLIE
    arrete.date_publication = date_publication
    arrete._change_reason = "Publication au recueil des actes administratifs"
    arrete.save()
    return arrete


@transaction.atomic
def remplacer_taux(arrete: Arrete, lignes: list[dict], motif: str = "Import") -> int:
    """Replace all the rates of a draft by ``lignes`` (dicts: contrat, public_code, taux, heures_max), all or
    nothing. Every line is checked again here: the caller's preview may be stale."""
    arrete = Arrete.objects.select_for_update().get(pk=arrete.pk)
    if not arrete.modifiable:
        raise RegleArreteError("Un arrêté publié ne peut plus être modifié : prenez un nouvel arrêté qui le remplace.")
    publics = {p.code: p for p in PublicPrioritaire.objects.all()}
    vus = set()
    objets = []
    for i, ligne in enumerate(lignes, start=1):
        public = publics.get(ligne["public_code"])
        taux = Decimal(str(ligne["taux"]))
        erreurs = erreurs_taux(ligne["contrat"], ligne["public_code"], taux, ligne["heures_max"], arrete.avec_cie)
        cle = (ligne["contrat"], ligne["public_code"])
        if public is None or erreurs or cle in vus:
            raise RegleArreteError(f"Ligne {i} invalide : rien n'a été enregistré.")
        vus.add(cle)
        objets.append(
            TauxPriseEnCharge(
                arrete=arrete,
                contrat=ligne["contrat"],
                public=public,
                taux=taux,
                heures_max=int(ligne["heures_max"]),
                aci=public.code == CODE_PUBLIC_ACI,
            )
        )
    # The draft is locked above and every line checked: one INSERT for all of them (save() would re-check both).
    arrete.taux.all().delete()
    TauxPriseEnCharge.objects.bulk_create(objets)
    arrete._change_reason = f"{motif} : {len(objets)} taux de prise en charge"
    arrete.save()
    return len(objets)


@transaction.atomic
def preparer_remplacement(arrete: Arrete) -> Arrete:
    """A correction of a published arrêté is a new draft, with the same rates, that will replace it."""
    if arrete.statut != StatutArrete.PUBLIE:
        raise RegleArreteError("Seul un arrêté publié peut être remplacé.")
    nouveau = Arrete.objects.create(
        region=arrete.region,
        annee=arrete.annee,
        titre=arrete.titre,
        portee=arrete.portee,
        visas=f"{arrete.visas}\nVu l'arrêté préfectoral n° {arrete.numero} du {arrete.date_publication:%d/%m/%Y} ;",
        lieu_signature=arrete.lieu_signature,
        signataire=arrete.signataire,
    )
    for t in arrete.taux.select_related("public"):
        TauxPriseEnCharge(
            arrete=nouveau, contrat=t.contrat, public=t.public, taux=t.taux, heures_max=t.heures_max
        ).save()
    update_change_reason(nouveau, f"Préparé pour remplacer l'arrêté n° {arrete.numero}")
    return nouveau


# --- import of a rates file: deposit, check (synchronous or as a task), confirmation ------------------

SEUIL_VERIFICATION_ASYNCHRONE = 100 * 1024  # bytes: beyond, the check runs as a task and the page shows progress
# A task checks MAX_LIGNES rows in seconds: still « en cours » after this, its worker is gone (or its message lost).
DELAI_VERIFICATION_INTERROMPUE = timedelta(minutes=10)
# Beyond this, the periodic recovery stops retrying an interrupted check and fails it with an explanation.
DELAI_ABANDON_VERIFICATION = timedelta(hours=1)
MESSAGE_ABANDON = (
    "La vérification de ce fichier n'a pas abouti : elle a été interrompue à plusieurs reprises (service de "
    "vérification arrêté). Rien n'a été enregistré ; déposez le fichier à nouveau."
)


def index_publics() -> dict[str, tuple[str, str]]:
    index = {}
    for code, libelle in PublicPrioritaire.objects.filter(actif=True).values_list("code", "libelle"):
        index[normaliser(code)] = index[normaliser(libelle)] = (code, libelle)
    return index


def deposer_import(arrete: Arrete, nom_fichier: str, format_: str, contenu: bytes, auteur) -> ImportTaux:
    """Keep the file server-side and check it: now if small, else in a task (the preview polls its progress)."""
    if not arrete.modifiable:
        raise RegleArreteError("Un arrêté publié ne peut plus être modifié : prenez un nouvel arrêté qui le remplace.")
    with transaction.atomic():
        ImportTaux.objects.filter(arrete=arrete).exclude(statut=StatutImport.APPLIQUE).delete()
        depot = ImportTaux.objects.create(
            arrete=arrete, auteur=auteur, nom_fichier=nom_fichier[:200], format=format_, contenu=contenu
        )
        asynchrone = len(contenu) > SEUIL_VERIFICATION_ASYNCHRONE
        if asynchrone:
            # Broker down: the check runs here, after the commit (bounded: MAX_LIGNES rows, TAILLE_MAX_IMPORT).
            envoyer_tache(verifier_import_taux, depot.pk, si_injoignable=partial(verifier_import, depot.pk))
    if asynchrone:
        depot.refresh_from_db()
        return depot
    return verifier_import(depot.pk)


def verification_interrompue(depot: ImportTaux, maintenant: datetime | None = None) -> bool:
    """A check still « en cours » long after the deposit: its worker died, or no worker took it."""
    maintenant = maintenant or horloge.instant_reel()
    return depot.statut == StatutImport.EN_COURS and depot.cree_le < maintenant - DELAI_VERIFICATION_INTERROMPUE


def relancer_verification(depot: ImportTaux) -> ImportTaux:
    """Check an interrupted file again, in the request: it does not depend on a worker that failed once, and the
    file is bounded (``MAX_LIGNES`` rows, ``TAILLE_MAX_IMPORT`` bytes)."""
    depot = ImportTaux.objects.get(pk=depot.pk)
    if not verification_interrompue(depot):
        raise RegleArreteError("La vérification de ce fichier n'est pas interrompue : rien à relancer.")
    return verifier_import(depot.pk)


def reprendre_imports_interrompus(maintenant: datetime | None = None) -> dict[str, int]:
    """The periodic recovery (beat, ``arretes.reprendre_imports``): every check still « en cours » after
    ``DELAI_VERIFICATION_INTERROMPUE`` is resumed here (bounded by ``importation.bornes()``), and one still there
    after ``DELAI_ABANDON_VERIFICATION`` is failed with a French explanation and its file dropped. Idempotent."""
    maintenant = maintenant or horloge.instant_reel()
    en_cours = ImportTaux.objects.filter(statut=StatutImport.EN_COURS)
    abandonnes = en_cours.filter(cree_le__lt=maintenant - DELAI_ABANDON_VERIFICATION).update(
        statut=StatutImport.INVALIDE, erreurs_fichier=[MESSAGE_ABANDON], contenu=b"", lignes=[]
    )
    repris = 0
    for pk in en_cours.filter(cree_le__lt=maintenant - DELAI_VERIFICATION_INTERROMPUE).values_list("pk", flat=True):
        verifier_import(pk)
        repris += 1
    return {"repris": repris, "abandonnes": abandonnes}


def verifier_import(pk: int) -> ImportTaux:
    """Read and check every row of a deposited file; writes no rate. Idempotent (a retried task does nothing)."""
    depot = ImportTaux.objects.select_related("arrete").get(pk=pk)
    if depot.statut != StatutImport.EN_COURS:
        return depot
    try:
        entete, lignes = lire_tableau(depot.format, bytes(depot.contenu))
        noms = colonnes(entete)
        if not lignes:
            raise ErreurFichier("Le fichier ne contient que l'en-tête : ajoutez une ligne par taux.")
    except ErreurFichier as exc:
        depot.erreurs_fichier = [str(exc)]
        depot.statut = StatutImport.INVALIDE
        depot.contenu = b""
        depot.save()
        return depot
    depot.total = len(lignes)
    depot.save(update_fields=["total"])

    def progression(traitees: int) -> None:
        ImportTaux.objects.filter(pk=pk).update(traitees=traitees)

    depot.lignes = verifier_lignes(noms, lignes, index_publics(), depot.arrete.avec_cie, progression)
    depot.traitees = depot.total
    depot.contenu = b""
    depot.statut = StatutImport.INVALIDE if any(ligne["erreurs"] for ligne in depot.lignes) else StatutImport.VALIDE
    depot.save()
    return depot


@transaction.atomic
def confirmer_import(depot: ImportTaux) -> int:
    """Write the rates of a checked file, all or nothing: the rates of the draft are replaced by the file's."""
    depot = ImportTaux.objects.select_for_update().select_related("arrete").get(pk=depot.pk)
    if depot.statut != StatutImport.VALIDE:
        raise RegleArreteError("Ce fichier n'est pas prêt à être enregistré : corrigez-le et déposez-le à nouveau.")
    nombre = remplacer_taux(depot.arrete, [ligne["donnees"] for ligne in depot.lignes])
    depot.statut = StatutImport.APPLIQUE
    depot.save(update_fields=["statut"])
    return nombre


@transaction.atomic
def supprimer_brouillon(arrete: Arrete, auteur=None) -> None:
    """Delete a draft arrêté with its rates and its imports of rates; a published arrêté is never deleted (it is
    replaced by a new one). The deletion stays in the history with its author."""
    arrete = Arrete.objects.select_for_update().get(pk=arrete.pk)
    if arrete.statut != StatutArrete.BROUILLON:
        raise RegleArreteError("Un arrêté publié ne se supprime pas : préparez un arrêté modificatif qui le remplace.")
    arrete.imports.all().delete()
    arrete.taux.all().delete()
    if auteur is not None:
        arrete._history_user = auteur
    arrete._change_reason = "Brouillon supprimé"
    arrete.delete()
