"""Pages of « corriger et défaire », continued: a suspension corrected, a rupture and a suspension withdrawn after
a confirmation, within the 7 days of the declaration."""

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conventions.services import evenements
from droit.vocabulaire import StatutConvention
from tests.conventions import factories

from .test_saisie import erreurs_du_champ

pytestmark = pytest.mark.django_db
RAISON = "Déclarée sur la mauvaise convention"


def _suspendue(arretes, **kwargs):
    c = factories.convention(arretes)
    valeurs = {"date_suspension": date(2010, 11, 22), "motif": "maladie", "date_declaration": date(2010, 11, 25)}
    evenements.declarer_suspension(c, par=arretes.comptes["prescripteur@demo.cui.fr"], **(valeurs | kwargs))
    return c


def test_corriger_une_suspension_dans_ses_7_jours(arretes, connecter):
    c = _suspendue(arretes)
    client = connecter("prescripteur")
    url = reverse("conventions:corriger_suspension", args=[c.pk])
    assert f'href="{url}"' in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    page = client.get(url)
    assert page.context["form"].initial["date_suspension"] == date(2010, 11, 22)
    assert "date_fin" not in page.context["form"].fields  # still running: its end is the resumption
    assert connecter("gestionnaire").get(url).status_code == 403
    client = connecter("prescripteur")
    donnees = {"date_suspension": "25/11/2010", "motif": "maternite", "date_declaration": "25/11/2010"}
    refusee = client.post(url, donnees | {"date_suspension": "01/02/2011"})
    assert refusee.status_code == 200 and refusee.context["erreurs"]
    reponse = client.post(url, donnees | {"remuneration_maintenue": "on"}, follow=True)
    assert "La suspension est corrigée." in reponse.content.decode()
    suspension = c.suspensions.get()
    assert (suspension.date_debut, suspension.motif, suspension.remuneration_maintenue) == (
        date(2010, 11, 25),
        "maternite",
        True,
    )
    assert "Déclaration de suspension corrigée" in reponse.content.decode()  # the history, with its author
    with time_machine.travel(datetime(2010, 12, 3, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))):
        assert client.get(url).status_code == 403  # 25/11 + 7 days: the delay is over


def test_retirer_une_suspension_apres_confirmation(arretes, connecter):
    c = _suspendue(arretes)
    client = connecter("prescripteur")
    url = reverse("conventions:retirer_suspension", args=[c.pk])
    assert f'href="{url}"' in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    jeton = uuid.uuid4()
    vide = client.post(url, {"raison": "", "jeton_envoi": jeton})
    assert erreurs_du_champ(vide, "raison") == ["Indiquez la raison du retrait."]
    page = client.post(url, {"raison": RAISON, "jeton_envoi": jeton}).content.decode()
    assert "Retirer la déclaration de suspension ?" in page and "22/11/2010" in page and "ne se défait pas" in page
    assert c.suspensions.exists()
    reponse = client.post(url, {"raison": RAISON, "jeton_envoi": jeton, "confirme": "1"}, follow=True)
    texte = reponse.content.decode()
    c.refresh_from_db()
    assert c.statut == StatutConvention.EN_COURS and not c.suspensions.exists()
    assert "La déclaration de suspension est retirée." in texte and RAISON in texte
    assert f'href="{url}"' not in texte


def test_retirer_une_rupture_apres_confirmation(arretes, connecter):
    c = _suspendue(arretes, date_suspension=date(2010, 10, 1), date_declaration=date(2010, 10, 4))
    proprietaire = arretes.comptes["prescripteur@demo.cui.fr"]
    evenements.declarer_rupture(
        c, date_rupture=date(2010, 11, 25), motif="embauche", date_declaration=date(2010, 11, 26), par=proprietaire
    )
    url = reverse("conventions:retirer_rupture", args=[c.pk])
    assert connecter("correspondant").get(url).status_code == 403
    client = connecter("prescripteur")
    assert f'href="{url}"' in client.get(reverse("conventions:detail", args=[c.pk])).content.decode()
    jeton = uuid.uuid4()
    page = client.post(url, {"raison": RAISON, "jeton_envoi": jeton}).content.decode()
    assert "Retirer la déclaration de rupture ?" in page and "25/11/2010" in page and "rouverte" in page
    c.refresh_from_db()
    assert c.statut == StatutConvention.ROMPUE  # nothing before the confirmation
    reponse = client.post(url, {"raison": RAISON, "jeton_envoi": jeton, "confirme": "1"}, follow=True)
    c.refresh_from_db()
    assert (c.statut, c.date_rupture) == (StatutConvention.SUSPENDUE, None)
    assert c.suspensions.get().date_fin is None
    texte = reponse.content.decode()
    assert "La déclaration de rupture est retirée." in texte and f"Déclaration de rupture retirée : {RAISON}" in texte
