import io
from datetime import date

import pytest

from caom.models import Caom
from conventions.models import Convention
from droit.vocabulaire import StatutConvention

pytestmark = pytest.mark.django_db


def test_demo_par_les_services_et_idempotente(demo):
    from arretes.demo import peupler as arretes
    from caom.demo import peupler as caom
    from conventions.demo import peupler

    sortie = io.StringIO()
    arretes(demo, sortie)
    caom(demo, sortie)
    peupler(demo, sortie)
    assert Convention.objects.count() == 40
    conclues = Convention.objects.exclude(statut=StatutConvention.BROUILLON)
    assert conclues.count() == 38 and all(c.aide_mensuelle and c.numero for c in conclues)
    assert conclues.filter(financement="etat_cg", departement__code__in=["93", "59"], caom__isnull=False).exists()
    # Co-financed only under a CAOM signed on or before the conclusion, or under the exceptional mode the region
    # recorded (Nord, 06/04/2010); before it, the RSA beneficiaries are funded by the State alone.
    cofinancees = list(conclues.exclude(financement="etat").select_related("caom"))
    assert cofinancees and all(
        (c.caom.date_signature and c.caom.date_signature <= c.date_conclusion)
        or (c.caom.mode_exceptionnel_le and c.caom.mode_exceptionnel_le <= c.date_conclusion)
        for c in cofinancees
    )
    # The Nord's CAOM 2010, never signed, carries the region's decision of the exceptional mode (06/04/2010);
    # its RSA beneficiaries hired before it are funded by the State alone.
    nord = Caom.objects.get(departement__code="59", annee=2010)
    assert nord.mode_exceptionnel_le == date(2010, 4, 6) and nord.mode_exceptionnel_instruction
    assert conclues.filter(financement="etat", salarie__beneficiaire_rsa=True).exists()
    assert conclues.filter(type_contrat="CIE").exists() and conclues.filter(periodes_immersion__isnull=False).exists()
    # Two ruptures declared late: one early in 2010, one in the demonstration's month (12/11 declared on 24/11).
    assert conclues.filter(statut=StatutConvention.ROMPUE, declaration_tardive=True).count() == 2
    novembre = conclues.get(date_rupture=date(2010, 11, 12))
    assert (novembre.date_declaration_evenement, novembre.prescripteur) == (
        date(2010, 11, 24),
        demo.organisations["pe_paris"],
    )
    assert conclues.filter(avenants__type="renouvellement").count() == 1
    # One convention annulled by the region (its page shows the badge and the reason), counted nowhere.
    [annulee] = conclues.filter(statut=StatutConvention.ANNULEE)
    assert annulee.numero and annulee.motif_annulation and not annulee.echeancier.exists()
    assert annulee.history.first().history_user == demo.comptes["gestionnaire@demo.cui.fr"]
    assert set(conclues.values_list("prescripteur__nom", flat=True)) >= {
        demo.organisations[k].nom for k in ("pe_paris", "ml_paris", "pe_bobigny", "pe_lille", "ml_roubaix")
    }
    peupler(demo, sortie)
    assert Convention.objects.count() == 40
