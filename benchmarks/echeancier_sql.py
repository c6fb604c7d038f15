"""The schedules of the generated conventions written in one ``INSERT … SELECT … generate_series`` (PostgreSQL).

The generated conventions have neither avenant nor suspension: one set of terms from start to end (or to the
rupture). For them this SQL applies the rules of ``conventions.regles.echeancier`` month by month — the SMIC and
RSA in force on the first day of the month, the aid ``taux × SMIC × min(heures, 35) × 52 / 12`` rounded to the
cent, prorated on the days covered, the conseil général's share by ``referentiels.aide.repartir``, the *indu*
of a rupture outside the legal cases, ``provisoire`` after the scales' known range — so that
``recalculer_echeanciers`` finds the same rows. The legal numbers are passed from ``droit`` / ``referentiels``.

The same statement is the floor of the national recomputation in ``make bench`` (same rows, bare SQL).
On SQLite (small test volumes) the schedules are written by ``recalculer_echeanciers`` itself.
"""

from django.db import connection

from conventions.models import MotifRupture
from droit.nombres import PART_CG_DU_RSA
from droit.vocabulaire import Financement, StatutConvention
from referentiels.aide import HEURES_MAX_PRISES_EN_CHARGE, MOIS_PAR_AN, SEMAINES_PAR_AN

CTE = """
WITH conv AS (
    SELECT c.id, c.region_id, c.departement_id, c.taux, c.taux_arrete, c.financement, c.date_debut,
           c.duree_hebdo_prise_en_charge AS heures,
           LEAST(c.duree_hebdo_prise_en_charge, %(heures_max)s) AS heures_aidees,
           CASE WHEN c.statut = %(rompue)s AND c.date_rupture < c.date_fin THEN c.date_rupture
                ELSE c.date_fin END AS fin,
           c.statut = %(rompue)s AND c.motif_rupture = %(hors_cas_legaux)s AS indu
    FROM conventions_convention c
    WHERE c.statut <> %(brouillon)s AND c.date_debut IS NOT NULL AND c.date_fin IS NOT NULL
      AND c.taux IS NOT NULL AND c.duree_hebdo_prise_en_charge IS NOT NULL AND c.date_fin >= c.date_debut
      {filtre}
),
-- Every month once, with the SMIC and RSA in force on its first day: joined to the months by equality.
calendrier AS MATERIALIZED (
    SELECT d::date AS mois,
           EXTRACT(DAY FROM d + INTERVAL '1 month' - INTERVAL '1 day')::int AS jours_du_mois,
           s.valeur AS smic, ROUND(%(part_cg_rsa)s * r.valeur, 2) AS cg_max,
           (d::date > s.connu_jusqu_au OR d::date > r.connu_jusqu_au) AS provisoire
    FROM generate_series((SELECT date_trunc('month', MIN(date_debut)) FROM conv), (SELECT MAX(fin) FROM conv),
                         INTERVAL '1 month') d
    CROSS JOIN LATERAL (
        SELECT v.valeur, b.connu_jusqu_au FROM referentiels_valeurbareme v
        JOIN referentiels_bareme b ON b.id = v.bareme_id
        WHERE b.code = 'smic_horaire' AND v.date_effet <= d ORDER BY v.date_effet DESC LIMIT 1
    ) s
    CROSS JOIN LATERAL (
        SELECT v.valeur, b.connu_jusqu_au FROM referentiels_valeurbareme v
        JOIN referentiels_bareme b ON b.id = v.bareme_id
        WHERE b.code = 'rsa_forfaitaire' AND v.date_effet <= d ORDER BY v.date_effet DESC LIMIT 1
    ) r
),
mois AS (
    SELECT conv.*, cal.mois, cal.jours_du_mois, cal.smic, cal.cg_max, cal.provisoire,
           LEAST((cal.mois + INTERVAL '1 month' - INTERVAL '1 day')::date, conv.fin)
           - GREATEST(cal.mois, conv.date_debut) + 1 AS jours
    FROM conv
    CROSS JOIN LATERAL generate_series(date_trunc('month', conv.date_debut), conv.fin, INTERVAL '1 month') m
    JOIN calendrier cal ON cal.mois = m::date
),
pleine AS (
    SELECT mois.*,
           ROUND(taux / 100 * smic * heures_aidees * %(semaines)s / %(mois_par_an)s, 2) AS aide_pleine,
           CASE WHEN taux_arrete IS NOT NULL AND taux > taux_arrete
                THEN ROUND(taux_arrete / 100 * smic * heures_aidees * %(semaines)s / %(mois_par_an)s, 2) END
                AS aide_arrete
    FROM mois
),
parts AS (
    SELECT pleine.*,
           CASE financement
               WHEN %(etat)s THEN 0
               WHEN %(cg)s THEN aide_pleine
               ELSE ROUND(LEAST(cg_max, LEAST(aide_pleine, COALESCE(aide_arrete, aide_pleine)))
                          + (aide_pleine - LEAST(aide_pleine, COALESCE(aide_arrete, aide_pleine))), 2)
           END AS cg_pleine,
           ROUND(aide_pleine * jours / jours_du_mois, 2) AS aide
    FROM pleine
)
"""

INSERT = (
    CTE
    + """
INSERT INTO conventions_moisaide (convention_id, region_id, departement_id, mois, jours_aides, jours_du_mois,
    taux, heures, smic_horaire, aide, part_etat, part_conseil_general, a_rembourser, fractionne, provisoire)
SELECT id, region_id, departement_id, mois, jours, jours_du_mois, taux, heures, smic, aide,
       aide - LEAST(ROUND(cg_pleine * jours / jours_du_mois, 2), aide),
       LEAST(ROUND(cg_pleine * jours / jours_du_mois, 2), aide),
       CASE WHEN indu THEN aide ELSE 0 END, FALSE, provisoire
FROM parts
"""
)

ENGAGEMENTS = """
UPDATE conventions_convention c
SET engagement_etat = s.etat, engagement_conseil_general = s.cg
FROM (SELECT convention_id, SUM(part_etat) AS etat, SUM(part_conseil_general) AS cg
      FROM conventions_moisaide GROUP BY convention_id) s
WHERE c.id = s.convention_id
  AND (c.engagement_etat IS DISTINCT FROM s.etat OR c.engagement_conseil_general IS DISTINCT FROM s.cg)
"""


def parametres() -> dict:
    return {
        "heures_max": HEURES_MAX_PRISES_EN_CHARGE,
        "part_cg_rsa": PART_CG_DU_RSA,
        "semaines": SEMAINES_PAR_AN,
        "mois_par_an": MOIS_PAR_AN,
        "etat": Financement.ETAT,
        "cg": Financement.CG,
        "rompue": StatutConvention.ROMPUE,
        "brouillon": StatutConvention.BROUILLON,
        "hors_cas_legaux": MotifRupture.HORS_CAS_LEGAUX,
    }


def inserer_mois(id_min: int | None = None) -> int:
    """Insert the monthly rows of the conventions (from ``id_min`` on); returns the number of rows written."""
    filtre = "AND c.id >= %(id_min)s" if id_min is not None else ""
    with connection.cursor() as curseur:
        curseur.execute("SET LOCAL jit = off")  # compiling this statement costs seconds and saves none
        curseur.execute(INSERT.format(filtre=filtre), {**parametres(), "id_min": id_min})
        return curseur.rowcount


def ecrire_echeanciers(id_min: int | None = None) -> int:
    """The schedules of the generated conventions, and each one's commitment (the sum of its schedule)."""
    if connection.vendor != "postgresql":
        from conventions.models import Convention
        from conventions.services.echeancier import conventions_a_echeancier, recalculer_echeanciers

        qs = conventions_a_echeancier()
        if id_min is not None:
            qs = qs.filter(pk__gte=id_min)
        recalculer_echeanciers(Convention.objects.filter(pk__in=qs.values("pk")))
        from conventions.models import MoisAide

        return MoisAide.objects.filter(convention_id__gte=id_min or 0).count()
    lignes = inserer_mois(id_min)
    with connection.cursor() as curseur:
        curseur.execute(ENGAGEMENTS)
    return lignes
