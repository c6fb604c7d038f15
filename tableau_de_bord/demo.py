"""Demo data of the CAE-jeunes programme (idempotent).

The calendar of 2010 and of the current year; regional objectives (JPE 2010 split among the 26 regions, the
same split for the current year); operators, agreements, credits and payments and comités in
Île-de-France and Nord-Pas-de-Calais (one overdue, one due on the day, one due within a week); bilans: for the
fortnight the national dashboard shows by default (the latest one due), Île-de-France transmitted on time,
Nord-Pas-de-Calais late, the other regions nothing; for the fortnight of the day, a draft in Nord-Pas-de-Calais.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from comptes.demo import au_jour_de_la_demonstration
from cui_portal import horloge
from paiements.budgets import budgets_par_region
from referentiels.models import Organisation, Region, TypeOrganisation

from . import regles
from .models import (
    BilanEtape,
    ComitePilotage,
    ConventionOperateur,
    CreditIngenierie,
    DemandePaiement,
    Fonction,
    LigneBilan,
    NatureOperateur,
    ObjectifRegional,
    Operateur,
    StatutBilan,
)
from .services import generer_quinzaines, marquer_lu, quinzaine_du
from .services_indicateurs import rafraichir_indicateurs

# Weight of each region in the national programming (roughly its share of job seekers), by INSEE code.
POIDS = {
    "11": 170, "82": 90, "93": 85, "31": 80, "72": 50, "73": 45, "52": 45, "91": 45, "53": 38, "22": 30,
    "41": 33, "24": 35, "23": 26, "42": 25, "26": 22, "54": 24, "21": 20, "83": 18, "25": 18, "43": 15,
    "74": 9, "94": 5, "04": 22, "01": 10, "02": 10, "03": 5,
}  # fmt: skip
TOTAL_CAE, TOTAL_CIE = 360_000, 50_000
PART_CAE_JEUNES = Decimal("0.12")


def repartir(total: int, poids: dict[str, int]) -> dict[str, int]:
    """Split ``total`` in proportion to ``poids`` (largest remainders), so that the parts add up exactly."""
    somme = sum(poids.values())
    parts = {k: total * p // somme for k, p in poids.items()}
    restes = sorted(poids, key=lambda k: (total * poids[k] % somme, k), reverse=True)
    for k in restes[: total - sum(parts.values())]:
        parts[k] += 1
    return parts


def _objectifs(annees):
    cae, cie = repartir(TOTAL_CAE, POIDS), repartir(TOTAL_CIE, POIDS)
    for region in Region.objects.all():
        for annee in annees:
            ObjectifRegional.objects.update_or_create(
                region=region,
                annee=annee,
                defaults={
                    "objectif_cae": cae[region.code_insee],
                    "objectif_cie": cie[region.code_insee],
                    "objectif_cae_jeunes": int(cae[region.code_insee] * PART_CAE_JEUNES),
                },
            )


# The demo's State envelopes, as a share of what the region's conventions commit in 2010: Île-de-France has
# committed 93 % of its envelope (the 90 % alert shows), Nord-Pas-de-Calais 60 %.
PART_ENGAGEE_DE_L_ENVELOPPE = {"11": Decimal("0.93"), "31": Decimal("0.60")}


def _enveloppes(annee: int, jour: date) -> None:
    regions = {r.code_insee: r for r in Region.objects.filter(code_insee__in=PART_ENGAGEE_DE_L_ENVELOPPE)}
    budgets = budgets_par_region(annee, jour, [r.pk for r in regions.values()])
    for code, part in PART_ENGAGEE_DE_L_ENVELOPPE.items():
        engage = budgets[regions[code].pk].engage.etat
        if engage:
            enveloppe = (engage / part).quantize(Decimal("1"))
            ObjectifRegional.objects.filter(region=regions[code], annee=annee).update(enveloppe_etat=enveloppe)


def _operateur(region, nom, nature, organisation=None):
    if organisation is None:
        organisation, _ = Organisation.objects.get_or_create(
            type=TypeOrganisation.OPERATEUR, nom=nom, defaults={"region": region}
        )
    operateur, _ = Operateur.objects.get_or_create(
        region=region, organisation=organisation, defaults={"nature": nature}
    )
    return operateur


def _convention(operateur, objet, montant, signee_le, transmise_asp_le):
    convention, _ = ConventionOperateur.objects.get_or_create(
        operateur=operateur,
        objet=objet,
        defaults={"montant": Decimal(montant), "signee_le": signee_le, "transmise_asp_le": transmise_asp_le},
    )
    return convention


def _demande(convention, montant, compte_rendu, attestation, payee):
    demande = DemandePaiement.objects.filter(convention=convention, montant=Decimal(montant)).first()
    demande = demande or DemandePaiement(convention=convention, montant=Decimal(montant))
    demande.compte_rendu_recu_le, demande.attestation_recue_le, demande.payee_le = compte_rendu, attestation, payee
    demande.save()


TEXTE = {
    Fonction.PRESCRIPTION: (
        "Pôle emploi et missions locales",
        "1 200 CAE-jeunes d'ici juin",
        "Montée en charge conforme",
    ),
    Fonction.INFORMATION: ("CNFPT", "Réunions dans chaque département", "4 réunions tenues sur 8"),
    Fonction.PROSPECTION: ("Prestataire", "300 fiches de poste", "120 fiches rédigées"),
    Fonction.IMMERSION: ("Mission locale", "Une immersion par jeune", "Conventions d'immersion signées"),
    Fonction.ANIMATION: ("DIRECCTE", "Comité de pilotage mensuel", "Comité tenu"),
    Fonction.SORTIES: ("Pôle emploi", "Bilan à 9 mois", "À lancer"),
}
FREINS = {
    "11": {Fonction.IMMERSION: "Peu d'entreprises d'accueil dans le BTP ; délais de signature des conventions."},
    "31": {Fonction.PROSPECTION: "Manque de disponibilité des tuteurs dans les collectivités."},
}


COMMENTAIRE_DGEFP = (
    "Merci pour ce bilan. Précisez, pour la prochaine quinzaine, le calendrier des périodes d'immersion et le nombre "
    "de jeunes déjà orientés vers une formation qualifiante."
)


def _bilan(region, quinzaine, operateurs, soumis_le, par):
    bilan, _ = BilanEtape.objects.get_or_create(region=region, quinzaine=quinzaine, defaults={"cree_par": par})
    for fonction, (qui, objectifs, calendrier) in TEXTE.items():
        operateur = next((o for o in operateurs if qui.lower() in o.organisation.nom.lower()), None)
        LigneBilan.objects.update_or_create(
            bilan=bilan,
            fonction=fonction,
            defaults={
                "operateur": operateur,
                "objectifs": objectifs,
                "calendrier": calendrier,
                "freins": FREINS.get(region.code_insee, {}).get(fonction, ""),
            },
        )
    if soumis_le and bilan.statut == StatutBilan.BROUILLON:
        bilan.statut, bilan.soumis_le, bilan.soumis_par = StatutBilan.SOUMIS, soumis_le, par
        bilan.save()
    return bilan


def _a(jour: date, heure: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(heure)))


@au_jour_de_la_demonstration
def peupler(demo, stdout):
    aujourd_hui = horloge.aujourdhui()
    annees = sorted({2010, aujourd_hui.year})
    for annee in annees:
        generer_quinzaines(annee)
    _objectifs(annees)
    _enveloppes(2010, horloge.aujourdhui())

    idf, npdc = Region.objects.get(code_insee="11"), Region.objects.get(code_insee="31")
    comptes = demo.comptes
    claire, hugo = comptes.get("correspondant@demo.cui.fr"), comptes.get("correspondant.nord@demo.cui.fr")

    ops_idf = [
        _operateur(idf, "CNFPT – délégation Île-de-France", NatureOperateur.CNFPT),
        _operateur(idf, "", NatureOperateur.MISSION_LOCALE, demo.organisations["ml_paris"]),
        _operateur(idf, "Prestataire Insertion Conseil (marché public)", NatureOperateur.PRESTATAIRE),
    ]
    ops_npdc = [_operateur(npdc, "", NatureOperateur.MISSION_LOCALE, demo.organisations["ml_roubaix"])]

    c_cnfpt = _convention(
        ops_idf[0], "Information des collectivités territoriales", 45000, date(2009, 10, 15), date(2009, 10, 20)
    )
    c_ml = _convention(ops_idf[1], "Organisation des périodes d'immersion", 30000, date(2009, 11, 2), date(2009, 11, 5))
    _convention(ops_idf[2], "Prospection des entreprises et fiches de poste", 60000, date(2010, 1, 11), None)
    c_roubaix = _convention(
        ops_npdc[0], "Immersions et préparation des sorties", 38000, date(2009, 10, 26), date(2009, 10, 28)
    )
    for region, montant in ((idf, 250000), (npdc, 180000)):
        for annee in annees:
            CreditIngenierie.objects.update_or_create(
                region=region,
                annee=annee,
                defaults={"montant_notifie": Decimal(montant), "notifie_le": date(annee, 1, 15)},
            )
    _demande(c_cnfpt, 15000, date(2009, 12, 1), date(2009, 12, 4), date(2009, 12, 22))
    # Complete 40 days ago and unpaid: overdue (25 days).
    _demande(c_ml, 10000, aujourd_hui - timedelta(days=42), aujourd_hui - timedelta(days=40), None)
    _demande(c_cnfpt, 12000, aujourd_hui - timedelta(days=6), aujourd_hui - timedelta(days=5), None)
    _demande(c_roubaix, 9500, aujourd_hui - timedelta(days=3), None, None)
    # Complete 25 days ago: the ASP's deadline is today; complete 18 days ago: a week left.
    _demande(c_roubaix, 8200, aujourd_hui - timedelta(days=27), aujourd_hui - timedelta(days=25), None)
    _demande(c_roubaix, 6400, aujourd_hui - timedelta(days=19), aujourd_hui - timedelta(days=18), None)

    for region, jour, lieu in (
        (idf, aujourd_hui + timedelta(days=12), "Préfecture de région, Paris"),
        (npdc, aujourd_hui + timedelta(days=20), "DIRECCTE, Lille"),
        (idf, date(2010, 2, 9), "Préfecture de région, Paris"),
    ):
        ComitePilotage.objects.get_or_create(
            region=region,
            date=jour,
            defaults={
                "heure": time(14, 30),
                "lieu": lieu,
                "ordre_du_jour": "Montée en charge des CAE-jeunes ; périodes d'immersion ; paiement des opérateurs.",
                "participants": "DIRECCTE, Pôle emploi, missions locales, CNFPT, conseils généraux",
                "transmis_dgefp_le": min(jour, aujourd_hui) - timedelta(days=10),
            },
        )

    # 2010: a few bilans of Île-de-France, transmitted on time.
    for periode in regles.quinzaines_de_l_annee(2010)[:4]:
        _bilan(idf, quinzaine_du(periode.date_debut), ops_idf, _a(periode.date_fin), claire)
    # The fortnight the national dashboard shows by default: IDF on time, NPdC late, the others nothing.
    echue = regles.quinzaine_echue(aujourd_hui)
    quinzaine = quinzaine_du(echue.date_debut)
    _bilan(idf, quinzaine, ops_idf, _a(quinzaine.date_fin, 16), claire)
    bilan_npdc = _bilan(
        npdc, quinzaine, ops_npdc, _a(min(quinzaine.date_echeance + timedelta(days=1), aujourd_hui), 9), hugo
    )
    if bilan_npdc.statut == StatutBilan.SOUMIS and comptes.get("national@demo.cui.fr"):
        # Read and commented by the DGEFP: the region's correspondents are told (« Mes notifications »).
        marquer_lu(bilan_npdc, comptes["national@demo.cui.fr"], COMMENTAIRE_DGEFP)
    # The fortnight ending on the demonstration's day (due the next working day): Nord-Pas-de-Calais has started
    # its bilan, Île-de-France has not (its correspondent fills it from the home page).
    courante = quinzaine_du(aujourd_hui)
    if courante.date_debut > quinzaine.date_debut:
        _bilan(npdc, courante, ops_npdc, None, hugo)

    lignes = rafraichir_indicateurs()
    stdout.write(
        f"Tableau de bord CAE-jeunes : calendrier {', '.join(map(str, annees))}, {lignes} ligne(s) d'indicateurs."
    )
