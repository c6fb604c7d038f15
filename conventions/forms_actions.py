"""Forms of the actions on a concluded convention: avenants, suspension, rupture (checked by the services). Each
creates an event: it carries a one-time token (``comptes.envois``), so that a double submit records it once."""

from django import forms

from comptes.envois import EnvoiUnique
from cui_portal import horloge
from droit.nombres import DELAI_DECLARATION_JOURS
from simulateur.forms import NombreDecimal

from .forms import ChampDate, case, texte
from .forms_contrat import heures
from .models import MotifRupture, MotifSuspension
from .models_evenements import TypeAvenant
from .services.retrait import LONGUEUR_RAISON


class AvenantForm(EnvoiUnique):
    """Common part of the three avenants; the type decides which other fields the page shows."""

    date = ChampDate(label="Date de signature de l'avenant", error_messages={"required": "Indiquez la date."})
    date_effet = ChampDate(label="Date d'effet", error_messages={"required": "Indiquez la date d'effet."})
    motif = forms.CharField(label="Motif", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("date", horloge.aujourdhui())
        super().__init__(*args, **kwargs)

    def arguments(self) -> dict:
        d = self.cleaned_data
        return {"date": d["date"], "date_effet": d["date_effet"], "motif": d["motif"]}


class RenouvellementForm(AvenantForm):
    date_fin = ChampDate(
        label="Nouvelle fin de la convention", error_messages={"required": "Indiquez la nouvelle fin de la convention."}
    )
    date_fin_contrat_travail = ChampDate(label="Nouvelle fin du contrat de travail (CDD)", required=False)
    bilan_employeur_fourni = case("Le bilan préalable de l'employeur (accompagnement et formation) est fourni")
    date_fin_formation = ChampDate(
        label="Fin de la formation en cours à achever",
        required=False,
        help_text="Seulement si le renouvellement sert à achever une formation en cours.",
    )

    def arguments(self) -> dict:
        d = self.cleaned_data
        return super().arguments() | {
            "date_fin": d["date_fin"],
            "date_fin_contrat_travail": d["date_fin_contrat_travail"],
            "bilan_employeur_fourni": d["bilan_employeur_fourni"],
            "date_fin_formation": d["date_fin_formation"],
        }


class ModificationForm(AvenantForm):
    duree_hebdo_travail = heures("Nouvelle durée hebdomadaire de travail (heures)")
    duree_hebdo_prise_en_charge = heures("Nouvelle durée hebdomadaire prise en charge (heures)")
    taux = NombreDecimal(
        label="Nouveau taux de prise en charge (%)",
        required=False,
        decimal_places=2,
        help_text="Seul le conseil général peut majorer le taux de l'arrêté.",
    )
    date_fin_contrat_travail = ChampDate(label="Nouvelle fin du contrat de travail (CDD)", required=False)

    def clean(self):
        donnees = super().clean()
        champs = ("duree_hebdo_travail", "duree_hebdo_prise_en_charge", "taux", "date_fin_contrat_travail")
        if not self.errors and all(donnees.get(c) in (None, "") for c in champs):
            raise forms.ValidationError("Indiquez au moins une modification (heures, taux ou fin du contrat).")
        return donnees

    def arguments(self) -> dict:
        d = self.cleaned_data
        return super().arguments() | {
            c: d[c] for c in ("duree_hebdo_travail", "duree_hebdo_prise_en_charge", "taux", "date_fin_contrat_travail")
        }


class ImmersionForm(AvenantForm):
    employeur_accueil = texte("Employeur d'accueil", 200, requis=True)
    siret_accueil = texte("SIRET de l'employeur d'accueil", 14, inputmode="numeric")
    date_debut = ChampDate(
        label="Début de la période", error_messages={"required": "Indiquez le début de la période d'immersion."}
    )
    date_fin = ChampDate(
        label="Fin de la période (incluse)", error_messages={"required": "Indiquez la fin de la période d'immersion."}
    )
    objet = texte("Objet de la période", 500)

    def arguments(self) -> dict:
        d = self.cleaned_data
        immersion = {c: d[c] for c in ("employeur_accueil", "siret_accueil", "date_debut", "date_fin", "objet")}
        return super().arguments() | {"immersion": immersion}


FORMULAIRES_AVENANT = {
    TypeAvenant.RENOUVELLEMENT.value: RenouvellementForm,
    TypeAvenant.MODIFICATION.value: ModificationForm,
    TypeAvenant.IMMERSION.value: ImmersionForm,
}


A_DECLARER = f"À déclarer dans les {DELAI_DECLARATION_JOURS} jours."


class SuspensionForm(EnvoiUnique):
    date_suspension = ChampDate(
        label="Date de la suspension", error_messages={"required": "Indiquez la date de la suspension."}
    )
    motif = forms.ChoiceField(label="Motif légal", choices=[("", "Choisissez le motif"), *MotifSuspension.choices])
    remuneration_maintenue = forms.BooleanField(
        label="L'employeur maintient la rémunération pendant la suspension",
        required=False,
        help_text="Sinon, l'aide n'est pas versée pour les jours de suspension.",
    )
    date_declaration = ChampDate(label="Date de la déclaration", help_text=A_DECLARER)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date_declaration": horloge.aujourdhui()})
        super().__init__(*args, **kwargs)


class RepriseForm(EnvoiUnique):
    date_reprise = ChampDate(
        label="Date de la reprise du contrat",
        help_text="Premier jour de travail après la suspension : l'aide reprend ce jour-là.",
        error_messages={"required": "Indiquez la date de la reprise."},
    )
    date_declaration = ChampDate(label="Date de la déclaration")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date_declaration": horloge.aujourdhui()})
        super().__init__(*args, **kwargs)


class RuptureForm(EnvoiUnique):
    date_rupture = ChampDate(label="Date de la rupture", error_messages={"required": "Indiquez la date de la rupture."})
    motif = forms.ChoiceField(
        label="Motif légal",
        choices=[("", "Choisissez le motif"), *MotifRupture.choices],
        help_text="Hors des cas prévus par la loi, l'aide versée est à rembourser.",
    )
    date_declaration = ChampDate(label="Date de la déclaration", help_text=A_DECLARER)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date_declaration": horloge.aujourdhui()})
        super().__init__(*args, **kwargs)


class AnnulationForm(EnvoiUnique):
    """Annul a convention concluded by mistake: the reason is required and stays in the history."""

    motif = forms.CharField(
        label="Raison de l'annulation",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Par exemple : convention saisie deux fois, salarié jamais embauché. Elle reste dans l'historique.",
        error_messages={"required": "Indiquez la raison de l'annulation."},
    )


class CorrectionSuspensionForm(SuspensionForm):
    """Correct the last suspension declared: the same fields, and its last day when the contract has resumed."""

    date_fin = ChampDate(
        label="Dernier jour de la suspension",
        required=False,
        help_text="Seulement si le contrat a repris : la veille de la reprise.",
    )


class RetraitForm(EnvoiUnique):
    """Withdraw a declaration made by mistake: the reason is required and stays in the history."""

    raison = forms.CharField(
        label="Raison du retrait",
        max_length=LONGUEUR_RAISON,
        help_text="Par exemple : déclarée sur la mauvaise convention. Elle reste dans l'historique "
        f"({LONGUEUR_RAISON} caractères au plus).",
        error_messages={"required": "Indiquez la raison du retrait."},
    )
