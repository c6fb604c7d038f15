"""Writes of the CAE-jeunes programme: calendar, bilans d'étape (with optimistic locking), reading by the DGEFP."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from cui_portal import horloge

from . import regles
from .models import BilanEtape, Fonction, LigneBilan, Quinzaine, StatutBilan

CHAMPS_LIGNE = ("operateur_id", "objectifs", "calendrier", "freins", "points_particuliers")


class ConflitVersion(Exception):
    """Someone else saved the bilan since the form was opened: ``actuel`` is the bilan as it is now."""

    def __init__(self, actuel: BilanEtape):
        self.actuel = actuel
        auteur = actuel.modifie_par.get_full_name() if actuel.modifie_par else "une autre personne"
        quand = timezone.localtime(actuel.modifie_le).strftime("%H:%M") if actuel.modifie_le else "—"
        super().__init__(
            f"Ce bilan a été modifié par {auteur} à {quand} pendant que vous le remplissiez. "
            "Votre saisie est conservée ci-dessous ; comparez-la avec la version enregistrée, puis enregistrez "
            "à nouveau pour la remplacer."
        )


class BilanNonModifiable(Exception):
    pass


def generer_quinzaines(annee: int) -> int:
    """Create the 24 fortnights of ``annee`` (idempotent); returns how many were created."""
    crees = 0
    for p in regles.quinzaines_de_l_annee(annee):
        _, cree = Quinzaine.objects.get_or_create(
            date_debut=p.date_debut,
            defaults={"annee": p.annee, "numero": p.numero, "date_fin": p.date_fin, "date_echeance": p.date_echeance},
        )
        crees += cree
    return crees


def quinzaine_du(jour: date) -> Quinzaine:
    """The fortnight containing ``jour``, its year's calendar created on first use."""
    debut = regles.debut_quinzaine(jour)
    quinzaine = Quinzaine.objects.filter(date_debut=debut).first()
    if quinzaine is None:
        generer_quinzaines(jour.year)
        quinzaine = Quinzaine.objects.get(date_debut=debut)
    return quinzaine


@transaction.atomic
def quinzaine_a_remplir(region, jour: date) -> Quinzaine:
    """The fortnight whose bilan the region fills on ``jour`` (``regles.quinzaine_a_remplir``)."""
    precedente = regles.quinzaine_precedente(jour)
    transmise = BilanEtape.objects.filter(
        region=region, quinzaine__date_debut=precedente.date_debut, statut__in=[StatutBilan.SOUMIS, StatutBilan.LU]
    ).exists()
    return quinzaine_du(regles.quinzaine_a_remplir(jour, transmise).date_debut)


def ouvrir_bilan(region, quinzaine: Quinzaine, par=None) -> BilanEtape:
    """The region's bilan for ``quinzaine``; a new one starts from the text of the region's previous bilan."""
    bilan, cree = BilanEtape.objects.get_or_create(region=region, quinzaine=quinzaine, defaults={"cree_par": par})
    if not cree:
        return bilan
    precedent = (
        BilanEtape.objects.filter(region=region, quinzaine__date_debut__lt=quinzaine.date_debut)
        .order_by("-quinzaine__date_debut")
        .first()
    )
    anciennes = {ligne.fonction: ligne for ligne in precedent.lignes.all()} if precedent else {}
    for fonction in Fonction.values:
        ancienne = anciennes.get(fonction)
        valeurs = {champ: getattr(ancienne, champ) for champ in CHAMPS_LIGNE} if ancienne else {}
        LigneBilan.objects.create(bilan=bilan, fonction=fonction, **valeurs)
    return bilan


def lignes_ordonnees(bilan: BilanEtape) -> list[LigneBilan]:
    """The six rows in the order of Annexe 1 (missing rows are created empty)."""
    existantes = {ligne.fonction: ligne for ligne in bilan.lignes.select_related("operateur__organisation")}
    lignes = []
    for fonction in Fonction.values:
        ligne = existantes.get(fonction)
        if ligne is None:
            ligne = LigneBilan.objects.create(bilan=bilan, fonction=fonction)
        lignes.append(ligne)
    return lignes


@transaction.atomic
def enregistrer_bilan(bilan: BilanEtape, version: int, valeurs: dict[str, dict], par) -> BilanEtape:
    """Save the rows typed in a form opened at ``version``. ``valeurs``: {fonction: {champ: valeur}}.

    The bilan row is updated only if nobody saved it since (``version`` unchanged); otherwise ``ConflitVersion``
    and nothing is written.
    """
    maintenant = horloge.instant_reel()  # the version's timestamp, beside auto_now fields
    ecrits = BilanEtape.objects.filter(pk=bilan.pk, version=version, statut=StatutBilan.BROUILLON).update(
        version=version + 1, modifie_par=par, modifie_le=maintenant
    )
    if not ecrits:
        actuel = BilanEtape.objects.select_related("modifie_par", "quinzaine", "region").get(pk=bilan.pk)
        if actuel.statut != StatutBilan.BROUILLON:
            raise BilanNonModifiable("Ce bilan a été transmis à la DGEFP : il n'est plus modifiable.")
        raise ConflitVersion(actuel)
    bilan.refresh_from_db()
    # A history entry for the bilan itself (update() above bypasses simple_history).
    bilan.save(update_fields=["modifie_le"])
    for ligne in bilan.lignes.all():
        nouvelles = valeurs.get(ligne.fonction)
        if nouvelles is None:
            continue
        changes = [c for c in CHAMPS_LIGNE if c in nouvelles and getattr(ligne, c) != nouvelles[c]]
        if changes:
            for champ in changes:
                setattr(ligne, champ, nouvelles[champ])
            ligne.save(update_fields=changes)
    return bilan


@transaction.atomic
def soumettre_bilan(bilan: BilanEtape, par) -> BilanEtape:
    bilan = BilanEtape.objects.select_for_update().get(pk=bilan.pk)
    if bilan.statut != StatutBilan.BROUILLON:
        raise BilanNonModifiable("Ce bilan a déjà été transmis à la DGEFP.")
    bilan.statut = StatutBilan.SOUMIS
    if bilan.soumis_le is None:  # a bilan reopened for correction keeps the date it was first transmitted
        bilan.soumis_le, bilan.soumis_par = horloge.maintenant(), par
    bilan._history_user = par
    bilan.version += 1
    bilan.save()
    return bilan


@transaction.atomic
def marquer_lu(bilan: BilanEtape, par, commentaire: str = "") -> BilanEtape:
    """The MIP correspondent (or any national user) reads a submitted bilan and may comment on it."""
    bilan = BilanEtape.objects.select_for_update().get(pk=bilan.pk)
    if bilan.statut == StatutBilan.BROUILLON:
        raise BilanNonModifiable("Un brouillon ne peut pas être marqué comme lu : il n'a pas été transmis.")
    bilan.statut = StatutBilan.LU
    if bilan.lu_le is None:
        bilan.lu_le = horloge.maintenant()
        bilan.lu_par = par
    bilan.commentaire_mip = commentaire
    bilan.save()
    return bilan


class ErreursComite(ValueError):
    def __init__(self, erreurs: dict[str, str]):
        super().__init__(" ".join(erreurs.values()))
        self.erreurs = erreurs


@transaction.atomic
def annuler_comite(comite, *, motif: str, auteur=None):
    """Cancel a comité de pilotage: it stays in the calendar, marked cancelled with its reason and its author."""
    from .models_operateurs import ComitePilotage

    comite = ComitePilotage.objects.select_for_update().get(pk=comite.pk)
    motif = (motif or "").strip()
    if erreurs := regles.verifier_annulation_comite(comite.annule, motif):
        raise ErreursComite(erreurs)
    comite.annule_le, comite.motif_annulation = horloge.aujourdhui(), motif
    comite._history_user = auteur
    comite._change_reason = "Comité de pilotage annulé"
    comite.save()
    return comite


@transaction.atomic
def rouvrir_bilan(bilan: BilanEtape, par) -> BilanEtape:
    """A transmitted bilan goes back to a draft for correction, as long as the DGEFP has not read it; it keeps the
    date of its first transmission (its deadline was met then). The history says who reopened it."""
    bilan = BilanEtape.objects.select_for_update().get(pk=bilan.pk)
    if bilan.statut == StatutBilan.LU:
        raise BilanNonModifiable("La DGEFP a lu ce bilan : il ne se rouvre plus, ajoutez une rectification datée.")
    if bilan.statut != StatutBilan.SOUMIS:
        raise BilanNonModifiable("Ce bilan n'est pas transmis : il se complète directement.")
    bilan.statut = StatutBilan.BROUILLON
    bilan.version += 1
    bilan.modifie_le, bilan.modifie_par = horloge.maintenant(), par
    bilan._history_user = par
    bilan._change_reason = "Bilan rouvert pour correction"
    bilan.save()
    return bilan


@transaction.atomic
def rectifier_bilan(bilan: BilanEtape, texte: str, par):
    """A dated rectification of a bilan the DGEFP has read."""
    from .models import RectificationBilan

    bilan = BilanEtape.objects.select_for_update().get(pk=bilan.pk)
    if bilan.statut != StatutBilan.LU:
        raise BilanNonModifiable("Seul un bilan lu par la DGEFP reçoit une rectification : rouvrez-le plutôt.")
    texte = (texte or "").strip()
    if not texte:
        raise BilanNonModifiable("Indiquez ce que la rectification corrige.")
    rectification = RectificationBilan(bilan=bilan, date=horloge.aujourdhui(), texte=texte, auteur=par)
    rectification._history_user = par
    rectification.save()
    return rectification
