"""Données nationales réalistes pour les mesures : organisations, établissements (SIRET), identités des salariés
(NIR), une fiche salarié et une fiche employeur par convention (un renouvellement recopie celles de la précédente
sur la même identité et le même établissement), conventions 2010–2014 et leurs échéanciers mois par mois
(``echeancier_sql``), arrêtés, CAOM, bilans d'étape et objectifs régionaux.

Les parts suivent la programmation 2010 (circulaire DGEFP 2009-42 et JPE 2010, voir ``DOMAIN.md``) : 88 % de CAE,
12 % de CIE ; CAE à 22 h en moyenne (26 h pour les minima sociaux, 20 h sinon), CIE à 33 h ; taux des arrêtés
(CAE ≈ 90 % : 95 % publics prioritaires, 105 % ACI ; CIE ≈ 30,7 %) ; durées CAE ≈ 8,25 mois, CIE ≈ 9,4 mois ;
environ 30 % des CAE sont des CAE-jeunes avec la rubrique immersion ; des renouvellements ; ≈ 8 % de conventions
de bénéficiaires du RSA cofinancées sous CAOM.

Les montants stockés (aide, parts État / conseil général, engagements) sont calculés par ``referentiels.aide``
(``aide_mensuelle``, ``contribution_cg_maximale``, ``repartir``), mis en cache par combinaison de valeurs : aucun
appel de service par ligne ; les engagements sont ensuite la somme de l'échéancier, comme dans le produit. Les
grandes tables sont écrites par ``COPY`` sur PostgreSQL, par ``executemany`` ailleurs (SQLite, petits volumes des
tests). Même ``n`` et même ``graine`` donnent les mêmes données.
"""

import bisect
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from referentiels.aide import contribution_cg_maximale

from .ecriture import Baremes, Table, _aide, _repartition, nir, prochain_id, recaler_sequences, siret

ANNEES = (2010, 2011, 2012, 2013, 2014)
MOT_DE_PASSE = "Mesure-CUI-2010!"
COMPTES = {
    "national": "mesure.national@bench.cui.fr",
    "prescripteur": "mesure.prescripteur@bench.cui.fr",
    "correspondant": "mesure.correspondant@bench.cui.fr",
    "admin": "mesure.admin@bench.cui.fr",
}
# Tables kept by ``vider`` (reference data loaded by the migrations, and Django's own bookkeeping).
TABLES_CONSERVEES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "referentiels_region",
    "referentiels_departement",
    "referentiels_correspondantmip",
    "referentiels_publicprioritaire",
    "referentiels_bareme",
    "referentiels_valeurbareme",
}
BASES_VIDABLES = {"cui_bench", "test_cui_bench"}


def base_vidable(nom: str) -> bool:
    """``cui_bench``, or a benchmark database of one worktree (``cui_<x>_bench``), or their test databases."""
    nom = nom.removeprefix("test_")
    return nom in BASES_VIDABLES or (nom.startswith("cui_") and nom.endswith("_bench"))


# Priority publics: share among CAE / CIE, arrêté rate for CAE / CIE, weekly hours taken in charge at most.
# CAE ≈ 90 % and CIE ≈ 31 % on average with these shares (JPE 2010).
PUBLICS = {
    #  code                            part CAE  part CIE  taux CAE  taux CIE  heures max
    "jeunes-moins-26-ans": (0.44, 0.25, 90, 30, 35),
    "demandeurs-emploi-longue-duree": (0.17, 0.33, 85, 28, 35),
    "beneficiaires-rsa": (0.08, 0.08, 95, 47, 26),
    "beneficiaires-ass": (0.04, 0.05, 95, 40, 26),
    "beneficiaires-aah": (0.03, 0.02, 95, 40, 26),
    "travailleurs-handicapes": (0.07, 0.06, 95, 47, 35),
    "seniors-50-ans": (0.08, 0.09, 95, 35, 35),
    "salaries-aci": (0.05, 0.00, 105, 0, 26),
    "autres-publics": (0.04, 0.12, 70, 15, 35),
}
MINIMA_SOCIAUX = {"beneficiaires-rsa", "beneficiaires-ass", "beneficiaires-aah"}
NOMS = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefevre",
    "Faure",
    "Andre",
    "Mercier",
    "Blanc",
    "Guerin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "Francois",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clement",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
]
PRENOMS_F = [
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Julie",
    "Sandrine",
    "Céline",
    "Aurélie",
    "Émilie",
    "Sarah",
    "Laura",
    "Camille",
    "Léa",
]
PRENOMS_M = [
    "Jean",
    "Philippe",
    "Nicolas",
    "Christophe",
    "Pierre",
    "Julien",
    "Thomas",
    "Kevin",
    "Maxime",
    "Alexandre",
    "Mehdi",
    "Lucas",
    "Hugo",
    "Karim",
]
STATUTS_CAE = (("collectivite_territoriale", 0.45), ("association", 0.40), ("etablissement_public", 0.15))
STATUTS_CIE = (("entreprise", 0.90), ("epic", 0.03), ("autre_marchand", 0.07))
MOTIFS_RUPTURE = ("embauche", "formation", "periode_essai", "accord_commun", "demission", "faute_grave")
NIVEAUX = ("I_II", "III", "IV", "V", "V_bis", "VI")


def _modele(app: str, nom: str):
    try:
        return apps.get_model(app, nom)
    except LookupError:
        return None


# --- the generator ----------------------------------------------------------------------------------


@dataclass
class Rapport:
    n: int
    graine: int
    lignes: dict[str, int] = field(default_factory=dict)
    durees: dict[str, float] = field(default_factory=dict)
    moyennes: dict[str, float] = field(default_factory=dict)

    @property
    def duree_totale(self) -> float:
        return sum(self.durees.values())


class Generateur:
    def __init__(self, n: int, graine: int = 2010, sortie=None):
        self.n = n
        self.graine = graine
        self.rng = random.Random(graine)
        self.sortie = sortie or sys.stdout
        self.rapport = Rapport(n, graine)
        self.now = timezone.now()

    def dire(self, texte: str):
        self.sortie.write(texte + "\n")
        self.sortie.flush()

    def etape(self, nom: str, fonction):
        debut = time.perf_counter()
        lignes = fonction()
        duree = time.perf_counter() - debut
        self.rapport.durees[nom] = round(duree, 2)
        self.rapport.lignes[nom] = lignes
        debit = f"{lignes / duree:,.0f} lignes/s".replace(",", " ") if duree > 0 else ""
        self.dire(f"  {nom:<28} {lignes:>10} lignes en {duree:7.1f} s  {debit}")

    def generer(self) -> Rapport:
        self.dire(f"Génération nationale : {self.n} conventions, graine {self.graine}, base {connection.vendor}.")
        Region = apps.get_model("referentiels", "Region")
        Departement = apps.get_model("referentiels", "Departement")
        self.regions = list(Region.objects.order_by("code_insee"))
        self.departements = list(Departement.objects.order_by("code"))
        if len(self.regions) != 26 or len(self.departements) != 100:
            raise RuntimeError("Les données de référence (26 régions, 100 départements) ne sont pas chargées.")
        self.publics = dict(apps.get_model("referentiels", "PublicPrioritaire").objects.values_list("code", "pk"))
        self.baremes = Baremes()
        # A département's weight (its share of the conventions) is drawn once: some are much bigger than others.
        poids = [self.rng.lognormvariate(0, 0.6) for _ in self.departements]
        total = sum(poids)
        self.poids = [p / total for p in poids]
        self.cumul_deps = []
        acc = 0.0
        for p in self.poids:
            acc += p
            self.cumul_deps.append(acc)
        with transaction.atomic():
            self.etape("organisations", self.organisations)
            self.etape("arrêtés et taux", self.arretes)
            self.etape("CAOM", self.caoms)
            self.etape("établissements", self.employeurs)
            self.etape("conventions et parties", self.conventions)
            self.etape("échéanciers", self.echeanciers)
            self.etape("bilans et objectifs", self.tableau_de_bord)
            self.etape("comptes de mesure", self.comptes)
        self.etape("indicateurs agrégés", self.indicateurs)
        self.etape("ANALYZE", self.analyser)
        self.dire(
            f"Terminé en {self.rapport.duree_totale:.1f} s "
            f"({self.n / max(self.rapport.duree_totale, 1e-9):,.0f} conventions/s).".replace(",", " ")
        )
        return self.rapport

    # organisations ---------------------------------------------------------------------------------

    def organisations(self) -> int:
        Organisation = apps.get_model("referentiels", "Organisation")
        existantes = set(Organisation.objects.values_list("type", "nom"))
        cg_existants = dict(Organisation.objects.filter(type="conseil_general").values_list("departement_id", "pk"))
        nouvelles = []

        def ajouter(type_, nom, region, dep=None):
            if (type_, nom) not in existantes:
                existantes.add((type_, nom))
                nouvelles.append(Organisation(type=type_, nom=nom, region_id=region, departement_id=dep))

        ajouter("dgefp", "DGEFP – Mission insertion professionnelle", None)
        for r in self.regions:
            ajouter("direccte", f"DIRECCTE {r.nom}", r.pk)
        for dep, p in zip(self.departements, self.poids, strict=True):
            for i in range(1, max(2, round(850 * p)) + 1):
                ajouter("pole_emploi", f"Pôle emploi {dep.nom} n° {i}", dep.region_id, dep.pk)
            for i in range(1, max(1, round(450 * p)) + 1):
                ajouter("mission_locale", f"Mission locale {dep.nom} n° {i}", dep.region_id, dep.pk)
            ajouter("cap_emploi", f"Cap emploi {dep.nom}", dep.region_id, dep.pk)
            if dep.pk not in cg_existants:
                ajouter("conseil_general", f"Conseil général {dep.code} – {dep.nom}", dep.region_id, dep.pk)
        Organisation.objects.bulk_create(nouvelles, batch_size=1000)
        self.prescripteurs = {}  # (dep_id, type) -> [organisation ids]
        for pk, type_, dep_id in (
            Organisation.objects.prescripteurs().order_by("pk").values_list("pk", "type", "departement_id")
        ):
            self.prescripteurs.setdefault((dep_id, type_), []).append(pk)
        self.dgefp = Organisation.objects.filter(type="dgefp").order_by("pk").first()
        self.direccte = dict(Organisation.objects.filter(type="direccte").values_list("region_id", "pk"))
        return len(nouvelles)

    # arrêtés -----------------------------------------------------------------------------------------

    def arretes(self) -> int:
        Arrete = apps.get_model("arretes", "Arrete")
        Taux = apps.get_model("arretes", "TauxPriseEnCharge")
        from arretes.models import TITRES, VISAS_ANNEXE_3, PorteeArrete

        rng = self.rng
        self.taux = {}  # (region_id, annee, contrat, public_code) -> (taux, heures_max, arrete_id)
        self.publication = {}
        arretes = []
        for r in self.regions:
            for annee in ANNEES:
                publication = date(annee - 1, 12, rng.randint(1, 10))
                arretes.append(
                    Arrete(
                        region_id=r.pk,
                        annee=annee,
                        numero=f"{r.code_insee}-{annee}-CUI-001",
                        titre=TITRES[PorteeArrete.CAE_CIE],
                        portee=PorteeArrete.CAE_CIE,
                        visas=VISAS_ANNEXE_3,
                        date_signature=publication - timedelta(days=3),
                        date_publication=publication,
                        lieu_signature="Préfecture de région",
                        signataire="Le préfet de région",
                        statut="publie",
                    )
                )
                self.publication[(r.pk, annee)] = publication
        Arrete.objects.bulk_create(arretes)
        ids = {(a.region_id, a.annee): a.pk for a in Arrete.objects.filter(numero__endswith="-CUI-001")}
        lignes = []
        for (region_id, annee), arrete_id in sorted(ids.items()):
            ecart = rng.choice((-2, -1, 0, 0, 1))
            for code, (_, _, taux_cae, taux_cie, heures) in PUBLICS.items():
                for contrat, base, plafond in (
                    ("CAE", taux_cae, 105 if code == "salaries-aci" else 95),
                    ("CIE", taux_cie, 47),
                ):
                    if not base:
                        continue
                    taux = Decimal(min(plafond, base + ecart))
                    lignes.append(
                        Taux(
                            arrete_id=arrete_id,
                            contrat=contrat,
                            public_id=self.publics[code],
                            taux=taux,
                            heures_max=heures,
                            aci=code == "salaries-aci",
                        )
                    )
                    self.taux[(region_id, annee, contrat, code)] = (taux, Decimal(heures), arrete_id)
        Taux.objects.bulk_create(lignes, batch_size=1000)
        return len(arretes) + len(lignes)

    # CAOM --------------------------------------------------------------------------------------------

    def caoms(self) -> int:
        Caom = apps.get_model("caom", "Caom")
        rng = self.rng
        par_an = self.n / len(ANNEES)
        objets = []
        for dep, p in zip(self.departements, self.poids, strict=True):
            for annee in ANNEES:
                attendu = par_an * p * 0.08
                signee = rng.random() < 0.9
                cae = round(attendu * 0.88 * 1.1)
                objets.append(
                    Caom(
                        departement_id=dep.pk,
                        annee=annee,
                        statut="signee" if signee else "echec",
                        date_reference=date(annee - 1, 11, 5),
                        nb_cae_cofinances=cae,
                        nb_cae_majores=round(cae * 0.1),
                        taux_majore=Decimal(100) if cae else None,
                        nb_cae_cg_seul=round(cae * 0.05),
                        nb_cie_cofinances=round(attendu * 0.12 * 1.1),
                        date_deliberation=date(annee - 1, 12, rng.randint(1, 15)) if signee else None,
                        instance_deliberation="commission_permanente" if signee else "",
                        date_signature=date(annee - 1, 12, rng.randint(16, 28)) if signee else None,
                    )
                )
        Caom.objects.bulk_create(objets, batch_size=1000)
        self.caom_signee = {
            (c.departement_id, c.annee): c.pk
            for c in Caom.objects.filter(annee__in=ANNEES, statut="signee").only("pk", "departement_id", "annee")
        }
        return len(objets)

    # employers ---------------------------------------------------------------------------------------

    def employeurs(self) -> int:
        """The establishments (shared identities by SIRET); each convention gets its own employer record, a
        copy of its establishment's public identity (``conventions``)."""
        Etablissement = apps.get_model("conventions", "Etablissement")
        rng = self.rng
        table = Table(
            Etablissement,
            ["id", "siret", "raison_sociale", "statut_juridique", "departement", "code_postal", "commune"],
        )
        premier = prochain_id(Etablissement)
        deja = Etablissement.objects.count()
        nombre = max(60, self.n // 4)
        # (dep_id, secteur) -> [(etablissement id, statut, siret, raison sociale, dep_id, code postal, effectif,
        # a eu des contrats aidés)]
        self.employeurs_par = {}
        for i in range(nombre):
            dep_index = bisect.bisect_left(self.cumul_deps, rng.random())
            dep = self.departements[min(dep_index, 99)]
            tirage = rng.random()
            if tirage < 0.06:
                statut, secteur = "aci", "aci"
            elif tirage < 0.80:
                statut = _choisir(rng, STATUTS_CAE)
                secteur = "non_marchand"
            else:
                statut = _choisir(rng, STATUTS_CIE)
                secteur = "marchand"
            pk = premier + i
            nom = {
                "collectivite_territoriale": f"Commune n° {i}",
                "association": f"Association d'insertion n° {i}",
                "etablissement_public": f"Établissement public n° {i}",
                "aci": f"Atelier et chantier d'insertion n° {i}",
            }.get(statut, f"Entreprise n° {i}")
            cp = f"{dep.code[:2].replace('2A', '20').replace('2B', '20')}{rng.randint(0, 999):03d}"[:5]
            numero = siret(deja + i)
            table.ajouter((pk, numero, nom, statut, dep.pk, cp, f"Commune {cp}"))
            fiche = (pk, statut, numero, nom, dep.pk, cp, rng.randint(1, 500), rng.random() < 0.5)
            self.employeurs_par.setdefault((dep.pk, secteur), []).append(fiche)
        table.vider_tampon()
        recaler_sequences(Etablissement)
        return table.ecrites

    def _employeur(self, dep_id: int, secteur: str):
        liste = self.employeurs_par.get((dep_id, secteur))
        if not liste:  # a small département may lack one kind: take one of its region, else anywhere
            liste = next(v for (d, s), v in sorted(self.employeurs_par.items()) if s == secteur)
        return liste[self.rng.randrange(len(liste))]

    # conventions -------------------------------------------------------------------------------------

    def conventions(self) -> int:
        Convention = apps.get_model("conventions", "Convention")
        Salarie = apps.get_model("conventions", "Salarie")
        Employeur = apps.get_model("conventions", "Employeur")
        Identite = apps.get_model("conventions", "IdentiteSalarie")
        Periode = apps.get_model("conventions", "PeriodeImmersion")
        Sequence = apps.get_model("conventions", "SequenceNumero")
        from conventions.regles.duree import date_fin_pour

        rng = self.rng
        t_conv = Table(
            Convention,
            [
                "id",
                "numero",
                "type_contrat",
                "nature",
                "convention_precedente",
                "statut",
                "prescripteur",
                "employeur",
                "salarie",
                "departement",
                "region",
                "type_contrat_travail",
                "date_conclusion",
                "date_embauche",
                "date_fin_contrat_travail",
                "date_debut",
                "date_fin",
                "duree_hebdo_travail",
                "duree_hebdo_prise_en_charge",
                "public",
                "aci",
                "taux",
                "taux_arrete",
                "arrete",
                "financement",
                "caom",
                "smic_horaire",
                "contribution_cg_max",
                "aide_mensuelle",
                "part_etat",
                "part_conseil_general",
                "duree_mois",
                "engagement_etat",
                "engagement_conseil_general",
                "immersion",
                "bilan_employeur_fourni",
                "date_rupture",
                "motif_rupture",
                "date_declaration_evenement",
            ],
        )
        t_sal = Table(
            Salarie,
            [
                "id",
                "civilite",
                "nom",
                "prenom",
                "date_naissance",
                "identite",
                "niveau_formation",
                "inscrit_pole_emploi",
                "inscrit_depuis",
                "beneficiaire_rsa",
                "beneficiaire_ass",
                "beneficiaire_aah",
                "rqth",
                "departement",
                "code_postal",
                "commune",
            ],
        )
        t_id = Table(Identite, ["id", "nir"])
        t_emp = Table(
            Employeur,
            [
                "id",
                "etablissement",
                "siret",
                "raison_sociale",
                "statut_juridique",
                "departement",
                "code_postal",
                "commune",
                "effectif",
                "a_eu_contrats_aides",
            ],
        )
        t_imm = Table(Periode, ["convention", "employeur_accueil", "siret_accueil", "date_debut", "date_fin", "objet"])
        id_conv = self.premiere_convention = prochain_id(Convention)
        id_sal = prochain_id(Salarie)
        id_emp = prochain_id(Employeur)
        id_identite = prochain_id(Identite)
        num_sal = Identite.objects.count()
        nirs = set(Identite.objects.values_list("nir", flat=True))
        sequences: dict[tuple, int] = {}
        codes_cae = list(PUBLICS)
        poids_cae = [v[0] for v in PUBLICS.values()]
        poids_cie = [v[1] for v in PUBLICS.values()]
        deps = self.departements
        cumul = self.cumul_deps
        baremes = self.baremes
        fin_generation = date(2014, 12, 31)
        nb_renouvellements = nb_jeunes_imm = 0
        somme = {"CAE": [0, Decimal(0), Decimal(0), 0], "CIE": [0, Decimal(0), Decimal(0), 0]}
        faites = 0
        while faites < self.n:
            annee = ANNEES[rng.randrange(5)]
            contrat = "CAE" if rng.random() < 0.88 else "CIE"
            dep = deps[min(bisect.bisect_left(cumul, rng.random()), 99)]
            code = rng.choices(codes_cae, poids_cae if contrat == "CAE" else poids_cie)[0]
            aci = code == "salaries-aci"
            etablissement = self._employeur(
                dep.pk, "aci" if aci else "non_marchand" if contrat == "CAE" else "marchand"
            )
            statut_emp = etablissement[1]
            # the employee
            conclusion = date(annee, 1, 1) + timedelta(days=rng.randrange(344))
            embauche = conclusion + timedelta(days=rng.randrange(21))
            if code == "jeunes-moins-26-ans":
                age = rng.randint(18, 25)
            elif code == "seniors-50-ans":
                age = rng.randint(50, 62)
            else:
                age = rng.randint(26, 49)
            naissance = embauche - timedelta(days=age * 365 + rng.randrange(300) + 10)
            sexe = 1 if rng.random() < 0.5 else 2
            naissance_dep = f"{rng.randint(1, 95):02d}".replace("20", "21")
            while True:
                num_sal += 1
                numero_secu = nir(sexe, naissance, naissance_dep, num_sal)
                if numero_secu not in nirs:
                    nirs.add(numero_secu)
                    break
            identite_id = id_identite
            id_identite += 1
            t_id.ajouter((identite_id, numero_secu))
            inscrit = code != "salaries-aci" or rng.random() < 0.7
            # One record of the employee per convention (a renewal copies it), on the shared identity.
            fiche_salarie = (
                "m" if sexe == 1 else "mme",
                NOMS[rng.randrange(len(NOMS))],
                (PRENOMS_M if sexe == 1 else PRENOMS_F)[rng.randrange(14)],
                naissance,
                identite_id,
                NIVEAUX[rng.randrange(6)],
                inscrit,
                embauche - timedelta(days=rng.randint(30, 900)) if inscrit else None,
                code == "beneficiaires-rsa",
                code == "beneficiaires-ass",
                code == "beneficiaires-aah",
                code == "travailleurs-handicapes",
                dep.pk,
                "",
                "",
            )
            # the contract: hours and length
            if contrat == "CAE":
                if code in MINIMA_SOCIAUX or aci:
                    heures = 26
                else:
                    t = rng.random()
                    heures = 20 if t < 0.85 else (26 if t < 0.92 else 35)
                jeune = code == "jeunes-moins-26-ans" and statut_emp in ("collectivite_territoriale", "association")
                mois = 12 if jeune and rng.random() < 0.85 else (6 if rng.random() < 0.8 else 9)
                cdi = rng.random() < 0.02
            else:
                t = rng.random()
                heures = 35 if t < 0.88 else (26 if t < 0.94 else 20)
                t = rng.random()
                mois = 6 if t < 0.4 else (12 if t < 0.9 else 9)
                cdi = rng.random() < 0.10
                jeune = False
            cae_jeune = jeune and mois >= 12
            immersion = cae_jeune and rng.random() < 0.92
            # prescripteur: missions locales for young people, Cap emploi for disabled workers, the conseil général
            # for part of the RSA beneficiaries, Pôle emploi otherwise.
            if code == "jeunes-moins-26-ans" and rng.random() < 0.8:
                type_presc = "mission_locale"
            elif code in ("travailleurs-handicapes", "beneficiaires-aah") and rng.random() < 0.7:
                type_presc = "cap_emploi"
            elif code == "beneficiaires-rsa" and rng.random() < 0.5:
                type_presc = "conseil_general"
            else:
                type_presc = "pole_emploi"
            orgs = self.prescripteurs.get((dep.pk, type_presc)) or self.prescripteurs[(dep.pk, "pole_emploi")]
            prescripteur = orgs[min(int(rng.random() ** 1.5 * len(orgs)), len(orgs) - 1)]
            # renewals: the same employee, employer and prescripteur, one convention after the other
            suites = 1
            if rng.random() < 0.12 and faites + 1 < self.n:
                suites = 2
            precedente = precedente_fin = None
            for rang in range(suites):
                debut = embauche
                fin = date_fin_pour(debut, mois)
                if rang:
                    debut = precedente_fin + timedelta(days=1)
                    if debut > fin_generation:
                        break
                    fin = date_fin_pour(debut, mois)
                    conclusion = max(
                        debut - timedelta(days=rng.randint(5, 20)), self.publication[(dep.region_id, debut.year)]
                    )
                    if conclusion > debut:
                        break
                annee_taux = debut.year
                taux, heures_max, arrete_id = self.taux[(dep.region_id, annee_taux, contrat, code)]
                hpec = Decimal(min(heures, heures_max))
                smic = baremes.valeur("smic_horaire", debut)
                financement, caom_id, cg_max = "etat", None, None
                if code == "beneficiaires-rsa":
                    caom_id = self.caom_signee.get((dep.pk, conclusion.year))
                    if caom_id:
                        financement = "cg" if contrat == "CAE" and rng.random() < 0.05 else "etat_cg"
                        cg_max = contribution_cg_maximale(baremes.valeur("rsa_forfaitaire", debut))
                aide = _aide(taux, smic, hpec)
                part_etat, part_cg, eng_etat, eng_cg = _repartition(aide, financement, cg_max, mois)
                cle = (contrat, dep.pk, conclusion.year)
                seq = sequences[cle] = sequences.get(cle, 0) + 1
                rompue = rng.random() < 0.08
                date_rupture = debut + timedelta(days=rng.randrange(30, 150)) if rompue else None
                pk = id_conv
                id_conv += 1
                salarie_id, employeur_id = id_sal, id_emp
                id_sal += 1
                id_emp += 1
                t_sal.ajouter((salarie_id, *fiche_salarie))
                e = etablissement  # its public identity copied on the convention's own record
                t_emp.ajouter((employeur_id, e[0], e[2], e[3], e[1], e[4], e[5], f"Commune {e[5]}", e[6], e[7]))
                t_conv.ajouter(
                    (
                        pk,
                        f"{contrat}-{dep.code:0>3}-{conclusion.year}-{seq:06d}",
                        contrat,
                        "renouvellement" if rang else "initiale",
                        precedente,
                        "rompue" if rompue else "terminee",
                        prescripteur,
                        employeur_id,
                        salarie_id,
                        dep.pk,
                        dep.region_id,
                        "CDI" if cdi else "CDD",
                        conclusion,
                        debut,
                        None if cdi else fin,
                        debut,
                        fin,
                        Decimal(heures),
                        hpec,
                        self.publics[code],
                        aci,
                        taux,
                        taux,
                        arrete_id,
                        financement,
                        caom_id,
                        smic,
                        cg_max,
                        aide,
                        part_etat,
                        part_cg,
                        Decimal(mois),
                        eng_etat,
                        eng_cg,
                        immersion,
                        bool(rang),
                        date_rupture,
                        MOTIFS_RUPTURE[rng.randrange(6)] if rompue else "",
                        date_rupture + timedelta(days=rng.randint(1, 10)) if rompue else None,
                    )
                )
                s = somme[contrat]
                s[0] += 1
                s[1] += taux
                s[2] += hpec
                s[3] += mois
                if immersion and not rang:
                    nb_jeunes_imm += 1
                    jour = debut + timedelta(days=rng.randint(30, 60))
                    for _ in range(rng.randint(1, 2)):
                        t_imm.ajouter(
                            (
                                pk,
                                f"Entreprise d'accueil n° {rng.randrange(100_000)}",
                                "",
                                jour,
                                jour + timedelta(days=13),
                                "",
                            )
                        )
                        jour += timedelta(days=rng.randint(60, 120))
                nb_renouvellements += bool(rang)
                precedente, precedente_fin = pk, fin
                faites += 1
                if faites >= self.n:
                    break
            if faites % 100_000 < suites and faites >= 100_000:
                self.dire(f"    … {faites} conventions")
        for table in (t_id, t_sal, t_emp, t_conv, t_imm):
            table.vider_tampon()
        recaler_sequences(Convention, Salarie, Employeur, Identite, Periode)
        from conventions import texte_de_recherche

        texte_de_recherche.rafraichir(Convention.objects.filter(pk__gte=self.premiere_convention))
        Sequence.objects.bulk_create(
            [Sequence(type_contrat=c, departement_id=d, annee=a, dernier=n) for (c, d, a), n in sequences.items()],
            batch_size=1000,
        )
        for contrat, (nb, taux, heures, mois) in somme.items():
            if nb:
                self.rapport.moyennes[contrat] = {
                    "part": round(nb / faites, 3),
                    "taux": round(float(taux / nb), 2),
                    "heures": round(float(heures / nb), 2),
                    "duree_mois": round(mois / nb, 2),
                }
        cae = somme["CAE"][0] or 1
        self.rapport.moyennes["cae_jeunes_avec_immersion"] = round(nb_jeunes_imm / cae, 3)
        self.rapport.moyennes["renouvellements"] = nb_renouvellements
        self.dire(f"    moyennes : {self.rapport.moyennes}")
        self.rapport.lignes["salariés"] = t_sal.ecrites
        self.rapport.lignes["employeurs (fiches)"] = t_emp.ecrites
        self.rapport.lignes["identités"] = t_id.ecrites
        self.rapport.lignes["périodes d'immersion"] = t_imm.ecrites
        return t_conv.ecrites + t_sal.ecrites + t_emp.ecrites + t_id.ecrites + t_imm.ecrites

    def echeanciers(self) -> int:
        """The monthly rows of the aid of the new conventions, in one ``INSERT … SELECT … generate_series``."""
        from conventions.services import totaux_mensuels

        from .echeancier_sql import ecrire_echeanciers

        ecrits = ecrire_echeanciers(self.premiere_convention)
        totaux_mensuels.reconstruire()  # the budget pages read the monthly totals of these months
        return ecrits

    # programme CAE-jeunes ----------------------------------------------------------------------------

    def tableau_de_bord(self) -> int:
        Bilan = _modele("tableau_de_bord", "BilanEtape")
        if Bilan is None:
            return 0
        Ligne = apps.get_model("tableau_de_bord", "LigneBilan")
        Objectif = apps.get_model("tableau_de_bord", "ObjectifRegional")
        Quinzaine = apps.get_model("tableau_de_bord", "Quinzaine")
        from tableau_de_bord.models import Fonction
        from tableau_de_bord.services import generer_quinzaines

        rng = self.rng
        for annee in ANNEES:
            generer_quinzaines(annee)
        nombre = 0
        par_an = self.n / len(ANNEES)
        poids_region = {}
        for dep, p in zip(self.departements, self.poids, strict=True):
            poids_region[dep.region_id] = poids_region.get(dep.region_id, 0) + p
        deja = set(Objectif.objects.values_list("region_id", "annee"))
        objectifs = [
            Objectif(
                region_id=r.pk,
                annee=annee,
                objectif_cae=round(par_an * 0.88 * poids_region[r.pk] * 1.05),
                objectif_cie=round(par_an * 0.12 * poids_region[r.pk] * 1.05),
                objectif_cae_jeunes=round(par_an * 0.88 * 0.3 * poids_region[r.pk]),
            )
            for r in self.regions
            for annee in ANNEES
            if (r.pk, annee) not in deja
        ]
        Objectif.objects.bulk_create(objectifs)
        nombre += len(objectifs)
        quinzaines = list(Quinzaine.objects.filter(annee__in=ANNEES).order_by("date_debut"))
        existants = set(Bilan.objects.values_list("region_id", "quinzaine_id"))
        bilans = []
        for q in quinzaines:
            for r in self.regions:
                if (r.pk, q.pk) in existants:
                    continue
                t = rng.random()
                if t < 0.04:
                    bilans.append(Bilan(region_id=r.pk, quinzaine_id=q.pk, statut="brouillon"))
                    continue
                retard = rng.randint(-2, 1) if t < 0.85 else rng.randint(2, 10)
                soumis = timezone.make_aware(
                    datetime.combine(q.date_echeance + timedelta(days=retard), datetime.min.time())
                )
                lu = t < 0.75
                bilans.append(
                    Bilan(
                        region_id=r.pk,
                        quinzaine_id=q.pk,
                        statut="lu" if lu else "soumis",
                        soumis_le=soumis,
                        lu_le=soumis + timedelta(days=3) if lu else None,
                    )
                )
        Bilan.objects.bulk_create(bilans, batch_size=1000)
        ids = list(Bilan.objects.filter(lignes__isnull=True, quinzaine__annee__in=ANNEES).values_list("pk", flat=True))
        lignes = []
        for bilan_id in ids:
            for fonction in Fonction.values:
                frein = rng.random() < 0.1
                lignes.append(
                    Ligne(
                        bilan_id=bilan_id,
                        fonction=fonction,
                        objectifs="Objectifs fixés avec l'opérateur pour la quinzaine.",
                        calendrier="Conforme au calendrier prévu.",
                        freins="Difficultés à mobiliser les employeurs privés pour l'immersion." if frein else "",
                    )
                )
        Ligne.objects.bulk_create(lignes, batch_size=2000)
        return nombre + len(bilans) + len(lignes)

    # accounts used by the measurements -------------------------------------------------------------

    def comptes(self) -> int:
        Utilisateur = apps.get_model("comptes", "Utilisateur")
        Habilitation = apps.get_model("comptes", "Habilitation")
        Convention = apps.get_model("conventions", "Convention")
        from django.contrib.auth.hashers import make_password
        from django.db.models import Count

        # The prescripteur with the most conventions: its list is the heaviest one.
        plus_gros = (
            Convention.objects.values("prescripteur_id")
            .annotate(n=Count("pk"))
            .order_by("-n", "prescripteur_id")
            .first()
        )
        region_corr = self.regions[0].pk
        habilitations = {
            "national": (self.dgefp.pk, "national"),
            "prescripteur": (plus_gros["prescripteur_id"], "prescripteur") if plus_gros else None,
            "correspondant": (self.direccte[region_corr], "correspondant_regional"),
            "admin": (self.dgefp.pk, "administrateur"),
        }
        mot_de_passe = make_password(MOT_DE_PASSE)
        nombre = 0
        for cle, email in COMPTES.items():
            user, cree = Utilisateur.objects.get_or_create(
                email=email,
                defaults={
                    "password": mot_de_passe,
                    "prenom": "Mesure",
                    "nom": cle,
                    "is_staff": cle == "admin",
                    "is_superuser": cle == "admin",
                },
            )
            nombre += cree
            if habilitations.get(cle):
                org, role = habilitations[cle]
                Habilitation.objects.filter(utilisateur=user).exclude(organisation_id=org, role=role).delete()
                Habilitation.objects.get_or_create(utilisateur=user, organisation_id=org, role=role)
        return nombre

    # aggregates and statistics ---------------------------------------------------------------------

    def indicateurs(self) -> int:
        try:
            from tableau_de_bord.services_indicateurs import rafraichir_indicateurs
        except ImportError:
            return 0
        return rafraichir_indicateurs()

    def analyser(self) -> int:
        if connection.vendor == "postgresql":
            with connection.cursor() as curseur:
                curseur.execute("ANALYZE")
        return 0


def _choisir(rng: random.Random, options) -> str:
    t = rng.random()
    acc = 0.0
    for valeur, part in options:
        acc += part
        if t < acc:
            return valeur
    return options[-1][0]


def vider():
    """Empty every table but the reference data, in a benchmark or test database only."""
    nom = str(connection.settings_dict["NAME"])
    base = nom.rsplit("/", 1)[-1]
    # A benchmark database, or a test database (created and destroyed by the test runner).
    en_test = settings.SETTINGS_MODULE == "cui_portal.settings.test" and (base.startswith("test_") or "memory" in base)
    if not (base_vidable(base) or en_test):
        raise RuntimeError(f"Refus de vider la base « {base} » : seules {sorted(BASES_VIDABLES)} ou une base de test.")
    tables = [t for t in connection.introspection.table_names() if t not in TABLES_CONSERVEES]
    # One transaction: SQLite checks its (deferred) foreign keys once every table is empty.
    with transaction.atomic(), connection.cursor() as curseur:
        if connection.vendor == "postgresql":
            liste = ", ".join(connection.ops.quote_name(t) for t in tables)
            # Inside a test's transaction, deferred foreign-key checks must fire before a TRUNCATE.
            curseur.execute("SET CONSTRAINTS ALL IMMEDIATE")
            curseur.execute(f"TRUNCATE {liste} RESTART IDENTITY CASCADE")
            curseur.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            for t in tables:
                curseur.execute(f"DELETE FROM {connection.ops.quote_name(t)}")
    _aide.cache_clear()
    _repartition.cache_clear()


def generer(n: int, graine: int = 2010, sortie=None) -> Rapport:
    return Generateur(n, graine, sortie).generer()
