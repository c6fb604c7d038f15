"""Demo conventions 2010 (about 40) across the demo prescripteurs, through the services so that the aid is the
law's: CAE and CIE, CAE-jeunes with immersion periods, RSA co-financed in Seine-Saint-Denis (CAOM signed) and
Nord (exceptional mode), the others by the State alone, various statuses and their schedules of the aid, one
renewal, a suspension and its resumption, three ruptures (one outside the legal cases, one declared late in
November 2010 so that the demonstration's month has a late declaration to tell), an avenant from mid-month, one
convention annulled by the region (entered twice by mistake).
Runs after ``arretes.demo`` and ``caom.demo``. Idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from caom.regles import regime_au
from comptes.demo import au_jour_de_la_demonstration
from droit.vocabulaire import Financement
from referentiels import identifiants
from referentiels.models import Departement, PublicPrioritaire

from .models import Convention, MotifRupture, MotifSuspension
from .models_parties import Employeur
from .regles.base import RegleConventionError
from .regles.duree import date_fin_pour
from .services import aide, annulation, conclusion, evenements, parties

JOUR_DE_LA_DEMO = date(2010, 9, 15)
PRESCRIPTEURS = [
    # organisation, département, account acting
    ("pe_paris", "75", "prescripteur@demo.cui.fr"),
    ("ml_paris", "75", "multi@demo.cui.fr"),
    ("pe_bobigny", "93", "admin@demo.cui.fr"),
    ("pe_lille", "59", "prescripteur.nord@demo.cui.fr"),
    ("ml_roubaix", "59", "admin@demo.cui.fr"),
]
EMPLOYEURS = [
    # département, raison sociale, statut, NAF, adresse, code postal, commune
    ("75", "Association Solidarité Belleville", "association", "8899B", "12 rue de Belleville", "75020", "Paris"),
    (
        "75",
        "Mairie du 19e arrondissement",
        "collectivite_territoriale",
        "8411Z",
        "5 place Armand-Carrel",
        "75019",
        "Paris",
    ),
    ("75", "Boulangerie du Canal", "entreprise", "1071C", "48 quai de Valmy", "75010", "Paris"),
    ("93", "Ressourcerie de Bobigny (ACI)", "aci", "3832Z", "7 rue de l'Étoile", "93000", "Bobigny"),
    ("93", "Ville de Bobigny", "collectivite_territoriale", "8411Z", "31 avenue Salvador-Allende", "93000", "Bobigny"),
    ("93", "Transports Est Logistique", "entreprise", "4941A", "2 rue de la Logistique", "93000", "Bobigny"),
    ("59", "Les Jardins de Lille (ACI)", "aci", "0113Z", "80 rue du Faubourg-de-Roubaix", "59000", "Lille"),
    ("59", "Centre social de Roubaix", "association", "8899B", "15 boulevard de Fourmies", "59100", "Roubaix"),
    ("59", "Menuiserie Flandres", "entreprise", "1623Z", "9 rue de Tournai", "59200", "Tourcoing"),
]
# The post of each employer's conventions: job title and its ROME code (Cerfa n° 13998*01)
POSTES = [
    ("Agent d'accueil", "M1601"),
    ("Agent d'entretien des espaces verts", "A1203"),
    ("Vendeur en boulangerie", "D1106"),
    ("Valoriste", "K2304"),
    ("Agent de propreté urbaine", "K2303"),
    ("Préparateur de commandes", "N1103"),
    ("Maraîcher", "A1414"),
    ("Animateur socioculturel", "K1206"),
    ("Menuisier d'agencement", "H2206"),
]
PRENOMS = ["Karim", "Julie", "Moussa", "Sophie", "Thomas", "Aïcha", "Kevin", "Nadia", "Lucas", "Fatou"]
NOMS = ["Bernard", "Dubois", "Traoré", "Lefebvre", "Moreau", "Benali", "Girard", "Diallo", "Roux", "Fontaine"]


def _siret(n: int) -> str:
    return identifiants.siret(41200000 + n * 7)


def _nir(n: int, naissance: date, sexe: int) -> str:
    return identifiants.nir(sexe, naissance.year, naissance.month, "75", commune=100 + n, ordre=200 + n)


CHAMPS_EMPLOYEUR = (
    "raison_sociale",
    "statut_juridique",
    "code_naf",
    "departement",
    "contact_nom",
    "adresse",
    "code_postal",
    "commune",
    "numero_urssaf_msa",
    "assurance_chomage",
    "numero_annexe_financiere",
)


def _employeurs() -> dict[str, list[Employeur]]:
    """The employers as each prescripteur types them (models, not saved: every convention gets its own record)."""
    par_dep: dict[str, list[Employeur]] = {}
    for i, (code, nom, statut, naf, adresse, code_postal, commune) in enumerate(EMPLOYEURS):
        employeur = Employeur(
            siret=_siret(i),
            raison_sociale=nom,
            statut_juridique=statut,
            code_naf=naf,
            departement=Departement.objects.get(code=code),
            contact_nom=f"{PRENOMS[i]} {NOMS[-i - 1]}",
            adresse=adresse,
            code_postal=code_postal,
            commune=commune,
            numero_urssaf_msa=f"{code}{i + 1:03d}{41200000 + i * 7}",
            assurance_chomage="auto_assurance" if statut == "collectivite_territoriale" else "unedic",
            numero_annexe_financiere=f"AF-{code}-2010-{i + 1:03d}" if statut == "aci" else "",
        )
        par_dep.setdefault(code, []).append(employeur)
    return par_dep


def _employeur_de_la_convention(modele: Employeur, par) -> Employeur:
    return parties.nouvel_employeur(modele.siret, par=par, **{c: getattr(modele, c) for c in CHAMPS_EMPLOYEUR})


def _spec(i: int, alea: random.Random, dep_employeurs):
    """One convention's parameters (kind of person, employer, dates) from its rank."""
    organisation, code, compte = PRESCRIPTEURS[i % len(PRESCRIPTEURS)]
    jeune = organisation.startswith("ml_")
    rsa = code in ("93", "59") and not jeune and i % 3 == 0
    employeurs = dep_employeurs[code]
    if jeune:
        employeur = next(e for e in employeurs if e.statut_juridique in ("association", "collectivite_territoriale"))
    elif i % 4 == 3:
        employeur = next(e for e in employeurs if e.secteur == "marchand")
    else:
        employeur = employeurs[i % 2] if not rsa else employeurs[0]
    contrat = "CIE" if employeur.secteur == "marchand" else "CAE"
    conclusion = date(2009, 12, 3) + timedelta(days=alea.randint(0, 150))
    embauche = max(conclusion + timedelta(days=alea.randint(1, 20)), date(2010, 1, 4))
    mois = 12 if jeune or i % 5 == 0 else 6
    naissance = (
        date(1988 + i % 4, 1 + i % 12, 1 + i % 27) if jeune else date(1960 + (i * 3) % 25, 1 + i % 12, 1 + i % 27)
    )
    if employeur.est_aci:
        public = "salaries-aci"
    elif rsa:
        public = "beneficiaires-rsa"
    elif jeune:
        public = "jeunes-moins-26-ans"
    else:
        public = "demandeurs-emploi-longue-duree"
    heures_max = 26 if public in ("beneficiaires-rsa", "salaries-aci") and contrat == "CAE" else 20
    if contrat == "CIE":
        heures_max = 35 if i % 2 else 30
    return {
        "organisation": organisation,
        "compte": compte,
        "employeur": employeur,
        "contrat": contrat,
        "rsa": rsa,
        "jeune": jeune,
        "public": public,
        "conclusion": conclusion,
        "embauche": embauche,
        "fin": date_fin_pour(embauche, mois),
        "naissance": naissance,
        "heures": Decimal(heures_max),
    }


def _poste(i: int, s) -> dict:
    """The post, the typed actions and the employer's sworn statements of one convention (the Cerfa's boxes)."""
    employeur = s["employeur"]
    emploi, rome = POSTES[next(n for n, e in enumerate(EMPLOYEURS) if e[1] == employeur.raison_sociale)]
    cdd_court = i % 7 != 0 and s["fin"] < date_fin_pour(s["embauche"], 7)
    return {
        "emploi_intitule": emploi,
        "code_rome": rome,
        "salaire_horaire_brut": Decimal("8.86") if i % 3 else Decimal("9.20"),  # the SMIC of 2010, or above it
        "lieu_travail": f"{employeur.adresse}, {employeur.code_postal} {employeur.commune}",
        "periode_essai_jours": 30 if i % 7 == 0 else 14 if cdd_court else 21,
        "types_accompagnement": ["prise_de_poste", "evaluation"] if i % 2 else ["prise_de_poste", "projet"],
        "actions_accompagnement": "Entretiens mensuels avec le référent.",
        "types_formation": ["adaptation"] if i % 2 else ["remise_a_niveau", "prequalification"],
        "actions_formation": "Adaptation au poste de travail." if i % 2 else "Remise à niveau, préqualification.",
        "resultat_formation": "attestation" if i % 2 else "certification",
        "declaration_cotisations_a_jour": True,
        "declaration_sans_licenciement_economique": True,
        "declaration_sans_remplacement": True,
    }


def _financement(s) -> str:
    """Co-financed by the conseil général only under its CAOM signed (or under the exceptional mode the region
    recorded) on the conclusion day (L. 5134-19-4); before it, the State alone funds the RSA beneficiary."""
    if not s["rsa"]:
        return Financement.ETAT
    caom = aide.caom_de(s["employeur"].departement_id, s["embauche"].year)
    if caom is None or regime_au(caom.pour_le_cofinancement(), s["conclusion"]) is None:
        return Financement.ETAT
    return Financement.ETAT_CG


@au_jour_de_la_demonstration
def peupler(demo, stdout) -> None:
    if Convention.objects.filter(employeur__siret=_siret(0)).exists():
        stdout.write("Conventions : déjà présentes.\n")
        return
    alea = random.Random(2010)
    admin = demo.comptes.get("admin@demo.cui.fr")
    dep_employeurs = _employeurs()
    publics = {p.code: p for p in PublicPrioritaire.objects.all()}
    conclues, refusees = [], 0
    for i in range(40):
        s = _spec(i, alea, dep_employeurs)
        par = demo.comptes.get(s["compte"])
        salarie = parties.nouveau_salarie(
            _nir(i, s["naissance"], 1 + i % 2),
            par=par,
            civilite="m" if i % 2 == 0 else "mme",
            nom=NOMS[i % 10],
            prenom=PRENOMS[(i * 3) % 10],
            date_naissance=s["naissance"],
            niveau_formation=["V", "IV", "VI", "V_bis"][i % 4],
            nom_usage=NOMS[(i + 3) % 10] if i % 4 == 1 else "",
            inscrit_pole_emploi=True,
            inscrit_depuis=s["conclusion"] - timedelta(days=200 + 10 * i),
            identifiant_pole_emploi=f"{3100000 + i * 13}{'ABCDEFGHJK'[i % 10]}",
            beneficiaire_rsa=s["rsa"],
            numero_allocataire=f"93{i:06d}" if s["rsa"] else "",
            departement=s["employeur"].departement,
        )
        convention = conclusion.enregistrer_brouillon(
            par=par,
            type_contrat=s["contrat"],
            prescripteur=demo.organisations[s["organisation"]],
            employeur=_employeur_de_la_convention(s["employeur"], par),
            salarie=salarie,
            public=publics[s["public"]],
            financement=_financement(s),
            type_contrat_travail="CDI" if i % 7 == 0 else "CDD",
            date_fin_contrat_travail=None if i % 7 == 0 else s["fin"],
            date_embauche=s["embauche"],
            date_debut=s["embauche"],
            date_fin=s["fin"],
            duree_hebdo_travail=Decimal(26) if s["heures"] < 26 else s["heures"],
            duree_hebdo_prise_en_charge=s["heures"],
            **_poste(i, s),
            bilan_employeur_fourni=True,
            # A tutor of its own for each convention: a qualified volunteer employee with years of experience
            # (R. 5134-38, R. 5134-61); 40 distinct names, so no tutor follows more than three at once.
            tuteur_nom=f"{PRENOMS[i % 10]} {NOMS[(i // 10 + 5) % 10]}",
            tuteur_fonction="Responsable d'équipe" if i % 2 else "Encadrant technique",
            tuteur_volontaire=True,
            tuteur_experience_mois=36 + 6 * (i % 10),
        )
        if i in (38, 39):
            continue  # two drafts
        try:
            convention = conclusion.conclure(convention, par=par, date_conclusion=s["conclusion"])
        except RegleConventionError as exc:
            refusees += 1
            stdout.write(f"  convention de démonstration {i} refusée : {exc}\n")
            continue
        if s["jeune"] and convention.type_contrat == "CAE":
            debut = convention.date_debut + timedelta(days=60)
            evenements.ajouter_periode_immersion(
                convention,
                employeur_accueil="Supermarché du quartier" if i % 2 else "Garage Central",
                date_debut=debut,
                date_fin=debut + timedelta(days=13),
                objet="Découverte d'un métier de l'entreprise",
                par=par,
            )
        conclues.append((convention, par))
    _evenements(conclues)
    _annulation(conclues, demo)
    n = evenements.mettre_a_jour_statuts(JOUR_DE_LA_DEMO, par=admin)
    _rupture_declaree_en_retard(demo)
    stdout.write(
        f"Conventions : {len(conclues)} conclues, 2 brouillons, {refusees} refusées ; {n} statuts mis à jour au "
        f"{JOUR_DE_LA_DEMO:%d/%m/%Y}.\n"
    )


MOTIF_ANNULATION = "Saisie en double de la même embauche (signalée par le prescripteur) : la convention est annulée."


def _annulation(conclues, demo) -> None:
    """The region's gestionnaire annuls a convention of Pôle emploi Paris 19e entered by mistake (its page shows the
    « Annulée » badge and the reason; it counts in no figure)."""
    candidates = [
        c
        for c, _ in conclues
        if c.prescripteur_id == demo.organisations["pe_paris"].pk and c.financement == Financement.ETAT
    ]
    if candidates:
        annulation.annuler_convention(
            candidates[-1], motif=MOTIF_ANNULATION, par=demo.comptes.get("gestionnaire@demo.cui.fr")
        )


# A rupture on 12/11/2010 declared on 24/11/2010: 12 days after it, beyond the 7 days (R. 5134-44, R. 5134-65).
RUPTURE_TARDIVE, DECLARATION_TARDIVE = date(2010, 11, 12), date(2010, 11, 24)
COMPTE_DECLARANT = "prescripteur@demo.cui.fr"


def _rupture_declaree_en_retard(demo) -> None:
    """Pôle emploi Paris 19e (``prescripteur@demo.cui.fr``) declares late, in November 2010, the rupture of a
    convention still running (the employee left for a CDI: a legal case, no indu): the prescripteur and the
    region's gestionnaires are told of the late declaration (``rappels``, « Mes notifications »)."""
    convention = (
        Convention.objects.filter(
            prescripteur=demo.organisations["pe_paris"],
            statut="en_cours",
            date_debut__lt=RUPTURE_TARDIVE,
            date_suspension__isnull=True,
            avenants__isnull=True,
        )
        .order_by("-date_fin", "numero")  # the last to end: those ending soon stay on the prescripteur's home page
        .first()
    )
    if convention is not None:
        evenements.declarer_rupture(
            convention,
            date_rupture=RUPTURE_TARDIVE,
            motif=MotifRupture.EMBAUCHE,
            date_declaration=DECLARATION_TARDIVE,
            par=demo.comptes.get(COMPTE_DECLARANT),
        )


def _evenements(conclues) -> None:
    """One renewal, one suspension without pay and its resumption, one rupture declared late, one rupture outside
    the legal cases (its aid becomes an indu), one avenant lowering the hours from mid-month (a split month)."""
    six_mois = [(c, p) for c, p in conclues if c.duree_mois == 6 and c.date_debut < date(2010, 3, 1)]
    if six_mois:
        convention, par = six_mois[0]
        nouvelle_fin = date_fin_pour(convention.date_debut, 12)
        evenements.ajouter_avenant(
            convention,
            type="renouvellement",
            date=convention.date_fin - timedelta(days=20),
            date_effet=convention.date_fin + timedelta(days=1),
            par=par,
            date_fin=nouvelle_fin,
            date_fin_contrat_travail=nouvelle_fin if convention.date_fin_contrat_travail else None,
            bilan_employeur_fourni=True,
            motif="Poursuite du parcours : formation qualifiante engagée.",
        )
    if len(six_mois) > 2:
        convention, par = six_mois[1]
        jour = convention.date_debut + timedelta(days=45)
        evenements.declarer_suspension(
            convention,
            date_suspension=jour,
            motif=MotifSuspension.MALADIE,
            date_declaration=jour + timedelta(days=3),
            par=par,
        )
        evenements.lever_suspension(
            convention, date_reprise=jour + timedelta(days=10), date_declaration=jour + timedelta(days=11), par=par
        )
        convention, par = six_mois[2]
        jour = convention.date_debut + timedelta(days=70)
        evenements.declarer_rupture(
            convention,
            date_rupture=jour,
            motif=MotifRupture.EMBAUCHE,
            date_declaration=jour + timedelta(days=12),
            par=par,
        )
    if len(six_mois) > 4:
        convention, par = six_mois[3]
        jour = convention.date_debut + timedelta(days=100)
        evenements.declarer_rupture(
            convention,
            date_rupture=jour,
            motif=MotifRupture.HORS_CAS_LEGAUX,
            date_declaration=jour + timedelta(days=2),
            par=par,
        )
        convention, par = six_mois[4]
        evenements.ajouter_avenant(
            convention,
            type="modification",
            date=convention.date_debut + timedelta(days=50),
            date_effet=convention.date_debut + timedelta(days=60),
            duree_hebdo_prise_en_charge=convention.duree_hebdo_prise_en_charge - 2,
            motif="Réduction des heures prises en charge à la demande de l'employeur.",
            par=par,
        )
