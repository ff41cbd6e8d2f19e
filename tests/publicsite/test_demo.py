"""The demo opens the three public sites with their adopted strategies, and running it again changes nothing."""

from django.core.management import call_command
from django.test import Client, override_settings

from samskapa.publicsite.models import PublicSite, Translation


@override_settings(DEBUG=True)
def test_demo_opens_the_public_sites_with_translations_and_is_idempotent(db, capsys):
    call_command("demo", "--password", "demo-secret-1")
    assert set(PublicSite.objects.filter(is_public=True).values_list("organisation__slug", flat=True)) == {
        "mark",
        "molndal",
        "mala",
    }
    translations = Translation.objects.count()
    assert translations >= 6
    page = Client().get("/p/mala/ar/strategy/").content.decode()
    assert "الانتماء" in page and "هذه بيانات تجريبية" in page
    assert "Malå — en attraktiv plats" in page
    assert "(Demodata" in Client().get("/p/mala/sv/").content.decode()
    molndal = Client().get("/p/molndal/sv/actions/").content.decode()
    assert "Språkpraktik i stadens egna verksamheter" in molndal and "Arbete och egenförsörjning" in molndal
    for path in ("actions", "indicators", "consultations", "you-said-we-did"):
        page = Client().get(f"/p/mark/sv/{path}/").content.decode()
        assert 'class="card"' in page or 'class="data"' in page, path
    call_command("demo", "--password", "demo-secret-1")
    assert Translation.objects.count() == translations
    assert PublicSite.objects.count() == 3
