"""The names of Sweden's municipalities and counties, so areas can be picked before any fetch."""

import json
from pathlib import Path

from django.db import migrations


def load(apps, schema_editor):
    Area = apps.get_model("indicators", "Area")
    data = json.loads((Path(__file__).resolve().parent.parent / "data" / "sweden.json").read_text("utf-8"))
    rows = [Area(scheme="kolada", code="0000", name="Riket", kind="country")]
    rows.append(Area(scheme="scb", code="00", name="Riket", kind="country"))
    for code, name in data["municipalities"].items():
        rows.append(Area(scheme="kolada", code=code, name=name, kind="municipality"))
        rows.append(Area(scheme="scb", code=code, name=name, kind="municipality"))
    for code, name in data["counties"].items():
        rows.append(Area(scheme="scb", code=code, name=name, kind="region"))
    Area.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
