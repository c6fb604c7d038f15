"""Matrix lines of the CAE-jeunes programme (issue 6; demo: tableau_de_bord/demo.py).

Demo data: for the latest fortnight due, Île-de-France transmitted its bilan on time and Nord-Pas-de-Calais
late; operators, agreements, credits, payment requests and comités in both regions. A draft bilan of the
current fortnight is opened by the cases.

Rules: prescripteurs and conseils généraux have no page of the programme (403). A region reads and writes its
own region only (another region: 404). The DGEFP (national) reads everything, writes nothing (403) except
marking a transmitted bilan as read with a comment. Administrators may do everything.
"""

from tests.matrice.cas import Cas, tous_sauf

HORS_PROGRAMME = {"prescripteur": 403, "prescripteur_nord": 403, "cg93": 403, "cg59": 403}
PROGRAMME = {**tous_sauf(200), **HORS_PROGRAMME}
NATIONAL = {**tous_sauf(403), "national": 200, "admin": 200}


def _lecture(region: str) -> dict:
    """Read a page or an object of a region: its regional roles, national and admin; the other region 404."""
    autre = "_nord" if region == "idf" else ""
    propre = "" if region == "idf" else "_nord"
    return {
        **tous_sauf(200),
        **HORS_PROGRAMME,
        f"correspondant{autre}": 404,
        f"gestionnaire{autre}": 404,
        f"correspondant{propre}": 200,
        f"gestionnaire{propre}": 200,
    }


def _ecriture(region: str, succes: int) -> dict:
    """Write in a region: its correspondents and gestionnaires (and admin); national 403; the other region 404."""
    attendu = _lecture(region)
    propre = "" if region == "idf" else "_nord"
    attendu.update({f"correspondant{propre}": succes, f"gestionnaire{propre}": succes, "admin": succes})
    attendu["national"] = 403
    return attendu


def _region(code: str):
    def kwargs(ctx):
        from referentiels.models import Region

        return {"pk": Region.objects.get(code_insee=code).pk}

    return kwargs


IDF, NPDC = _region("11"), _region("31")


def _bilan_transmis(code: str):
    """The region's latest transmitted bilan (the demo has a draft of the fortnight in progress in the Nord)."""

    def kwargs(ctx):
        from tableau_de_bord.models import BilanEtape

        bilan = (
            BilanEtape.objects.filter(region__code_insee=code)
            .exclude(statut="brouillon")
            .order_by("-quinzaine__date_debut")
            .first()
        )
        assert bilan is not None
        return {"pk": bilan.pk}

    return kwargs


def _bilan_au_statut(code: str, statut: str):
    """A bilan of the region at ``statut`` (« soumis »: transmitted, not read; « lu »: read by the DGEFP), made
    from its latest transmitted one in the test's transaction."""

    def kwargs(ctx):
        from tableau_de_bord.models import BilanEtape

        bilan = BilanEtape.objects.get(pk=_bilan_transmis(code)(ctx)["pk"])
        if bilan.statut != statut:
            bilan.statut = statut
            bilan.lu_le = bilan.lu_le or bilan.soumis_le
            bilan.save()
        return {"pk": bilan.pk}

    return kwargs


def _bilan_brouillon(code: str):
    """The region's bilan of the current fortnight, opened as a draft."""

    def kwargs(ctx):
        from django.utils import timezone

        from referentiels.models import Region
        from tableau_de_bord.services import ouvrir_bilan, quinzaine_du

        bilan = ouvrir_bilan(Region.objects.get(code_insee=code), quinzaine_du(timezone.localdate()))
        assert bilan.statut == "brouillon"
        return {"pk": bilan.pk}

    return kwargs


def _demande(code: str):
    def kwargs(ctx):
        from tableau_de_bord.models import DemandePaiement

        demande = DemandePaiement.objects.filter(convention__operateur__region__code_insee=code).first()
        return {"pk": demande.convention.operateur.region_id, "demande": demande.pk}

    return kwargs


def _convention_d_une_autre_region(ctx):
    from tableau_de_bord.models import ConventionOperateur

    convention = ConventionOperateur.objects.filter(operateur__region__code_insee="31").first()
    return {"convention": convention.pk, "montant": "100", "compte_rendu_recu_le": "2010-02-01"}


LECTURE_MIP = lambda ctx: {"commentaire_mip": "Bilan lu, merci."}  # noqa: E731
CONFIRME = lambda ctx: {"confirme": "1"}  # noqa: E731  (cui_portal.confirmation: the confirmed POST)


def _comite(code_region: str) -> dict:
    """A comité de pilotage of the demo in that region (tableau_de_bord/demo.py announces some)."""
    from tableau_de_bord.models import ComitePilotage

    return {"pk": ComitePilotage.objects.filter(region__code_insee=code_region).order_by("date").first().pk}


CAS = {
    "tableau_de_bord:accueil": [
        Cas("accueil du programme : vers le tableau régional ou national", attendu={**tous_sauf(302), **HORS_PROGRAMME})
    ],
    "tableau_de_bord:national": [Cas("tableau de bord national", attendu=NATIONAL)],
    # Budgets of the aid: the regions see their own line, the DGEFP every region; objectives: the DGEFP only.
    "tableau_de_bord:budgets": [Cas("budgets de l'aide", attendu=PROGRAMME)],
    "tableau_de_bord:budgets_xlsx": [Cas("budgets de l'aide (XLSX)", attendu=PROGRAMME)],
    "tableau_de_bord:budget_region": [
        Cas("budget de l'Île-de-France", kwargs=IDF, attendu=_lecture("idf")),
        Cas("budget du Nord-Pas-de-Calais", kwargs=NPDC, attendu=_lecture("npdc")),
    ],
    "tableau_de_bord:objectifs": [
        Cas("objectifs et enveloppes des régions", attendu=NATIONAL),
        Cas(
            "objectifs : année invalide refusée sans rien écrire",
            methode="post",
            donnees=lambda ctx: {"annee": "0"},
            attendu={**NATIONAL, "national": 302, "admin": 302},
        ),
    ],
    "tableau_de_bord:national_xlsx": [Cas("tableau de bord national (XLSX)", attendu=NATIONAL)],
    "tableau_de_bord:national_pdf": [Cas("tableau de bord national (PDF)", attendu=NATIONAL)],
    "tableau_de_bord:regional": [
        Cas("tableau de bord de l'Île-de-France", kwargs=IDF, attendu=_lecture("idf")),
        Cas("tableau de bord du Nord-Pas-de-Calais", kwargs=NPDC, attendu=_lecture("npdc")),
    ],
    "tableau_de_bord:bilans": [Cas("liste des bilans d'étape", attendu=PROGRAMME)],
    "tableau_de_bord:bilan_quinzaine": [
        Cas(
            "bilan de la quinzaine de ma région (ouvert puis formulaire)",
            attendu={
                **tous_sauf(403),
                "correspondant": 302,
                "correspondant_nord": 302,
                "gestionnaire": 302,
                "gestionnaire_nord": 302,
            },
        )
    ],
    "tableau_de_bord:bilan": [
        Cas("bilan transmis de l'Île-de-France", kwargs=_bilan_transmis("11"), attendu=_lecture("idf")),
        Cas("bilan transmis du Nord-Pas-de-Calais", kwargs=_bilan_transmis("31"), attendu=_lecture("npdc")),
        Cas("bilan en brouillon du Nord-Pas-de-Calais", kwargs=_bilan_brouillon("31"), attendu=_lecture("npdc")),
    ],
    "tableau_de_bord:bilan_pdf": [
        Cas("PDF du bilan transmis de l'Île-de-France", kwargs=_bilan_transmis("11"), attendu=_lecture("idf")),
        Cas("PDF du brouillon du Nord-Pas-de-Calais", kwargs=_bilan_brouillon("31"), attendu=_lecture("npdc")),
    ],
    "tableau_de_bord:modifier_bilan": [
        Cas("modifier le brouillon de l'Île-de-France", kwargs=_bilan_brouillon("11"), attendu=_ecriture("idf", 200)),
        Cas(
            "modifier le brouillon du Nord-Pas-de-Calais",
            kwargs=_bilan_brouillon("31"),
            attendu=_ecriture("npdc", 200),
        ),
        Cas(
            "modifier un bilan transmis : retour au bilan",
            kwargs=_bilan_transmis("11"),
            attendu=_ecriture("idf", 302),
        ),
    ],
    "tableau_de_bord:transmettre_bilan": [
        Cas(
            "transmettre le brouillon de l'Île-de-France",
            kwargs=_bilan_brouillon("11"),
            methode="post",
            donnees=CONFIRME,
            attendu=_ecriture("idf", 302),
        ),
        Cas(
            "transmettre le brouillon du Nord-Pas-de-Calais",
            kwargs=_bilan_brouillon("31"),
            methode="post",
            donnees=CONFIRME,
            attendu=_ecriture("npdc", 302),
        ),
    ],
    "tableau_de_bord:rouvrir_bilan": [
        Cas(
            "rouvrir un bilan transmis d'Île-de-France : la région, tant que la DGEFP ne l'a pas lu",
            kwargs=_bilan_au_statut("11", "soumis"),
            methode="post",
            attendu=_ecriture("idf", 302),
        ),
        Cas(
            "rouvrir un bilan lu : jamais (une rectification datée)",
            kwargs=_bilan_au_statut("11", "lu"),
            methode="post",
            attendu=_ecriture("idf", 403),
        ),
    ],
    "tableau_de_bord:rectifier_bilan": [
        Cas(
            "rectifier un bilan lu d'Île-de-France",
            kwargs=_bilan_au_statut("11", "lu"),
            methode="post",
            donnees=lambda ctx: {"texte": "Deux entrées comptées deux fois."},
            attendu=_ecriture("idf", 302),
        ),
    ],
    "tableau_de_bord:lire_bilan": [
        Cas(
            "marquer lu (et commenter) le bilan transmis du Nord-Pas-de-Calais : la DGEFP",
            kwargs=_bilan_transmis("31"),
            methode="post",
            donnees=LECTURE_MIP,
            attendu={
                **_lecture("npdc"),
                "correspondant_nord": 403,
                "gestionnaire_nord": 403,
                "national": 302,
                "admin": 302,
            },
        ),
        Cas(
            "marquer lu le bilan transmis de l'Île-de-France",
            kwargs=_bilan_transmis("11"),
            methode="post",
            donnees=LECTURE_MIP,
            attendu={**_lecture("idf"), "correspondant": 403, "gestionnaire": 403, "national": 302, "admin": 302},
        ),
    ],
    "tableau_de_bord:operateurs": [
        Cas(
            "opérateurs : la région va à sa page, la DGEFP voit toutes les régions",
            attendu={
                **PROGRAMME,
                "correspondant": 302,
                "correspondant_nord": 302,
                "gestionnaire": 302,
                "gestionnaire_nord": 302,
            },
        )
    ],
    "tableau_de_bord:operateurs_region": [
        Cas("opérateurs de l'Île-de-France", kwargs=IDF, attendu=_lecture("idf")),
        Cas("opérateurs du Nord-Pas-de-Calais", kwargs=NPDC, attendu=_lecture("npdc")),
    ],
    "tableau_de_bord:ajouter_operateur": [
        Cas("ajouter un opérateur en Île-de-France", kwargs=IDF, attendu=_ecriture("idf", 200)),
        Cas("ajouter un opérateur en Nord-Pas-de-Calais", kwargs=NPDC, attendu=_ecriture("npdc", 200)),
    ],
    "tableau_de_bord:ajouter_convention": [
        Cas("convention avec un opérateur, Île-de-France", kwargs=IDF, attendu=_ecriture("idf", 200)),
        Cas("convention avec un opérateur, Nord-Pas-de-Calais", kwargs=NPDC, attendu=_ecriture("npdc", 200)),
    ],
    "tableau_de_bord:ajouter_credit": [
        Cas("crédits d'ingénierie, Île-de-France", kwargs=IDF, attendu=_ecriture("idf", 200)),
        Cas("crédits d'ingénierie, Nord-Pas-de-Calais", kwargs=NPDC, attendu=_ecriture("npdc", 200)),
    ],
    "tableau_de_bord:ajouter_demande": [
        Cas("demande de paiement, Île-de-France", kwargs=IDF, attendu=_ecriture("idf", 200)),
        Cas("demande de paiement, Nord-Pas-de-Calais", kwargs=NPDC, attendu=_ecriture("npdc", 200)),
        Cas(
            "demande de paiement invalide (formulaire réaffiché), Île-de-France",
            kwargs=IDF,
            methode="post",
            donnees=lambda ctx: {"montant": "abc"},
            attendu=_ecriture("idf", 200),
        ),
        Cas(
            "demande de paiement en Île-de-France sur une convention du Nord-Pas-de-Calais : refusée au champ",
            kwargs=IDF,
            methode="post",
            donnees=_convention_d_une_autre_region,
            attendu=_ecriture("idf", 200),
        ),
    ],
    "tableau_de_bord:modifier_demande": [
        Cas("suivre une demande de paiement d'Île-de-France", kwargs=_demande("11"), attendu=_ecriture("idf", 200)),
        Cas(
            "suivre une demande de paiement du Nord-Pas-de-Calais",
            kwargs=_demande("31"),
            attendu=_ecriture("npdc", 200),
        ),
        Cas(
            "une demande du Nord-Pas-de-Calais sous l'adresse de l'Île-de-France",
            kwargs=lambda ctx: {**_demande("31")(ctx), "pk": IDF(ctx)["pk"]},
            attendu={**_ecriture("idf", 404), "national": 404},
        ),
    ],
    "tableau_de_bord:comites": [Cas("comités de pilotage", attendu=PROGRAMME)],
    "tableau_de_bord:ajouter_comite": [
        Cas("annoncer un comité en Île-de-France", kwargs=IDF, attendu=_ecriture("idf", 200)),
        Cas("annoncer un comité en Nord-Pas-de-Calais", kwargs=NPDC, attendu=_ecriture("npdc", 200)),
    ],
    "tableau_de_bord:modifier_comite": [
        Cas("modifier un comité d'Île-de-France", kwargs=lambda ctx: _comite("11"), attendu=_ecriture("idf", 200)),
        Cas(
            "modifier un comité du Nord-Pas-de-Calais",
            kwargs=lambda ctx: _comite("31"),
            attendu=_ecriture("npdc", 200),
        ),
    ],
    "tableau_de_bord:annuler_comite": [
        Cas("annuler un comité d'Île-de-France", kwargs=lambda ctx: _comite("11"), attendu=_ecriture("idf", 200)),
    ],
    "tableau_de_bord:api_indicateurs": [
        Cas(
            "API JSON des indicateurs (pas de redirection pour un client d'API)",
            attendu=PROGRAMME,
            anonyme=403,
        )
    ],
}
