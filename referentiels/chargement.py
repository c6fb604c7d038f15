"""Idempotent loading of the reference data in ``fixtures/referentiels.json``.

Written against a model getter so that the same code runs from the data migration (historical models)
and from the ``charger_referentiels`` command (current models).
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

FICHIER = Path(settings.BASE_DIR) / "fixtures" / "referentiels.json"


@transaction.atomic
def charger(get_model=None) -> dict[str, int]:
    if get_model is None:
        from django.apps import apps

        get_model = apps.get_model
    CorrespondantMip = get_model("referentiels", "CorrespondantMip")
    Region = get_model("referentiels", "Region")
    Departement = get_model("referentiels", "Departement")
    PublicPrioritaire = get_model("referentiels", "PublicPrioritaire")
    Bareme = get_model("referentiels", "Bareme")
    ValeurBareme = get_model("referentiels", "ValeurBareme")

    data = json.loads(FICHIER.read_text(encoding="utf-8"))
    correspondants = {}
    for c in data["correspondants_mip"]:
        correspondants[c["email"]], _ = CorrespondantMip.objects.update_or_create(
            email=c["email"], defaults={"nom": c["nom"]}
        )
    # The kind of name (article) came with the migration 0005: the migration 0002 loads without it.
    avec_tncc = any(f.name == "tncc" for f in Region._meta.get_fields())

    def tncc(ligne) -> dict:
        return {"tncc": ligne["tncc"]} if avec_tncc else {}

    regions = {}
    for r in data["regions"]:
        regions[r["code_insee"]], _ = Region.objects.update_or_create(
            code_insee=r["code_insee"],
            defaults={
                "nom": r["nom"],
                "outre_mer": r["outre_mer"],
                "correspondant_mip": correspondants[r["correspondant_mip"]],
                **tncc(r),
            },
        )
    for d in data["departements"]:
        Departement.objects.update_or_create(
            code=d["code"], defaults={"nom": d["nom"], "region": regions[d["region"]], **tncc(d)}
        )
    for p in data["publics_prioritaires"]:
        PublicPrioritaire.objects.update_or_create(
            code=p["code"], defaults={"libelle": p["libelle"], "ordre": p["ordre"]}
        )
    for b in data["baremes"]:
        bareme, _ = Bareme.objects.update_or_create(
            code=b["code"],
            defaults={"connu_jusqu_au": date.fromisoformat(b["connu_jusqu_au"]), "source": b["source"]},
        )
        connues = {v.date_effet: v for v in bareme.valeurs.all()}
        for jour, valeur in b["valeurs"]:
            existante = connues.get(date.fromisoformat(jour))
            if existante is None:
                ValeurBareme.objects.create(bareme=bareme, date_effet=date.fromisoformat(jour), valeur=Decimal(valeur))
            elif existante.valeur != Decimal(valeur):  # only a real change (it recomputes the schedules)
                existante.valeur = Decimal(valeur)
                existante.save(update_fields=["valeur"])
    return {
        "régions": Region.objects.count(),
        "départements": Departement.objects.count(),
        "correspondants MIP": CorrespondantMip.objects.count(),
        "publics prioritaires": PublicPrioritaire.objects.count(),
        "valeurs de barèmes": ValeurBareme.objects.count(),
    }
