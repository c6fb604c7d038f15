"""Writing generated rows fast (``COPY`` on PostgreSQL, ``executemany`` elsewhere), identifiers with their check
digits (python-stdnum), and the law of the aid (``referentiels.aide``) cached by value: no service call per row."""

import bisect
import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection
from django.utils import timezone

from referentiels import identifiants
from referentiels.aide import aide_mensuelle, arrondi, repartir

# --- writing rows ---------------------------------------------------------------------------------


class Table:
    """Rows of one model written in batches: ``COPY`` (CSV) on PostgreSQL, ``executemany`` elsewhere.

    ``champs`` are the fields given for each row, in order; every other concrete field gets its default (the
    same for all rows), so a row is a short tuple.
    """

    def __init__(self, modele, champs: list[str], lot: int = 50_000):
        meta = modele._meta
        self.modele = modele
        maintenant = timezone.now()
        donnes = [meta.get_field(c) for c in champs]
        autres = [f for f in meta.concrete_fields if f.name not in champs and not f.primary_key]
        self.colonnes = [f.column for f in donnes] + [f.column for f in autres]
        # Python 3.11's csv quotes None like "" : NULL is forced for every column that is not text.
        self.non_texte = [
            f.column for f in donnes + autres if f.get_internal_type() not in ("CharField", "TextField", "SlugField")
        ]
        defauts = []
        for f in autres:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                valeur = maintenant
            else:
                valeur = f.get_default()  # "" for a text field without default, None for a nullable one
                if f.get_internal_type() == "JSONField":
                    valeur = json.dumps(valeur)  # the text both COPY and SQLite take
            defauts.append(valeur)
        self.postgres = connection.vendor == "postgresql"
        if not self.postgres:
            defauts = [connection.ops.adapt_datetimefield_value(v) if isinstance(v, datetime) else v for v in defauts]
        self.defauts = tuple(defauts)
        self.lot = lot
        self.tampon: list[tuple] = []
        self.ecrites = 0

    def ajouter(self, ligne: tuple):
        self.tampon.append(ligne)
        if len(self.tampon) >= self.lot:
            self.vider_tampon()

    def vider_tampon(self):
        if not self.tampon:
            return
        table = connection.ops.quote_name(self.modele._meta.db_table)
        colonnes = ", ".join(connection.ops.quote_name(c) for c in self.colonnes)
        defauts = self.defauts
        with connection.cursor() as curseur:
            if self.postgres:
                texte = io.StringIO()
                # QUOTE_NONNUMERIC: strings quoted (an empty string stays ""), None unquoted (NULL).
                ecrivain = csv.writer(texte, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
                ecrivain.writerows(ligne + defauts for ligne in self.tampon)
                texte.seek(0)
                forcer = ", ".join(connection.ops.quote_name(c) for c in self.non_texte)
                options = f"FORMAT csv, FORCE_NULL ({forcer})" if forcer else "FORMAT csv"
                curseur.cursor.copy_expert(f"COPY {table} ({colonnes}) FROM STDIN WITH ({options})", texte)
            else:
                marques = ", ".join(["%s"] * len(self.colonnes))
                curseur.executemany(
                    f"INSERT INTO {table} ({colonnes}) VALUES ({marques})",
                    [ligne + defauts for ligne in self.tampon],
                )
        self.ecrites += len(self.tampon)
        self.tampon = []


def prochain_id(modele) -> int:
    dernier = modele.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (dernier or 0) + 1


def recaler_sequences(*modeles):
    requetes = connection.ops.sequence_reset_sql(no_style(), list(modeles))
    with connection.cursor() as curseur:
        for sql in requetes:
            curseur.execute(sql)


# --- identifiers with their check digits (python-stdnum) --------------------------------------------


def siret(numero: int) -> str:
    return identifiants.siret(10_000_000 + numero)


def nir(sexe: int, naissance: date, dep: str, numero: int) -> str:
    return identifiants.nir(sexe, naissance.year, naissance.month, dep, numero // 999 % 990 + 1, numero % 999 + 1)


# --- the legal parameters, cached by value --------------------------------------------------------


class Baremes:
    def __init__(self):
        ValeurBareme = apps.get_model("referentiels", "ValeurBareme")
        self.valeurs = {}
        for code in ("smic_horaire", "rsa_forfaitaire"):
            lignes = list(
                ValeurBareme.objects.filter(bareme__code=code)
                .order_by("date_effet")
                .values_list("date_effet", "valeur")
            )
            self.valeurs[code] = ([d.toordinal() for d, _ in lignes], [v for _, v in lignes])

    def valeur(self, code: str, jour: date) -> Decimal:
        dates, valeurs = self.valeurs[code]
        return valeurs[bisect.bisect_right(dates, jour.toordinal()) - 1]


@cache
def _aide(taux: Decimal, smic: Decimal, heures: Decimal) -> Decimal:
    return aide_mensuelle(taux, smic, heures)


@cache
def _repartition(aide: Decimal, financement: str, cg_max: Decimal | None, mois: int):
    r = repartir(aide, financement, cg_max or Decimal(0))
    return r.part_etat, r.part_conseil_general, arrondi(r.part_etat * mois), arrondi(r.part_conseil_general * mois)
