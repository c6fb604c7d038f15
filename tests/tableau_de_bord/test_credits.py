"""The engineering credits of a region: the national operators page and the region's page give the same notified,
committed and paid figures for the same year (one selector, ``tableau_de_bord.credits``)."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from referentiels.models import Region
from tableau_de_bord.credits import credits_par_region
from tableau_de_bord.models import ConventionOperateur, CreditIngenierie, Operateur

pytestmark = pytest.mark.django_db


def test_national_et_regional_donnent_les_memes_credits(connecter):
    call_command("charger_demo", "--force", stdout=io.StringIO())
    idf = Region.objects.get(code_insee="11")
    # An agreement signed in 2009 must not count against the credits of 2010 on either page.
    operateur = Operateur.objects.filter(region=idf).first()
    ConventionOperateur.objects.create(
        operateur=operateur, objet="Convention 2009", montant=Decimal("1000.00"), signee_le=date(2009, 12, 1)
    )
    attendu = credits_par_region([idf.pk], [2010])[(idf.pk, 2010)]
    assert attendu.notifie == CreditIngenierie.objects.get(region=idf, annee=2010).montant_notifie
    assert attendu.engage == sum(
        c.montant for c in ConventionOperateur.objects.filter(operateur__region=idf, signee_le__year=2010)
    )
    national = connecter("national").get("/tableau-de-bord/operateurs/").context["lignes"]
    (ligne,) = [ligne for ligne in national if ligne["region"] == idf]
    regional = connecter("gestionnaire").get(f"/tableau-de-bord/operateurs/region/{idf.pk}/").context["credits"]
    (credit,) = [c for c in regional if c.annee == 2010]
    assert (ligne["notifie"], ligne["engage"], ligne["paye"]) == (credit.notifie, credit.engage, credit.paye)
    assert (credit.notifie, credit.engage, credit.paye) == (attendu.notifie, attendu.engage, attendu.paye)
    assert credit.disponible == credit.notifie - credit.engage
