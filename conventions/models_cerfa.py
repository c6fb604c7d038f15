"""The rubrics of the Cerfa n° 13998*01 a convention holds beside its terms: the post (job, ROME code, wage, place,
trial period), the typed support and training actions with their expected outcome, and the sworn statements the
employer signs. ``Convention`` inherits them (``models.Convention``); the rules are in ``regles.cerfa``.
"""

from django.db import models
from django.db.models import Q

from cui_portal.contraintes import ou, refus
from droit.nombres import SOURCE_CERFA

from .champs import champ_montant


class ActionAccompagnement(models.TextChoices):
    """The support actions the Cerfa lists (rubric « actions d'accompagnement professionnel »)."""

    PRISE_DE_POSTE = "prise_de_poste", "Aide à la prise de poste"
    EVALUATION = "evaluation", "Évaluation des capacités et des compétences"
    PROJET = "projet", "Élaboration et appui à la réalisation du projet professionnel"
    RECHERCHE_EMPLOI = "recherche_emploi", "Aide à la recherche d'emploi"
    AUTRE = "autre", "Autre action d'accompagnement"


class ActionFormation(models.TextChoices):
    """The training actions the Cerfa lists (rubric « actions de formation »)."""

    ADAPTATION = "adaptation", "Adaptation au poste de travail"
    REMISE_A_NIVEAU = "remise_a_niveau", "Remise à niveau"
    PREQUALIFICATION = "prequalification", "Préqualification"
    NOUVELLES_COMPETENCES = "nouvelles_competences", "Acquisition de nouvelles compétences"
    QUALIFIANTE = "qualifiante", "Formation qualifiante"
    VAE = "vae", "Validation des acquis de l'expérience (VAE)"
    AUTRE = "autre", "Autre action de formation"


class ResultatFormation(models.TextChoices):
    """The outcome the Cerfa asks of the training actions."""

    ATTESTATION = "attestation", "Attestation de compétences"
    CERTIFICATION = "certification", "Certification"
    QUALIFICATION = "qualification", "Qualification"


class RubriquesCerfa(models.Model):
    # The post
    emploi_intitule = models.CharField("emploi occupé (intitulé du poste)", max_length=160, blank=True)
    code_rome = models.CharField(
        "code ROME de l'emploi",
        max_length=5,
        blank=True,
        help_text="Le code du répertoire opérationnel des métiers et des emplois de Pôle emploi, par exemple K1302.",
    )
    salaire_horaire_brut = champ_montant("salaire horaire brut (€)")
    lieu_travail = models.CharField("lieu d'exécution du contrat", max_length=250, blank=True)
    periode_essai_jours = models.PositiveSmallIntegerField("durée de la période d'essai (jours)", null=True, blank=True)

    # Typed actions (values of ``ActionAccompagnement`` / ``ActionFormation``), the free text beside them
    types_accompagnement = models.JSONField("actions d'accompagnement (rubriques)", default=list, blank=True)
    types_formation = models.JSONField("actions de formation (rubriques)", default=list, blank=True)
    resultat_formation = models.CharField(
        "résultat attendu des actions de formation", max_length=16, choices=ResultatFormation.choices, blank=True
    )

    # What the employer states on its honour by signing
    declaration_cotisations_a_jour = models.BooleanField(
        "l'employeur atteste être à jour de ses cotisations et contributions sociales", default=False
    )
    declaration_sans_licenciement_economique = models.BooleanField(
        "l'employeur atteste n'avoir procédé à aucun licenciement économique dans les six mois précédant l'embauche "
        "(CIE)",
        default=False,
    )
    declaration_sans_remplacement = models.BooleanField(
        "l'employeur atteste que l'embauche ne remplace pas un salarié licencié pour un motif autre que la faute "
        "grave ou lourde (CIE)",
        default=False,
    )

    class Meta:
        abstract = True

    # What the pages and the printed Cerfa show: every box of a list, ticked or not.
    @property
    def cases_accompagnement(self) -> list[tuple[str, bool]]:
        return [(libelle, v in (self.types_accompagnement or ())) for v, libelle in ActionAccompagnement.choices]

    @property
    def cases_formation(self) -> list[tuple[str, bool]]:
        return [(libelle, v in (self.types_formation or ())) for v, libelle in ActionFormation.choices]

    @property
    def cases_resultat(self) -> list[tuple[str, bool]]:
        return [(libelle, v == self.resultat_formation) for v, libelle in ResultatFormation.choices]

    @property
    def attestations_signees(self) -> list[tuple[object, bool]]:
        """The statements the employer signs for this contract (``regles.cerfa.attestations``), each signed or not."""
        from .regles.cerfa import attestations

        return [(a, bool(getattr(self, a.champ))) for a in attestations(self.type_contrat)]

    @property
    def attestations_sans_objet(self):
        """The Cerfa's statements that do not apply to this contract (``regles.cerfa.attestations_sans_objet``)."""
        from .regles.cerfa import attestations_sans_objet

        return attestations_sans_objet(self.type_contrat)

    @property
    def libelles_accompagnement(self) -> list[str]:
        return [libelle for libelle, coche in self.cases_accompagnement if coche]

    @property
    def libelles_formation(self) -> list[str]:
        return [libelle for libelle, coche in self.cases_formation if coche]

    @property
    def cases_duree_inscription(self) -> list[tuple[str, bool]]:
        """The Cerfa's boxes of the employee's length of registration at Pôle emploi on the day before the hire."""
        from .regles.cerfa import TRANCHES, mois_d_inscription, tranche_d_inscription

        salarie = self.salarie if self.salarie_id else None
        tranche = ""
        if salarie and salarie.inscrit_pole_emploi and salarie.inscrit_depuis and self.date_embauche:
            tranche = tranche_d_inscription(mois_d_inscription(salarie.inscrit_depuis, self.date_embauche))
        return [(t, t == tranche) for t in TRANCHES]


CONTRAINTES_CERFA = [
    models.CheckConstraint(
        condition=Q(code_rome="") | Q(code_rome__regex=r"^[A-N][0-9]{4}$"),
        name="convention_code_rome_forme",
        violation_error_message=refus(
            f"Le code ROME est une lettre de A à N suivie de quatre chiffres, par exemple K1302 ({SOURCE_CERFA})."
        ),
    ),
    models.CheckConstraint(
        condition=Q(salaire_horaire_brut__isnull=True) | Q(salaire_horaire_brut__gt=0),
        name="convention_salaire_horaire_positif",
        violation_error_message=refus("Le salaire horaire brut est un montant positif."),
    ),
    models.CheckConstraint(
        condition=Q(resultat_formation="") | Q(resultat_formation__in=ResultatFormation.values),
        name="convention_resultat_formation_connu",
        violation_error_message=refus(f"Le résultat attendu des actions de formation est {ou(ResultatFormation)}."),
    ),
]
