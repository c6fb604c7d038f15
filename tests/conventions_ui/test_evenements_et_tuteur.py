"""The pages show the rules of issue 16, items 7 and 3, at their field: the rupture's motive, the suspension's
motives without immersion, the tutor at step 3 and at the summary, a second convention at the same time."""

import uuid

import pytest
from django.urls import reverse

from tests.conventions import factories

from .test_saisie import commencer, donnees_contrat, donnees_salarie, erreurs_du_champ

pytestmark = pytest.mark.django_db


def test_rupture_par_demission_d_un_cdd_au_champ_motif(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    reponse = client.post(
        reverse("conventions:rupture", args=[c.pk]),
        {
            "date_rupture": "01/03/2010",
            "motif": "demission",
            "date_declaration": "02/03/2010",
            "jeton_envoi": uuid.uuid4(),
            "confirme": "1",
        },
    )
    assert reponse.status_code == 200
    [message] = erreurs_du_champ(reponse, "motif")
    assert "L. 1243-1" in message and "L. 5134-28" in message
    assert 'href="#id_motif"' in reponse.content.decode()
    formulaire = client.get(reverse("conventions:rupture", args=[c.pk])).content.decode()
    assert "Départ anticipé du salarié hors des cas prévus par la loi" in formulaire


def test_la_suspension_ne_propose_plus_l_immersion(arretes, connecter):
    c = factories.convention(arretes)
    client = connecter("prescripteur")
    page = client.get(reverse("conventions:suspension", args=[c.pk]))
    assert "immersion" not in dict(page.context["form"].fields["motif"].choices)
    reponse = client.post(
        reverse("conventions:suspension", args=[c.pk]),
        {"date_suspension": "01/03/2010", "motif": "immersion", "date_declaration": "02/03/2010"},
    )
    assert reponse.status_code == 200 and erreurs_du_champ(reponse, "motif")


def test_tuteur_a_l_etape_3_et_au_recapitulatif(arretes, connecter):
    client = connecter("prescripteur")
    convention = commencer(client)
    etape3 = reverse("conventions:etape", args=[convention.pk, 3])
    reponse = client.post(etape3, donnees_contrat(tuteur_experience_mois="23"))
    assert reponse.status_code == 200
    assert "24 mois" in erreurs_du_champ(reponse, "tuteur_experience_mois")[0]
    # Without a tutor the draft is kept; the summary says what the conclusion refuses, with a link to step 3.
    sans_tuteur = donnees_contrat(tuteur_nom="", tuteur_volontaire="", tuteur_experience_mois="")
    assert client.post(etape3, sans_tuteur).status_code == 302
    recap = client.get(reverse("conventions:recapitulatif", args=[convention.pk])).content.decode()
    assert "Indiquez le tuteur" in recap and "R. 5134-38" in recap
    convention.refresh_from_db()
    assert convention.tuteur_nom == "" and not convention.tuteur_est_employeur  # never filled with the employer


def test_seconde_convention_en_meme_temps_au_champ_de_sa_raison(arretes, connecter):
    autre = factories.convention(arretes, prescripteur="ml_paris")
    client = connecter("prescripteur")
    convention = commencer(client, salarie=donnees_salarie(nir=autre.salarie.nir))
    etape3 = reverse("conventions:etape", args=[convention.pk, 3])
    reponse = client.post(etape3, donnees_contrat())
    assert reponse.status_code == 200
    [message] = erreurs_du_champ(reponse, "motif_chevauchement")
    assert "d'un autre prescripteur" in message and autre.numero not in reponse.content.decode()
    raison = donnees_contrat(motif_chevauchement="Deux temps partiels chez deux employeurs.")
    assert client.post(etape3, raison).status_code == 302
