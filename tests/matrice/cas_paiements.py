"""Matrix lines of the ASP's statements and the reconciliation (issue 14, item 3; demo: paiements/demo.py).

Demo data: one Île-de-France statement recorded (January to September 2010). The cases make a statement being
checked or ready to record in their own transaction.

Rules: the statements and the flagged months are for regional roles (their region) and national roles (every
region); prescripteurs and conseils généraux get 403. A statement of another region is a 404. Importing,
confirming and checking again: the region's gestionnaire and national roles (403 for the correspondent).
"""

from tests.matrice.cas import Cas, tous_sauf

LECTEURS = tous_sauf(
    403, correspondant=200, correspondant_nord=200, gestionnaire=200, gestionnaire_nord=200, national=200, admin=200
)
IMPORTATEURS = tous_sauf(403, gestionnaire=200, gestionnaire_nord=200, national=200, admin=200)
LECTEURS_IDF = {**LECTEURS, "correspondant_nord": 404, "gestionnaire_nord": 404}


def _ecriture_idf(succes: int) -> dict:
    return {**LECTEURS_IDF, "correspondant": 403, "gestionnaire": succes, "national": succes, "admin": succes}


def _releve(statut: str | None = None):
    def kwargs(ctx):
        from paiements.models import ReleveAsp
        from referentiels.models import Region

        if statut is None:
            return {"pk": ReleveAsp.objects.get(region__code_insee="11", statut="applique").pk}
        releve = ReleveAsp.objects.create(
            region=Region.objects.get(code_insee="11"),
            nom_fichier="releve.csv",
            format="csv",
            empreinte=statut * 8,
            statut=statut,
        )
        return {"pk": releve.pk}

    return kwargs


CAS = {
    "paiements:signalements": [
        Cas("mois signalés de la région (trop-perçus, impayés)", attendu=LECTEURS),
        Cas(
            "mois signalés : filtre des trop-perçus et d'une région",
            requete="signal=trop_percu&region=1",
            attendu=LECTEURS,
        ),
    ],
    "paiements:signalements_xlsx": [
        Cas("export XLSX des paiements signalés (mois, hors échéancier, conventions annulées)", attendu=LECTEURS),
        Cas(
            "export XLSX des paiements sur une convention annulée",
            requete="signal=convention_annulee",
            attendu=LECTEURS,
        ),
    ],
    "paiements:releves": [Cas("relevés de l'ASP de la région", attendu=LECTEURS)],
    "paiements:importer": [Cas("importer un relevé de l'ASP", attendu=IMPORTATEURS)],
    "paiements:modele": [Cas("modèle XLSX d'un relevé", attendu=IMPORTATEURS)],
    "paiements:apercu": [
        Cas("relevé enregistré d'Île-de-France", kwargs=_releve(), attendu=LECTEURS_IDF),
        Cas("relevé refusé d'Île-de-France", kwargs=_releve("invalide"), attendu=LECTEURS_IDF),
    ],
    "paiements:progression": [
        Cas("progression d'un relevé en cours (fragment htmx)", kwargs=_releve("en_cours"), attendu=LECTEURS_IDF)
    ],
    "paiements:confirmer": [
        Cas(
            "confirmer un relevé valide d'Île-de-France",
            kwargs=_releve("valide"),
            methode="post",
            attendu=_ecriture_idf(302),
        )
    ],
    "paiements:relancer": [
        Cas(
            "relancer un relevé en cours (refusé : pas interrompu, retour à l'aperçu)",
            kwargs=_releve("en_cours"),
            methode="post",
            attendu=_ecriture_idf(302),
        )
    ],
}
