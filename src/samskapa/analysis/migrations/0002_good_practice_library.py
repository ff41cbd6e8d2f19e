"""The shared good-practice library, seeded with practices named in the project's sources
(summaries in our own words)."""

from django.db import migrations

PRACTICES = [
    {
        "title": "New Beginnings", "practised_by": "Nasc, the Migrant and Refugee Rights Centre", "country": "Ireland",
        "summary": "Peer-led groups where refugee and migrant women and young people build confidence, "
        "learn about their rights and local services, and shape what the organisation offers next.",
        "areas": ["PAR", "EQU", "INF", "CHI"],
    },
    {
        "title": "Together we can do more", "practised_by": "City of Szczecin", "country": "Poland",
        "summary": "A city programme that brings municipal units, NGOs and migrant communities to one table "
        "to plan integration activities together and share information in several languages.",
        "areas": ["GOV", "PAR", "INF"],
    },
    {
        "title": "TUTU centre", "practised_by": "Rzeszów", "country": "Poland",
        "summary": "A local support centre for migrant children and families: language support, help with "
        "school, psychosocial care for children who have lived through war, and meeting places for parents.",
        "areas": ["CHI", "EDU", "HEA", "PAR"],
    },
    {
        "title": "Co-created integration strategy", "practised_by": "Marks kommun", "country": "Sweden",
        "summary": "The strategy was drafted with a stakeholder map, some 35 interviews and focus groups with "
        "newcomers, residents, staff and organisations, and a co-creation committee that followed the work.",
        "areas": ["GOV", "MON", "PAR"],
    },
]


def seed(apps, schema_editor):
    GoodPractice = apps.get_model("analysis", "GoodPractice")
    for practice in PRACTICES:
        GoodPractice.objects.update_or_create(title=practice["title"], organisation=None, defaults=practice)


def unseed(apps, schema_editor):
    apps.get_model("analysis", "GoodPractice").objects.filter(
        organisation=None, title__in=[p["title"] for p in PRACTICES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("analysis", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
