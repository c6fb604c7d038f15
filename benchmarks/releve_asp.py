"""Import of a 100 000-row ASP statement ÷ a bare ``bulk_create`` of the same payments, in the same run.

    python -m benchmarks.releve_asp [--lignes 100000]     # on the bench database, after benchmarks.generer

The region with the most conventions is taken; its conventions get their schedule through the service
(``recalculer_echeanciers``, lot by lot, until there are enough months: not timed); the statement is one row
per convention-month of those schedules, as the ASP writes it (CSV, « ; », French decimals). Timed: the whole
import through the services, deposit (SHA-256, already-recorded check, reading, one look-up of every number,
the check of each row, the preview's rows saved) and confirmation (rows checked again, ``bulk_create``). Floor:
building the same ``PaiementAsp`` objects and one ``bulk_create``. Medians of 3; everything is rolled back.
"""

import argparse
import json
import statistics
import time

from django.db import transaction
from django.db.models import Count

LOT_CONVENTIONS = 2000
REPETITIONS = 3


class _Annulation(Exception):
    pass


def _preparer(lignes_voulues: int):
    """The region, its author and the statement's rows; schedules computed where missing (in the transaction)."""
    from comptes.models import Utilisateur
    from conventions.models import Convention, MoisAide
    from conventions.services.echeancier import conventions_a_echeancier, recalculer_echeanciers
    from referentiels.models import Region

    ligne = (
        Convention.objects.exclude(numero__isnull=True)
        .values("region_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    if ligne is None:
        return None
    region = Region.objects.get(pk=ligne["region_id"])
    candidates = conventions_a_echeancier().filter(region=region, numero__isnull=False).order_by("pk")
    dernier = 0
    while MoisAide.objects.filter(region=region).count() < lignes_voulues:
        lot = list(candidates.filter(pk__gt=dernier).values_list("pk", flat=True)[:LOT_CONVENTIONS])
        if not lot:
            break
        recalculer_echeanciers(Convention.objects.filter(pk__in=lot))
        dernier = lot[-1]
    mois = list(
        MoisAide.objects.filter(region=region)
        .order_by("convention_id", "mois")
        .values_list("convention_id", "convention__numero", "mois", "part_etat", "part_conseil_general")[
            :lignes_voulues
        ]
    )
    auteur = Utilisateur.objects.filter(is_superuser=True).first()
    return region, auteur, mois


def _csv(mois) -> bytes:
    lignes = ["convention;mois;montant_etat;montant_conseil_general"]
    for _cid, numero, m, etat, cg in mois:
        lignes.append(f"{numero};{m:%m/%Y};{str(etat).replace('.', ',')};{str(cg).replace('.', ',')}")
    return ("\n".join(lignes) + "\n").encode()


def import_releve_asp(lignes_voulues: int = 100_000) -> dict:
    from paiements import services
    from paiements.models import PaiementAsp, ReleveAsp

    durees_import, durees_nues = [], []
    resultat: dict = {"mesure": False}
    try:
        with transaction.atomic():
            prepare = _preparer(lignes_voulues)
            if prepare is None or len(prepare[2]) < lignes_voulues:
                trouves = 0 if prepare is None else len(prepare[2])
                return {"mesure": False, "raison": f"{trouves} mois d'aide dans la plus grande région"}
            region, auteur, mois = prepare
            contenu = _csv(mois)
            seuil = services.SEUIL_VERIFICATION_ASYNCHRONE
            services.SEUIL_VERIFICATION_ASYNCHRONE = len(contenu) + 1  # checked in the call, as its task would
            try:
                for _ in range(REPETITIONS):
                    with transaction.atomic():
                        debut = time.perf_counter()
                        releve = services.deposer_releve(region, "releve.csv", "csv", contenu, auteur)
                        ecrites = services.confirmer_releve(releve)
                        durees_import.append(time.perf_counter() - debut)
                        assert ecrites == len(mois), releve.lignes[:3]
                        transaction.set_rollback(True)
                    with transaction.atomic():
                        releve = ReleveAsp.objects.create(region=region, nom_fichier="nu", format="csv", empreinte="n")
                        debut = time.perf_counter()
                        objets = [
                            PaiementAsp(
                                releve_id=releve.pk,
                                convention_id=cid,
                                region_id=region.pk,
                                mois=m,
                                montant_etat=etat,
                                montant_conseil_general=cg,
                            )
                            for cid, _numero, m, etat, cg in mois
                        ]
                        PaiementAsp.objects.bulk_create(objets, batch_size=services.LOT_ECRITURE)
                        durees_nues.append(time.perf_counter() - debut)
                        transaction.set_rollback(True)
            finally:
                services.SEUIL_VERIFICATION_ASYNCHRONE = seuil
            import_s, nu_s = statistics.median(durees_import), statistics.median(durees_nues)
            resultat = {
                "mesure": True,
                "region": region.nom,
                "lignes": len(mois),
                "octets": len(contenu),
                "import_s": round(import_s, 2),
                "bulk_create_s": round(nu_s, 2),
                "import_lignes_par_s": round(len(mois) / import_s),
                "bulk_create_lignes_par_s": round(len(mois) / nu_s),
                "ratio": round(nu_s / import_s, 3),
            }
            raise _Annulation
    except _Annulation:
        pass
    return resultat


def main(argv=None):
    from .generer import preparer_django

    parser = argparse.ArgumentParser(description="Import d'un relevé de l'ASP ÷ bulk_create (PostgreSQL).")
    parser.add_argument("--lignes", type=int, default=100_000)
    args = parser.parse_args(argv)
    preparer_django()
    print(json.dumps(import_releve_asp(args.lignes), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
