from django import forms

from comptes.envois import EnvoiUnique
from cui_portal.contraintes import ContraintesAuxChamps
from cui_portal.formulaires import DatesEnTexte
from droit.nombres import HEURES_MAX, HEURES_MIN, PLAFOND_CAE, PLAFOND_CIE, SOURCE_CAOM, nombre

from .models import Caom, InstanceDeliberation, StatutCaom
from .regles import FINAUX, ORDRE


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CaomForm(DatesEnTexte, EnvoiUnique, ContraintesAuxChamps, forms.ModelForm):
    """A CAOM's volumes and parameters; a new CAOM is a creating form, sent once (``comptes.envois``)."""

    champs_des_contraintes = {"caom_taux_majore_borne": "taux_majore"}

    class Meta:
        model = Caom
        fields = [
            "date_reference",
            "nb_cae_cofinances",
            "nb_cae_majores",
            "taux_majore",
            "nb_cae_cg_seul",
            "nb_cie_cofinances",
            "duree_hebdo_cae",
            "taux_etat_cae",
            "taux_etat_aci",
            "part_aci",
            "duree_moyenne_cae",
            "taux_cie",
            "duree_hebdo_cie",
            "duree_moyenne_cie",
            "observations",
        ]
        widgets = {"date_reference": DateInput(), "observations": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "duree_hebdo_cae": (
                f"De {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} heures ({SOURCE_CAOM}) ; 26 heures comme pour "
                "l'ancien contrat d'avenir."
            ),
            "duree_hebdo_cie": f"De {nombre(HEURES_MIN)} à {nombre(HEURES_MAX)} heures ({SOURCE_CAOM}).",
            "taux_etat_cae": (
                f"Taux de l'arrêté du préfet de région ({nombre(PLAFOND_CAE)} % au plus ; 90 % dans la JPE 2010)."
            ),
            "part_aci": "Part des CAE cofinancés (hors taux majoré) conclus en atelier et chantier d'insertion.",
            "duree_moyenne_cae": "8,25 mois dans la JPE 2010.",
            "taux_cie": f"30,7 % dans la JPE 2010, ou le taux négocié ({nombre(PLAFOND_CIE)} % au plus).",
            "duree_moyenne_cie": "9,4 mois dans la JPE 2010.",
        }

    def clean(self):
        donnees = super().clean()
        majores, cofinances = donnees.get("nb_cae_majores") or 0, donnees.get("nb_cae_cofinances") or 0
        if majores > cofinances:
            self.add_error("nb_cae_majores", "Les CAE à taux majoré font partie des CAE cofinancés.")
        if majores and donnees.get("taux_majore") is None:
            self.add_error("taux_majore", "Indiquez le taux majoré par le conseil général.")
        return donnees


class EtapeForm(DatesEnTexte, EnvoiUnique):
    """A step of the negotiation: each one is recorded, so the form is sent once (``comptes.envois``)."""

    statut = forms.ChoiceField(label="Nouvel état")
    date_etape = forms.DateField(label="Date de l'étape", widget=DateInput())
    date_deliberation = forms.DateField(
        label="Date de la délibération du conseil général", required=False, widget=DateInput()
    )
    instance_deliberation = forms.ChoiceField(
        label="Instance ayant délibéré",
        required=False,
        choices=[("", "—"), *InstanceDeliberation.choices],
    )
    commentaire = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, caom: Caom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statut"].choices = etats_suivants(caom.statut)
        if caom.date_deliberation:
            self.fields["date_deliberation"].initial = caom.date_deliberation
            self.fields["instance_deliberation"].initial = caom.instance_deliberation


def etats_suivants(actuel: str) -> list[tuple[str, str]]:
    """The states the form offers: the later ones of the order, and échec (the rules decide the rest)."""
    if actuel in FINAUX:
        return []
    suivants = ORDRE[ORDRE.index(actuel) + 1 :]
    return [(s, StatutCaom(s).label) for s in (*suivants, StatutCaom.ECHEC)]


class AvenantForm(DatesEnTexte, EnvoiUnique):
    """An avenant to a signed CAOM: a creating form, sent once (``comptes.envois``)."""

    date_avenant = forms.DateField(label="Date de l'avenant", widget=DateInput())
    objet = forms.CharField(label="Objet de l'avenant", widget=forms.Textarea(attrs={"rows": 2}))
    nb_cae_cofinances = forms.IntegerField(label="CAE cofinancés", min_value=0)
    nb_cae_majores = forms.IntegerField(label="dont CAE à taux majoré", min_value=0)
    nb_cae_cg_seul = forms.IntegerField(label="CAE financés en totalité par le conseil général", min_value=0)
    nb_cie_cofinances = forms.IntegerField(label="CIE cofinancés", min_value=0)


class ModeExceptionnelForm(DatesEnTexte, forms.Form):
    """The region's decision to co-finance under the circular's exceptional mode, pending the CAOM's signature."""

    date_decision = forms.DateField(label="Date de la décision", widget=DateInput())
    instruction = forms.CharField(
        label="Instruction spécifique appliquée",
        max_length=200,
        help_text="Référence de l'instruction de la DGEFP qui précise les modalités exceptionnelles (annexe 2).",
    )
    motif = forms.CharField(label="Motif", required=False, widget=forms.Textarea(attrs={"rows": 2}))
