"""The demo opens the four public sites with their adopted strategies, Mark's in Swedish and
Vaasa's in Finnish with Swedish translations, and running it again changes nothing."""

import re

from django.core.management import call_command
from django.test import Client, override_settings

from samskapa.actions.models import Action
from samskapa.publicsite.models import PublicSite, Translation


@override_settings(DEBUG=True)
def test_demo_opens_the_public_sites_with_translations_and_is_idempotent(db, capsys):
    call_command("demo", "--password", "demo-secret-1")
    assert set(PublicSite.objects.filter(is_public=True).values_list("organisation__slug", flat=True)) == {
        "mark",
        "molndal",
        "mala",
        "vaasa",
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
        assert 'class="card"' in page or 'class="data' in page, path
    call_command("demo", "--password", "demo-secret-1")
    assert Translation.objects.count() == translations
    assert PublicSite.objects.count() == 4


@override_settings(DEBUG=True)
def test_marks_demo_is_written_in_swedish_and_marked_so(db, capsys):
    call_command("demo", "--password", "demo-secret-1")
    assert not Action.objects.filter(organisation__slug="mark").exclude(language="sv").exists()
    home = Client().get("/p/mark/sv/").content.decode()
    assert "Hur vill du vara med i Mark?" in home and "Svara på enkäten" in home
    assert "Inget har publicerats här ännu." not in home
    arabic = Client().get("/p/mark/ar/actions/").content.decode()
    assert re.search(r'<h3 lang="sv" dir="ltr"><span class="fallback" lang="sv" dir="ltr">Svenska</span> ', arabic)
    decided = Client().get("/p/mark/sv/you-said-we-did/").content.decode()
    assert "Delaktighet och gemenskap" in decided, "decisions show even while the strategy is not public"


@override_settings(DEBUG=True)
def test_the_finnish_demo_city_is_seen_in_finnish_and_swedish(db, capsys):
    call_command("demo", "--password", "demo-secret-1")
    finnish = Client().get("/p/vaasa/fi/").content.decode()
    assert '<html lang="fi" dir="ltr">' in finnish and "<h1>Kotoutuminen – Vaasan kaupunki</h1>" in finnish
    assert "Miten viihdyt Vaasassa?" in finnish and "Työllisyysaste" in finnish
    swedish = Client().get("/p/vaasa/sv/strategy/").content.decode()
    assert '<html lang="sv" dir="ltr">' in swedish
    assert '<h1 lang="sv" dir="ltr">Vasa stads integrationsprogram 2025–2028 (demo)</h1>' in swedish
    assert "Arbete och kompetens" in swedish
    actions = Client().get("/p/vaasa/sv/actions/").content.decode()
    assert '<h3 lang="sv" dir="ltr">Fritidspass för varje barn</h3>' in actions
    login = Client()
    login.post("/accounts/login/", {"username": "demo@samskapa.test", "password": "demo-secret-1"})
    overview = login.get("/o/vaasa/", HTTP_ACCEPT_LANGUAGE="fi")
    assert overview.status_code == 200
