"""The names of Sweden's municipalities and counties, so areas can be picked before any fetch."""

from django.db import migrations


def load(apps, schema_editor):
    from samskapa.indicators.areas import swedish_areas_load

    swedish_areas_load(apps.get_model("indicators", "Area"))


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
