"""Existing data into the new shapes: each stored suspension becomes a ``Suspension`` period (ended on the day
before its recorded resumption, found in the history; still running when the convention is suspended), and each
modification avenant gets the terms before it from the convention's history. The schedules themselves are
written by ``manage.py recalculer_echeanciers`` (the rules live in the code, not in a migration)."""

from datetime import timedelta

from django.db import migrations


def reprendre(apps, schema_editor):
    Convention = apps.get_model("conventions", "Convention")
    Historique = apps.get_model("conventions", "HistoricalConvention")
    Suspension = apps.get_model("conventions", "Suspension")
    Avenant = apps.get_model("conventions", "Avenant")

    for c in Convention.objects.exclude(date_suspension=None).iterator():
        if Suspension.objects.filter(convention_id=c.pk).exists():
            continue
        fin = None
        if c.statut != "suspendue":
            reprise = (
                Historique.objects.filter(id=c.pk, history_change_reason__startswith="Reprise")
                .order_by("-history_date")
                .first()
            )
            jour = reprise.history_date.date() if reprise else c.date_suspension
            fin = max(c.date_suspension, jour - timedelta(days=1))
            if c.date_rupture:
                fin = min(fin, max(c.date_rupture, c.date_suspension))
        Suspension.objects.create(
            convention_id=c.pk,
            date_debut=c.date_suspension,
            date_fin=fin,
            motif=c.motif_suspension or "autre",
            date_declaration=c.date_declaration_evenement or c.date_suspension,
            declaration_tardive=c.declaration_tardive,
        )

    for a in Avenant.objects.filter(type="modification", ancien_taux=None).iterator():
        avant = (
            Historique.objects.filter(id=a.convention_id, history_date__lt=a.cree_le)
            .exclude(history_change_reason__startswith=f"Avenant n° {a.numero} ")
            .order_by("-history_date")
            .first()
        )
        if avant is not None and avant.taux is not None:
            a.ancien_taux = avant.taux
            a.ancienne_duree_hebdo_prise_en_charge = avant.duree_hebdo_prise_en_charge
            a.save(update_fields=["ancien_taux", "ancienne_duree_hebdo_prise_en_charge"])


class Migration(migrations.Migration):
    dependencies = [("conventions", "0005_echeancier_et_suspensions")]

    operations = [migrations.RunPython(reprendre, migrations.RunPython.noop)]
