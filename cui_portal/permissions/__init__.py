"""Who sees what, and who may do what: the one place every view, export, PDF and API endpoint asks.

A person acts under one habilitation (role in an organisation). From it comes a ``Perimetre``: the
organisation, département and region they may see. Querysets are scoped with ``restreindre`` (each
model's ``visibles_par`` names its own paths); actions are checked with the small ``peut_*`` functions.
A forbidden object answers 404 (``get_object_or_404`` on a scoped queryset), a forbidden action 403.

Every comparison of a role, and every use of a scope's region, département or organisation to decide what a
person sees or does, is written in this package; views, APIs, home cards and querysets call these functions
(``tests/test_permissions_un_lieu.py`` fails otherwise). One module a concern:

- ``perimetre``: the scope, ``restreindre`` and the questions on the role;
- ``decorateurs``: ``exiger`` (403), ``permission_requise``, ``roles_requis``, ``perimetre_requis``;
- ``territoire``: the region or départements a page is about, who manages or follows a region;
- ``arretes``, ``caom``, ``conventions``, ``paiements``, ``tableau_de_bord``: each application's decisions and
  decorators.

Import the names from ``cui_portal.permissions``, not from its modules: where a decision lives may change.
"""

from .arretes import (
    ROLES_ARRETES_A_PREPARER,
    arretes_a_preparer_requis,
    peut_creer_arrete,
)
from .caom import (
    ROLES_CAOM,
    ROLES_RAPPORT_CAOM,
    caom_requis,
    peut_donner_avis_caom,
    peut_lire_rapport_caom,
    peut_voir_caom,
    rapport_caom_requis,
    region_des_caom_a_signer,
)
from .conventions import (
    ROLES_LISTE_CONVENTIONS,
    STATUTS_ACTIFS,
    peut_ajouter_avenant,
    peut_annuler_convention,
    peut_completer_convention,
    peut_corriger_rupture,
    peut_corriger_suspension,
    peut_creer_convention,
    peut_modifier_convention,
    peut_reprendre_convention,
    peut_retirer_rupture,
    peut_retirer_suspension,
    peut_rompre_convention,
    peut_supprimer_brouillon,
    peut_suspendre_convention,
    peut_voir_nir,
)
from .decorateurs import (
    exiger,
    perimetre_requis,
    permission_requise,
    roles_requis,
)
from .paiements import (
    ROLES_PAIEMENTS,
    ROLES_RELEVES_A_IMPORTER,
    paiements_requis,
    peut_importer_des_releves,
    peut_importer_releve_asp,
    peut_voir_paiements,
    region_des_releves,
    regions_des_releves,
    releves_a_importer_requis,
)
from .perimetre import (
    AUCUN,
    ROLES_NATIONAUX,
    ROLES_REGIONAUX,
    Perimetre,
    a_l_un_des_roles,
    a_une_habilitation,
    est_administrateur,
    est_conseil_general,
    est_prescripteur,
    perimetre_de,
    restreindre,
)
from .tableau_de_bord import (
    ROLES_BUDGETS,
    ROLES_PROGRAMME,
    peut_fixer_objectifs,
    peut_modifier_comite,
    peut_rectifier_bilan,
    peut_rouvrir_bilan,
    peut_voir_budgets,
    peut_voir_programme,
    programme_requis,
    regions_des_budgets,
    regions_du_programme,
)
from .territoire import (
    choisit_la_region,
    departement_de_l_organisation,
    departement_du_conseil_general,
    departements_a_choisir,
    organisation_agissante,
    peut_gerer_region,
    peut_lire_national,
    peut_suivre_region,
    region_choisie,
    region_geree,
    region_suivie,
    regions_a_choisir,
)

__all__ = [
    "AUCUN",
    "ROLES_ARRETES_A_PREPARER",
    "ROLES_BUDGETS",
    "ROLES_CAOM",
    "ROLES_LISTE_CONVENTIONS",
    "ROLES_NATIONAUX",
    "ROLES_PAIEMENTS",
    "ROLES_PROGRAMME",
    "ROLES_RAPPORT_CAOM",
    "ROLES_REGIONAUX",
    "ROLES_RELEVES_A_IMPORTER",
    "STATUTS_ACTIFS",
    "Perimetre",
    "a_l_un_des_roles",
    "a_une_habilitation",
    "arretes_a_preparer_requis",
    "caom_requis",
    "choisit_la_region",
    "departement_de_l_organisation",
    "departement_du_conseil_general",
    "departements_a_choisir",
    "est_administrateur",
    "est_conseil_general",
    "est_prescripteur",
    "exiger",
    "organisation_agissante",
    "paiements_requis",
    "perimetre_de",
    "perimetre_requis",
    "permission_requise",
    "peut_ajouter_avenant",
    "peut_annuler_convention",
    "peut_completer_convention",
    "peut_corriger_rupture",
    "peut_corriger_suspension",
    "peut_creer_arrete",
    "peut_creer_convention",
    "peut_donner_avis_caom",
    "peut_fixer_objectifs",
    "peut_gerer_region",
    "peut_importer_des_releves",
    "peut_importer_releve_asp",
    "peut_lire_national",
    "peut_lire_rapport_caom",
    "peut_modifier_comite",
    "peut_modifier_convention",
    "peut_rectifier_bilan",
    "peut_reprendre_convention",
    "peut_retirer_rupture",
    "peut_retirer_suspension",
    "peut_rompre_convention",
    "peut_rouvrir_bilan",
    "peut_suivre_region",
    "peut_supprimer_brouillon",
    "peut_suspendre_convention",
    "peut_voir_budgets",
    "peut_voir_caom",
    "peut_voir_nir",
    "peut_voir_paiements",
    "peut_voir_programme",
    "programme_requis",
    "rapport_caom_requis",
    "region_choisie",
    "region_des_caom_a_signer",
    "region_des_releves",
    "region_geree",
    "region_suivie",
    "regions_a_choisir",
    "regions_des_budgets",
    "regions_des_releves",
    "regions_du_programme",
    "releves_a_importer_requis",
    "restreindre",
    "roles_requis",
]
