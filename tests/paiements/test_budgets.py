"""The budgets of the aid: one source for every page. On the whole demonstration, the national page, each
region's page and the CAOM pages show the same committed, due and paid figures as the selectors; entries count
initial conventions and renewals apart; the State envelope alerts at 90 % and beyond 100 %; the objectives are
set by the DGEFP in the portal, all or nothing."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from caom.models import Caom
from conventions.models import Convention, MoisAide
from paiements import budgets
from referentiels.models import Region
from tableau_de_bord.budgets import lignes_budget
from tableau_de_bord.models import ObjectifRegional

pytestmark = pytest.mark.django_db
JOUR = date(2010, 11, 30)
MONTANT = re.compile(r"(-?[\d\s\u00a0\u202f]+,\d{2})\s*€")


def euros(texte: str) -> list[Decimal]:
    return [Decimal(re.sub(r"[\s\u00a0\u202f]", "", m).replace(",", ".")) for m in MONTANT.findall(texte)]


def somme(lignes, champ: str) -> Decimal:
    """Summed in Python: SQLite sums decimals as floating numbers."""
    return sum((getattr(ligne, champ) for ligne in lignes), Decimal("0.00"))


def cellule(page: str, motif: str) -> str:
    trouve = re.search(motif, page, re.S)
    assert trouve, motif
    return trouve.group(1)


@pytest.fixture
def demonstration(db):
    call_command("charger_demo", "--force", stdout=io.StringIO())


def test_national_regional_et_caom_disent_les_memes_montants(demonstration, connecter):
    idf = Region.objects.get(code_insee="11")
    selecteur = budgets.budgets_par_region(2010, JOUR, [idf.pk])[idf.pk]
    # The selector is the schedule itself: the months of 2010 of the region's conventions.
    mois = MoisAide.objects.filter(region=idf, mois__year=2010)
    assert selecteur.engage.etat == somme(mois, "part_etat") > 0
    # Due to date: the months over, the indu of the demo's rupture outside the legal cases (in Île-de-France)
    # taken off: the ASP owes the aid less the indu.
    echus = mois.filter(mois__lt=date(2010, 11, 1))
    assert selecteur.du.etat == somme(echus, "part_etat") - somme(echus, "a_rembourser") < somme(echus, "part_etat")

    national = connecter("national").get("/tableau-de-bord/budgets/?annee=2010").content.decode()
    ligne = cellule(national, rf'<tr id="budget-region-{idf.pk}">(.*?)</tr>')
    assert euros(cellule(ligne, r'class="engage-etat">(.*?)</td>'))[0] == selecteur.engage.etat
    assert euros(cellule(ligne, r'class="du">(.*?)</td>')) == [selecteur.du.total]
    assert euros(cellule(ligne, r'class="paye">(.*?)</td>')) == [selecteur.paye.total]

    regional = connecter("gestionnaire").get(f"/tableau-de-bord/budgets/region/{idf.pk}/?annee=2010").content.decode()
    tableau = cellule(regional, r'<table id="budget-region">(.*?)</table>')
    etat, cg, total = re.findall(r"<tr><th scope=\"row\">.*?</th>(.*?)</tr>", tableau, re.S)
    assert euros(etat)[:3] == [selecteur.engage.etat, selecteur.du.etat, selecteur.paye.etat]
    assert euros(cg)[:3] == [
        selecteur.engage.conseil_general,
        selecteur.du.conseil_general,
        selecteur.paye.conseil_general,
    ]
    assert euros(total)[:3] == [selecteur.engage.total, selecteur.du.total, selecteur.paye.total]
    # The départements add up to the region, the regions to France.
    departements = budgets.budgets_par_departement(2010, JOUR, idf.departements.values_list("pk", flat=True))
    assert budgets.total(departements.values()) == selecteur
    tout = budgets.budgets_par_region(2010, JOUR, Region.objects.values_list("pk", flat=True))
    assert budgets.total(tout.values()).engage.total == somme(MoisAide.objects.filter(mois__year=2010), "aide")

    # A CAOM's page shows the budget of the conventions it co-finances (their whole schedule).
    caom = Caom.objects.filter(conventions__isnull=False, annee=2010).distinct().first()
    assert caom is not None
    du_caom = budgets.budgets_par_caom([caom.pk], JOUR)[caom.pk]
    attendu = somme(MoisAide.objects.filter(convention__caom=caom), "aide")
    assert du_caom.engage.total == attendu > 0
    page = connecter("national").get(f"/caom/{caom.pk}/").content.decode()
    bloc = cellule(page, r'<table id="budget-caom">(.*?)</table>')
    assert euros(bloc.split("Total")[-1])[:1] == [du_caom.engage.total]


def test_la_rupture_hors_cas_legaux_de_la_demo_est_a_recuperer(demonstration):
    rompue = Convention.objects.get(motif_rupture="hors_cas_legaux")
    indu = somme(rompue.echeancier.all(), "a_rembourser")
    assert indu == somme(rompue.echeancier.all(), "aide") > 0
    region = budgets.budgets_par_region(2010, JOUR, [rompue.region_id])[rompue.region_id]
    assert region.a_recuperer >= indu


def test_entrees_initiales_et_renouvellements_a_part_sans_les_ruptures_avant_le_debut(demonstration):
    idf = Region.objects.get(code_insee="11")
    c = Convention.objects.filter(region=idf, date_debut__year=2010, type_contrat="CAE").exclude(statut="brouillon")
    avant = budgets.entrees_par_region(2010, [idf.pk])[idf.pk]
    assert avant.initiales["CAE"] == c.exclude(nature="renouvellement").count()
    assert avant.renouvellements["CAE"] == c.filter(nature="renouvellement").count()
    premiere = c.exclude(statut="rompue").first()
    Convention.objects.filter(pk=premiere.pk).update(
        statut="rompue", date_rupture=premiere.date_debut, motif_rupture="faute_grave"
    )
    assert budgets.entrees_par_region(2010, [idf.pk])[idf.pk].initiales["CAE"] == avant.initiales["CAE"] - 1


@pytest.mark.parametrize(
    ("part", "niveau", "badge"),
    [(85, "normal", None), (95, "alerte_90", "90\u00a0% atteints"), (110, "depasse", "Enveloppe dépassée")],
)
def test_alerte_de_l_enveloppe_de_l_etat(demonstration, connecter, part, niveau, badge):
    idf = Region.objects.get(code_insee="11")
    engage = budgets.budgets_par_region(2010, JOUR, [idf.pk])[idf.pk].engage.etat
    ObjectifRegional.objects.update_or_create(
        region=idf,
        annee=2010,
        defaults={
            "objectif_cae": 10,
            "objectif_cie": 2,
            "enveloppe_etat": (engage * 100 / part).quantize(Decimal("0.01")),
        },
    )
    (ligne,) = lignes_budget(2010, JOUR, [idf])
    assert ligne.niveau == niveau
    page = connecter("national").get("/tableau-de-bord/budgets/?annee=2010").content.decode()
    rangee = cellule(page, rf'<tr id="budget-region-{idf.pk}">(.*?)</tr>')
    assert (badge in rangee) if badge else ("badge" not in rangee)


def test_la_dgefp_fixe_objectifs_et_enveloppes_tout_ou_rien(demonstration, connecter):
    client = connecter("national")
    regions = list(Region.objects.order_by("nom"))
    donnees = {"annee": "2011"}
    for i, r in enumerate(regions):
        donnees |= {
            f"r{r.pk}-objectif_cae": str(100 + i),
            f"r{r.pk}-objectif_cie": "20",
            f"r{r.pk}-objectif_cae_jeunes": "5",
            f"r{r.pk}-enveloppe_etat": "1 250 000,50",
        }
    mauvaises = donnees | {f"r{regions[3].pk}-enveloppe_etat": "beaucoup"}
    reponse = client.post("/tableau-de-bord/budgets/objectifs/", mauvaises)
    assert reponse.status_code == 200 and not ObjectifRegional.objects.filter(annee=2011).exists()
    assert "Indiquez un montant en euros" in reponse.content.decode()
    assert client.post("/tableau-de-bord/budgets/objectifs/", donnees).status_code == 302
    enregistres = ObjectifRegional.objects.filter(annee=2011)
    assert enregistres.count() == len(regions)
    assert {o.enveloppe_etat for o in enregistres} == {Decimal("1250000.50")}
    assert connecter("gestionnaire").get("/tableau-de-bord/budgets/objectifs/").status_code == 403


def test_la_carte_de_l_enveloppe_mene_aux_regions_en_alerte(demonstration, connecter):
    # The demo sets Île-de-France's 2010 envelope at 93 % committed and Nord-Pas-de-Calais's at 60 %.
    idf = Region.objects.get(code_insee="11")
    (ligne,) = lignes_budget(2010, JOUR, [idf])
    assert ligne.niveau == "alerte_90" and ligne.taux_enveloppe == Decimal("93.0")
    cartes = connecter("national").get("/").context["cartes"]
    (carte,) = [c for c in cartes if "enveloppe" in c.titre]
    page = connecter("national").get(carte.url)
    assert carte.nombre == len(page.context["lignes"]) == 1 and page.context["lignes"][0].region == idf
    regionale = [c for c in connecter("gestionnaire").get("/").context["cartes"] if "nveloppe" in c.titre]
    assert len(regionale) == 1 and "93 % de l'enveloppe" in regionale[0].description
    assert not [c for c in connecter("gestionnaire_nord").get("/").context["cartes"] if "nveloppe" in c.titre]
